import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden, SelectField, TextArea, TextField } from "@/components/forms/field";
import type { ActionState } from "@/lib/verbs/form-action";
import type { CaseAction } from "@/lib/requests/policy";
import type { LoadedCase } from "@/lib/requests/queries";
import { DELIVERY_CHANNELS } from "@/lib/requests/close-case";
import { CONSULTATION_KIND_LABELS, CONSULTATION_OUTCOME_LABELS } from "@/lib/requests/labels";
import * as A from "@/app/admin/(staff)/requests/actions";
import { RequestFileField } from "./request-file-field";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function Panel({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id} className="rounded border border-gray-300 bg-white p-4">
      <h3 id={id} className="mb-3 text-lg font-bold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function CaseForm({ c, action, submit, children }: { c: LoadedCase; action: Action; submit: string; children?: ReactNode }) {
  return (
    <ActionForm action={action} submitLabel={submit}>
      <Hidden name="id" value={c.app.id} />
      <Hidden name="version" value={String(c.app.version)} />
      {children}
    </ActionForm>
  );
}

/**
 * The forms for the actions the current user may take now — and only those: the
 * case policy (lib/requests/policy.ts) answered in loadCase, the same answers the
 * verbs require.
 */
export function RequestCaseActions({ c, departments }: { c: LoadedCase; departments: Array<{ value: string; label: string }> }) {
  const has = (a: CaseAction) => c.allowed.has(a);
  const panels: ReactNode[] = [];

  if (has("confirm")) {
    panels.push(
      <Panel key="confirm" title="确认收到申请" id="p-confirm">
        <p className="mb-3 text-sm">与申请人确认后，确认之日为收到申请之日（《条例》第三十一条），答复期限自次日起计算。</p>
        <CaseForm c={c} action={A.confirmAction} submit="确认收到申请">
          <TextField name="confirmedOn" type="date" label="确认日期" defaultValue={c.today} />
          <TextField name="note" label="确认方式说明" hint="如：电话确认、短信确认" />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("closeUnconfirmed")) {
    panels.push(
      <Panel key="unconfirmed" title="无法确认，关闭申请" id="p-unconfirmed">
        <CaseForm c={c} action={A.closeUnconfirmedAction} submit="关闭申请">
          <TextArea name="reason" label="无法确认的原因" required rows={2} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("startReview")) {
    panels.push(
      <Panel key="review" title="开始审核" id="p-review">
        <CaseForm c={c} action={A.startReviewAction} submit="开始审核" />
      </Panel>,
    );
  }
  if (has("requestCorrection")) {
    const corrWindow = c.deadlines.correctionWindow;
    panels.push(
      <Panel key="correction" title="告知补正（《条例》第三十条）" id="p-correction">
        <p className="mb-3 text-sm">应当自收到申请之日起7个工作日内一次性告知需要补正的全部事项，并给予合理的补正期限。只能告知一次。</p>
        {corrWindow ? (
          <p
            data-testid="correction-window"
            role={corrWindow.result === "OK" ? undefined : "note"}
            className={`mb-3 rounded border-l-4 px-3 py-2 text-sm ${corrWindow.result === "REFUSE" ? "border-red-800 bg-red-50 font-bold text-red-900" : corrWindow.result === "WARN" ? "border-amber-700 bg-amber-50 font-bold text-amber-900" : "border-blue-800 bg-blue-50"}`}
          >
            {corrWindow.result === "REFUSE" ? "⛔ " : corrWindow.result === "WARN" ? "⚠ " : ""}
            {corrWindow.message}
            {corrWindow.provisional ? "（告知期限涉及尚未载入放假安排的年份，为暂定日期）" : ""}
          </p>
        ) : null}
        {corrWindow?.result === "REFUSE" ? null : (
          <CaseForm c={c} action={A.requestCorrectionAction} submit="发出补正告知">
            <TextArea name="items" label="需要补正的事项（每行一项）" required rows={4} />
            <TextArea name="guidance" label="指导和释明" rows={2} />
            <TextField name="noticeDate" type="date" label="告知日期" defaultValue={c.today} />
            <TextField name="deadline" type="date" label="补正期限" hint="留空则为告知后15个工作日" />
          </CaseForm>
        )}
      </Panel>,
    );
  }
  if (has("receiveCorrection")) {
    panels.push(
      <Panel key="receive" title="收到补正材料" id="p-receive">
        <p className="mb-3 text-sm">收到补正的申请之日起重新计算20个工作日的答复期限。</p>
        <CaseForm c={c} action={A.receiveCorrectionAction} submit="登记补正材料">
          <TextArea name="content" label="申请人补正的内容" required rows={3} />
          <TextField name="receivedOn" type="date" label="收到补正日期" defaultValue={c.today} />
          <TextArea
            name="lateReason"
            label="逾期补正的正当理由（超过补正期限时填写）"
            rows={2}
            hint="补正期限届满后收到的，须记录申请人的正当理由；无正当理由的，按逾期未补正处理"
          />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("correctionOverdue")) {
    panels.push(
      <Panel key="corr-overdue" title="逾期未补正" id="p-corr-overdue">
        <CaseForm c={c} action={A.correctionOverdueAction} submit="按视为放弃申请处理" />
      </Panel>,
    );
  }
  if (has("accept")) {
    panels.push(
      <Panel key="accept" title="转入办理" id="p-accept">
        <CaseForm c={c} action={A.acceptAction} submit="转入办理" />
      </Panel>,
    );
  }
  if (has("split")) {
    panels.push(
      <Panel key="split" title="拆分申请（一事一申请）" id="p-split">
        <CaseForm c={c} action={A.splitAction} submit="拆分申请">
          <TextArea name="parts" label="各项申请事项（每行一项，第一项保留在本申请）" required rows={3} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("assign")) {
    panels.push(
      <Panel key="assign" title="分办" id="p-assign">
        <CaseForm c={c} action={A.assignAction} submit="分办">
          <SelectField name="departmentId" label="承办部门" options={departments} defaultValue={c.app.departmentId} />
          <TextField name="handlerId" label="经办人账号ID（可留空）" />
          <TextField name="note" label="说明" />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("startConsultation")) {
    panels.push(
      <Panel key="consult" title="征求意见（第三方或其他机关）" id="p-consult">
        <p className="mb-3 text-sm">对方自收到函件之日起15个工作日内提出意见，所需时间不计入答复期限。将生成征求意见函（PDF）。</p>
        <CaseForm c={c} action={A.startConsultationAction} submit="发出征求意见函">
          <SelectField name="kind" label="征求意见对象" required options={opts(CONSULTATION_KIND_LABELS)} placeholder="请选择" />
          <TextField name="partyName" label="第三方或机关名称" required />
          <TextField name="partyAddress" label="地址" />
          <TextField name="partyContact" label="联系方式" />
          <TextArea name="matter" label="征求意见的事项" required rows={3} />
          <TextField name="sentOn" type="date" label="发函日期" defaultValue={c.today} />
          <TextField name="startedOn" type="date" label="对方收到函件日期" hint="留空则与发函日期相同" />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("answerConsultation")) {
    panels.push(
      <Panel key="answer" title="登记征求意见结果" id="p-answer">
        <CaseForm c={c} action={A.consultationAnswerAction} submit="登记意见">
          <SelectField name="outcome" label="意见结果" required options={opts(CONSULTATION_OUTCOME_LABELS)} placeholder="请选择" />
          <TextField name="answeredOn" type="date" label="收到意见日期" defaultValue={c.today} />
          <TextArea name="opinion" label="意见内容" rows={3} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("issueFee")) {
    panels.push(
      <Panel key="fee" title="发出收费通知（国办函〔2020〕109号）" id="p-fee">
        <p className="mb-3 text-sm">只有申请数量、频次明显超过合理范围时才收费；按件或按量，只能选择一种。缴费期间答复期限暂停计算。</p>
        <CaseForm c={c} action={A.issueFeeNoticeAction} submit="发出收费通知">
          <SelectField
            name="method"
            label="计收方式"
            required
            options={[
              { value: "PER_APPLICATION", label: "按件计收（同一申请人本月第几件自动统计）" },
              { value: "PER_VOLUME", label: "按量计收（按页数）" },
            ]}
            placeholder="请选择"
          />
          <TextField name="pages" type="number" label="页数（按量计收时填写）" />
          <TextArea name="paymentInstructions" label="缴费方式" required rows={2} />
          <TextField name="noticeDate" type="date" label="通知日期" defaultValue={c.today} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("confirmPayment")) {
    panels.push(
      <Panel key="paid" title="确认缴费" id="p-paid">
        <CaseForm c={c} action={A.confirmPaymentAction} submit="确认已缴费">
          <TextField name="amountYuan" type="number" label="缴费金额（元）" required defaultValue={String(c.app.fee?.amountYuan ?? "")} />
          <TextField name="paidOn" type="date" label="缴费日期" defaultValue={c.today} />
          <TextField name="reference" label="票据号" />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("feeOverdue")) {
    panels.push(
      <Panel key="fee-overdue" title="逾期未缴费" id="p-fee-overdue">
        <CaseForm c={c} action={A.feeOverdueAction} submit="按视为放弃申请处理" />
      </Panel>,
    );
  }
  if (has("requestExtension")) {
    panels.push(
      <Panel key="extend" title="申请延长答复期限（《条例》第三十三条）" id="p-extend">
        <p className="mb-3 text-sm">延长最长不超过20个工作日，须经政府信息公开工作机构负责人同意并告知申请人。</p>
        <CaseForm c={c} action={A.requestExtensionAction} submit="提交延期申请">
          <TextField name="days" type="number" label="延长的工作日数" required defaultValue="20" />
          <TextArea name="reason" label="延期理由" required rows={2} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("decideExtension") && c.pendingExtension) {
    panels.push(
      <Panel key="ext-decide" title="审批延期申请" id="p-ext-decide">
        <p className="mb-3">
          {c.pendingExtension.requestedByName}申请延长{c.pendingExtension.days}个工作日，理由：{c.pendingExtension.reason}
        </p>
        <CaseForm c={c} action={A.decideExtensionAction} submit="提交审批意见">
          <SelectField
            name="decision"
            label="审批意见"
            required
            options={[
              { value: "approve", label: "批准延期" },
              { value: "reject", label: "不予批准" },
            ]}
            placeholder="请选择"
          />
          <TextArea name="comment" label="意见说明" rows={2} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("extensionNotice")) {
    panels.push(
      <Panel key="ext-notice" title="告知申请人延期" id="p-ext-notice">
        <CaseForm c={c} action={A.extensionNoticeAction} submit="记录已告知">
          <TextField name="method" label="告知方式" required hint="如：邮寄延期答复告知书、电子邮件" />
          <TextField name="sentOn" type="date" label="告知日期" defaultValue={c.today} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("deliver")) {
    panels.push(
      <Panel key="deliver" title="送达答复" id="p-deliver">
        <p className="mb-3 text-sm">以申请人签收之日或交邮之日为答复日期。</p>
        <CaseForm c={c} action={A.deliverAction} submit="记录送达">
          <SelectField
            name="method"
            label="送达方式"
            required
            options={DELIVERY_CHANNELS.map((d) => ({ value: d, label: d }))}
            placeholder="请选择"
          />
          <TextField name="deliveredOn" type="date" label="送达（签收或交邮）日期" defaultValue={c.today} />
          <TextField name="note" label="备注（如挂号信单号）" />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("archive")) {
    panels.push(
      <Panel key="archive" title="归档" id="p-archive">
        <CaseForm c={c} action={A.archiveAction} submit="归档" />
      </Panel>,
    );
  }
  if (has("withdraw")) {
    panels.push(
      <Panel key="withdraw" title="申请人撤回申请" id="p-withdraw">
        <CaseForm c={c} action={A.withdrawAction} submit="登记撤回">
          <TextArea name="reason" label="撤回方式和说明" required rows={2} />
          <TextField name="withdrawnOn" type="date" label="撤回日期" defaultValue={c.today} />
        </CaseForm>
      </Panel>,
    );
  }
  if (has("attach")) {
    panels.push(
      <Panel key="attach" title="上传扫描件（纸质申请、信封、身份证明）" id="p-attach">
        <CaseForm c={c} action={A.addAttachmentAction} submit="上传">
          <RequestFileField name="file" label="扫描件（PDF、JPEG、PNG，不超过10MB）" accept="application/pdf,image/jpeg,image/png" />
          <TextField name="description" label="说明" hint="如：申请表原件扫描件、挂号信封（邮戳）" />
        </CaseForm>
      </Panel>,
    );
  }
  if (panels.length === 0) return <p>当前没有您可以执行的办理操作。</p>;
  return <div className="grid gap-4 md:grid-cols-2">{panels}</div>;
}
