import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import { exemptionOptionLabel, PROACTIVE_EXEMPTION_CODES } from "@/lib/law/exemptions";
import {
  discardDraftAction,
  publishItemAction,
  reopenItemAction,
  returnItemAction,
  reviewItemAction,
  scheduleItemAction,
  signItemAction,
  submitItemAction,
  unscheduleItemAction,
} from "@/app/admin/(staff)/disclosures/actions";
import { REVIEW_DECISIONS, REVIEW_DECISION_LABELS } from "@/lib/disclosure/labels";

type Common = { itemId: string; version: number; hash: string };

function Keys({ itemId, version, hash }: Common) {
  return (
    <>
      <Hidden name="itemId" value={itemId} />
      <Hidden name="version" value={String(version)} />
      <Hidden name="hash" value={hash} />
    </>
  );
}

const box = "rounded border border-gray-300 bg-white p-4";

/** The forms for the workflow actions the user may take (the item policy's allowed actions, lib/disclosure/item-actions.ts). */
export function DisclosureActionForms({
  allowed,
  redactionDefault,
  attachments = [],
  ...k
}: Common & {
  allowed: Set<string>;
  redactionDefault: string;
  attachments?: Array<{ id: string; fileName: string }>;
}) {
  const forms: React.ReactNode[] = [];
  if (allowed.has("submit")) {
    forms.push(
      <section key="submit" aria-labelledby="a-submit" className={box}>
        <h3 id="a-submit" className="mb-2 font-bold">
          提交审查
        </h3>
        <ActionForm action={submitItemAction} submitLabel="提交保密审查">
          <Keys {...k} />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("review")) {
    // Offered only where the item policy allows it (not for structured disclosures).
    const partialAllowed = allowed.has("reviewPartial");
    forms.push(
      <section key="review" aria-labelledby="a-review" className={box}>
        <h3 id="a-review" className="mb-2 font-bold">
          保密审查
        </h3>
        <ActionForm action={reviewItemAction} submitLabel="提交审查意见">
          <Keys {...k} />
          <SelectField
            name="decision"
            label="审查结论"
            required
            placeholder="请选择"
            options={REVIEW_DECISIONS.filter(
              (d) => (d !== "WITHHOLD" || allowed.has("reviewWithhold")) && (d !== "PARTIAL" || allowed.has("reviewPartial")),
            ).map((d) => ({
              value: d,
              label: REVIEW_DECISION_LABELS[d],
            }))}
          />
          {partialAllowed ? null : (
            <p className="text-sm text-gray-800">结构化公开内容不能部分公开：如有不宜公开的内容，请退回修改后再审查，或选择不予公开。</p>
          )}
          <CheckboxGroup
            name="exemptions"
            legend={partialAllowed ? "不予公开依据（部分公开、不予公开时必选）" : "不予公开依据（不予公开时必选）"}
            options={PROACTIVE_EXEMPTION_CODES.map((c) => ({ value: c, label: exemptionOptionLabel(c, true) }))}
          />
          {partialAllowed ? (
            <TextArea
              name="redactedBody"
              label="部分公开时：删除不予公开内容后的正文"
              rows={6}
              defaultValue={redactionDefault}
              hint="仅在结论为“部分公开”时使用；发布的将是此版本"
            />
          ) : null}
          {partialAllowed && attachments.length > 0 ? (
            <>
              <Hidden name="redactAttachments" value="1" />
              <CheckboxGroup
                name="keepAttachmentIds"
                legend="部分公开时：公开的附件（取消勾选即不公开该附件）"
                options={attachments.map((a) => ({ value: a.id, label: a.fileName }))}
                defaultValues={attachments.map((a) => a.id)}
              />
            </>
          ) : null}
          <TextArea name="comment" label="审查意见" rows={3} hint="提请保密部门审查时必填" />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("sign")) {
    forms.push(
      <section key="sign" aria-labelledby="a-sign" className={box}>
        <h3 id="a-sign" className="mb-2 font-bold">
          签发
        </h3>
        <ActionForm action={signItemAction} submitLabel="同意签发">
          <Keys {...k} />
          <TextArea name="comment" label="签发意见" rows={2} defaultValue="同意公开。" />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("publish")) {
    forms.push(
      <section key="publish" aria-labelledby="a-publish" className={box}>
        <h3 id="a-publish" className="mb-2 font-bold">
          发布
        </h3>
        <ActionForm action={publishItemAction} submitLabel="立即发布">
          <Keys {...k} />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("schedule")) {
    forms.push(
      <section key="schedule" aria-labelledby="a-schedule" className={box}>
        <h3 id="a-schedule" className="mb-2 font-bold">
          定时发布
        </h3>
        <ActionForm action={scheduleItemAction} submitLabel="设置定时发布">
          <Keys {...k} />
          <TextField name="publishAt" type="datetime-local" label="发布时间（北京时间）" required />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("unschedule")) {
    forms.push(
      <section key="unschedule" aria-labelledby="a-unschedule" className={box}>
        <h3 id="a-unschedule" className="mb-2 font-bold">
          取消定时发布
        </h3>
        <ActionForm action={unscheduleItemAction} submitLabel="取消定时发布">
          <Keys {...k} />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("return")) {
    forms.push(
      <section key="return" aria-labelledby="a-return" className={box}>
        <h3 id="a-return" className="mb-2 font-bold">
          退回修改
        </h3>
        <ActionForm action={returnItemAction} submitLabel="退回">
          <Keys {...k} />
          <TextArea name="comment" label="退回意见" required rows={3} hint="说明需要修改的内容，信息员将在草稿上看到" />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("reopen")) {
    forms.push(
      <section key="reopen" aria-labelledby="a-reopen" className={box}>
        <h3 id="a-reopen" className="mb-2 font-bold">
          重新审查（第十八条复查）
        </h3>
        <ActionForm action={reopenItemAction} submitLabel="重新审查">
          <Keys {...k} />
          <TextArea name="comment" label="复查说明" rows={2} />
        </ActionForm>
      </section>,
    );
  }
  if (allowed.has("discardDraft")) {
    forms.push(
      <section key="discard" aria-labelledby="a-discard" className={box}>
        <h3 id="a-discard" className="mb-2 font-bold">
          放弃修改
        </h3>
        <p className="mb-2 text-sm">放弃新版本，恢复为当前公开的版本。</p>
        <ActionForm action={discardDraftAction} submitLabel="放弃修改">
          <Keys {...k} />
        </ActionForm>
      </section>,
    );
  }
  return forms.length > 0 ? <div className="grid gap-4 md:grid-cols-2">{forms}</div> : <p>您目前对该信息没有可执行的操作。</p>;
}
