/**
 * zod schemas for the staff case forms (HTML form values → verb inputs).
 * Field names match the verbs' ValidationError keys so errors show on the field.
 */
import { z } from "zod";
import { optionalCivilDate } from "./schema";

const id = z.string().min(1, "缺少申请编号");
const version = z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int().optional());
const text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : (v ?? "")), z.string().max(max, `不能超过${max}个字`));
const lines = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/\r?\n/)
          .map((s) => s.replace(/^\s*(\d+[.、．)]|[-*•])\s*/, "").trim())
          .filter(Boolean)
      : (v ?? []),
  z.array(z.string()),
);
const base = { id, version };

export const idForm = z.object(base);
export const confirmForm = z.object({ ...base, confirmedOn: optionalCivilDate("确认日期"), note: text(500) });
export const reasonForm = z.object({ ...base, reason: text(1000) });
export const correctionForm = z.object({
  ...base,
  items: lines,
  deadline: optionalCivilDate("补正期限"),
  noticeDate: optionalCivilDate("告知日期"),
  guidance: text(1000),
});
export const receiveCorrectionForm = z.object({
  ...base,
  receivedOn: optionalCivilDate("收到补正日期"),
  content: text(2000),
  lateReason: text(1000),
});
export const consultationForm = z.object({
  ...base,
  kind: z.enum(["THIRD_PARTY", "OTHER_ORGAN"], { error: "请选择征求意见的对象类型" }),
  partyName: text(200),
  partyAddress: text(200),
  partyContact: text(200),
  matter: text(1000),
  sentOn: optionalCivilDate("发函日期"),
  startedOn: optionalCivilDate("对方收到函件日期"),
});
export const consultationAnswerForm = z.object({
  ...base,
  outcome: z.enum(["AGREE", "DISAGREE", "NO_REPLY"], { error: "请选择意见结果" }),
  answeredOn: optionalCivilDate("收到意见日期"),
  opinion: text(2000),
});
export const extensionRequestForm = z.object({
  ...base,
  days: z.preprocess((v) => (v === "" ? undefined : Number(v)), z.number({ error: "请填写延长的工作日数" }).int("请填写整数")),
  reason: text(1000),
});
export const extensionDecisionForm = z.object({
  ...base,
  decision: z.enum(["approve", "reject"], { error: "请选择是否批准" }),
  comment: text(500),
});
export const extensionNoticeForm = z.object({ ...base, sentOn: optionalCivilDate("告知日期"), method: text(100) });
export const assignForm = z.object({ ...base, departmentId: text(40), handlerId: text(40), note: text(500) });
export const splitForm = z.object({ ...base, parts: lines });
export const feeForm = z.object({
  ...base,
  method: z.enum(["PER_APPLICATION", "PER_VOLUME"], { error: "请选择计收方式：按件计收或按量计收" }),
  pages: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z.number().int("页数应为整数").min(0, "页数不能为负数").optional(),
  ),
  paymentInstructions: text(1000),
  noticeDate: optionalCivilDate("收费通知日期"),
});
export const paymentForm = z.object({
  ...base,
  amountYuan: z.preprocess((v) => (v === "" ? undefined : Number(v)), z.number({ error: "请填写缴费金额" })),
  paidOn: optionalCivilDate("缴费日期"),
  reference: text(100),
});
export const deliverForm = z.object({ ...base, method: text(50), deliveredOn: optionalCivilDate("送达（交邮）日期"), note: text(500) });
export const withdrawForm = z.object({ ...base, reason: text(500), withdrawnOn: optionalCivilDate("撤回日期") });
export const signForm = z.object({ ...base, contentHash: z.string().min(1), comment: text(500), decision: z.enum(["sign", "return"]) });

/** The reply draft form: flat fields, assembled into a rules/reply-types.ts decision. */
export const replyDraftForm = z.object({
  ...base,
  replyType: text(40),
  subReason: text(40),
  accessInstructions: text(2000),
  url: text(1000),
  withheldReason: text(2000),
  exemptionCodes: z.preprocess(
    (v): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.string()),
  ),
  specialProcedure: text(2000),
  reason: text(2000),
  explanation: text(2000),
  searchRecord: text(2000),
  responsibleOrganName: text(200),
  responsibleOrganContact: text(200),
  responsibleOrganUnknown: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  publishedOffline: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  channel: text(200),
  previousReplyReference: text(200),
  remarks: text(2000),
});

export function decisionFromForm(f: z.output<typeof replyDraftForm>): Record<string, unknown> {
  const out: Record<string, unknown> = { replyType: f.replyType || undefined };
  const keys = [
    "subReason",
    "accessInstructions",
    "url",
    "withheldReason",
    "specialProcedure",
    "reason",
    "explanation",
    "searchRecord",
    "responsibleOrganName",
    "responsibleOrganContact",
    "channel",
    "previousReplyReference",
  ] as const;
  for (const k of keys) if (f[k]) out[k] = f[k];
  if (f.replyType === "WITHHOLD" || f.replyType === "PARTIAL") out.exemptionCodes = f.exemptionCodes;
  if (f.replyType === "NOT_OURS") out.responsibleOrganUnknown = f.responsibleOrganUnknown;
  // Only an explicit tick counts: without it, an 已主动公开 reply needs the link.
  if (f.replyType === "ALREADY_PUBLIC" && f.publishedOffline) out.publishedOffline = true;
  return out;
}

export const attachmentForm = z.object({
  ...base,
  description: text(200),
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, { error: "请选择要上传的扫描件" }),
});
