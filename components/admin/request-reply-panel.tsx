import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import type { LoadedCase } from "@/lib/requests/queries";
import {
  EXEMPTION_INFO,
  legalBasisOf,
  NOT_EXIST_INFO,
  NOT_PROCESSED_INFO,
  OTHER_INFO,
  OTHER_REASONS_CLOSED_BY_OWN_VERB,
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyDecision,
} from "@/lib/requests/rules/reply-types";
import { replyDecisionParagraphs } from "@/lib/documents/reply-letter";
import { REPLY_STATUS_LABELS } from "@/lib/requests/labels";
import { draftReplyAction, signReplyAction } from "@/app/admin/(staff)/requests/actions";
import { formatInstant } from "./request-format";

const CLOSED_BY_OWN_VERB: ReadonlySet<string> = new Set(OTHER_REASONS_CLOSED_BY_OWN_VERB);

const SUB_REASON_OPTIONS = [
  ...Object.entries(NOT_EXIST_INFO).map(([v, i]) => ({ value: v, label: `无法提供：${i.label}` })),
  ...Object.entries(NOT_PROCESSED_INFO).map(([v, i]) => ({ value: v, label: `不予处理：${i.label}` })),
  // 逾期不补正 / 逾期未缴费 are not drafted as replies: the case page's dedicated
  // actions close them, after checking that the deadline has really passed.
  ...Object.entries(OTHER_INFO)
    .filter(([v]) => !CLOSED_BY_OWN_VERB.has(v))
    .map(([v, i]) => ({ value: v, label: `其他处理：${i.label}` })),
];

function DraftText({ decision, remarks }: { decision: ReplyDecision; remarks: string }) {
  return (
    <div className="space-y-2 rounded border border-gray-300 bg-gray-50 p-3">
      <p>
        <strong>答复类型：</strong>
        {REPLY_TYPE_INFO[decision.replyType].label}
      </p>
      {replyDecisionParagraphs(decision).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {remarks ? <p>{remarks}</p> : null}
      <p>
        <strong>法律依据：</strong>
        {legalBasisOf(decision)
          .map((b) => b.citation)
          .join("；") || "—"}
      </p>
    </div>
  );
}

/** Reply drafting (clerk) and sign-off (director, not the drafter). */
export function RequestReplyPanel({ c }: { c: LoadedCase }) {
  const st = c.app.status;
  const canDraft = c.allowed.has("draftReply");
  const last = c.app.replies.at(-1);
  const lastDecision = (last?.decision ?? {}) as Record<string, unknown>;
  const dv = (k: string) => {
    const v = lastDecision[k];
    return typeof v === "string" ? v : "";
  };
  return (
    <div className="space-y-4">
      {c.app.replies.length > 0 ? (
        <ol className="space-y-3">
          {c.app.replies.map((r) => (
            <li key={r.id} className="rounded border border-gray-300 bg-white p-3">
              <p className="mb-2 font-medium">
                第{r.revision}稿 · {REPLY_STATUS_LABELS[r.status]} · {r.draftedByName}拟稿（{formatInstant(r.draftedAt)}）
                {r.reviewedByName ? ` · ${r.reviewedByName}${r.status === "SIGNED" ? "签发" : "审核"}` : ""}
                {r.documentNumber ? ` · 文号：${r.documentNumber}` : ""}
              </p>
              {r.reviewComment ? <p className="mb-2">审核意见：{r.reviewComment}</p> : null}
              {r.status === "DRAFT" || r.status === "SIGNED" ? (
                <DraftText decision={r.decision as ReplyDecision} remarks={r.remarks} />
              ) : null}
              <p className="mt-1 break-all text-xs text-gray-700">内容摘要（SHA-256）：{r.contentHash}</p>
            </li>
          ))}
        </ol>
      ) : null}

      {(c.allowed.has("signReply") || c.allowed.has("returnReply")) && c.draft ? (
        <section aria-labelledby="sign-h" className="rounded border-2 border-red-800 bg-white p-4">
          <h3 id="sign-h" className="mb-2 text-lg font-bold">
            签发答复
          </h3>
          <p className="mb-3 text-sm">签发绑定上面第{c.draft.revision}稿的内容；稿件如被修改，需要重新签发。</p>
          <ActionForm action={signReplyAction} submitLabel="提交签发意见">
            <Hidden name="id" value={c.app.id} />
            <Hidden name="version" value={String(c.app.version)} />
            <Hidden name="contentHash" value={c.draft.contentHash} />
            <SelectField
              name="decision"
              label="签发意见"
              required
              options={[
                { value: "sign", label: "同意签发" },
                { value: "return", label: "退回修改" },
              ]}
              placeholder="请选择"
            />
            <TextArea name="comment" label="意见（退回时必填）" rows={2} />
          </ActionForm>
        </section>
      ) : c.draft && !c.policy.signReply.allowed && c.policy.signReply.code === "SEPARATION_OF_DUTIES" ? (
        <p className="rounded border border-amber-700 bg-amber-50 p-3">⚠ 该答复稿由您拟写，不能由您本人签发。</p>
      ) : null}

      {canDraft ? (
        <section aria-labelledby="draft-h" className="rounded border border-gray-300 bg-white p-4">
          <h3 id="draft-h" className="mb-2 text-lg font-bold">
            {st === "REPLY_DRAFTED" ? "修改答复稿（将作为新稿，需重新签发）" : "拟写答复"}
          </h3>
          <p className="mb-3 text-sm">按《条例》第三十六条选择答复类型，并填写该类型要求告知的内容；法律依据按答复类型自动引用。</p>
          <ActionForm action={draftReplyAction} submitLabel="保存答复稿">
            <Hidden name="id" value={c.app.id} />
            <Hidden name="version" value={String(c.app.version)} />
            <SelectField
              name="replyType"
              label="答复类型"
              required
              options={REPLY_TYPES.map((t) => ({ value: t, label: REPLY_TYPE_INFO[t].label }))}
              placeholder="请选择"
              defaultValue={last?.replyType}
            />
            <TextArea
              name="accessInstructions"
              label="提供方式或获取途径（已主动公开、予以公开、部分公开、要求提供出版物）"
              rows={3}
              defaultValue={dv("accessInstructions")}
            />
            <TextField name="url" type="url" label="网址（已主动公开的必填；予以公开的可填写）" defaultValue={dv("url")} />
            <CheckboxGroup
              name="publishedOffline"
              legend="已主动公开的公开方式"
              defaultValues={lastDecision.publishedOffline === true ? ["true"] : []}
              options={[{ value: "true", label: "未在网上公开（通过政府公报、公开栏、查阅点等方式公开），已在上面写明公开载体和查阅地点" }]}
            />
            <CheckboxGroup
              name="exemptionCodes"
              legend="不予公开的理由（不予公开、部分公开）"
              options={Object.entries(EXEMPTION_INFO).map(([v, i]) => ({
                value: v,
                label: `${i.label}（${i.basis.citation.replace("《中华人民共和国政府信息公开条例》", "《条例》")}）`,
              }))}
            />
            <TextArea name="reason" label="理由说明（不予公开、非本机关负责公开）" rows={3} defaultValue={dv("reason")} />
            <TextArea name="withheldReason" label="不予公开部分的理由（部分公开）" rows={2} defaultValue={dv("withheldReason")} />
            <TextArea
              name="specialProcedure"
              label="依照有关法律、行政法规办理的途径（行政查询事项）"
              rows={2}
              defaultValue={dv("specialProcedure")}
            />
            <SelectField
              name="subReason"
              label="具体情形（无法提供、不予处理、其他处理）"
              options={SUB_REASON_OPTIONS}
              placeholder="（不适用）"
              defaultValue={dv("subReason")}
            />
            <TextArea name="explanation" label="情况说明（无法提供、不予处理、其他处理）" rows={2} defaultValue={dv("explanation")} />
            <TextArea name="searchRecord" label="检索情况（本机关不掌握相关信息时必填）" rows={2} defaultValue={dv("searchRecord")} />
            <TextField name="channel" label="信访、举报、投诉的相应渠道（信访举报投诉类）" defaultValue={dv("channel")} />
            <TextField name="previousReplyReference" label="此前答复的文号或日期（重复申请）" defaultValue={dv("previousReplyReference")} />
            <TextField
              name="responsibleOrganName"
              label="负责公开的机关名称（非本机关负责公开）"
              defaultValue={dv("responsibleOrganName")}
            />
            <TextField name="responsibleOrganContact" label="该机关联系方式" defaultValue={dv("responsibleOrganContact")} />
            <CheckboxGroup
              name="responsibleOrganUnknown"
              legend="负责公开的机关"
              options={[{ value: "true", label: "无法确定负责公开的机关" }]}
            />
            <TextArea name="remarks" label="补充说明（印在告知书上）" rows={2} defaultValue={last?.remarks} />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
