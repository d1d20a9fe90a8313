"use server";

// Thin server actions: parse the form, call one verb, revalidate. Every verb
// re-checks permission and department scope itself.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
// Messages to staff show dates in the Chinese form used everywhere else (2026年1月4日), never ISO.
import { formatChineseDate } from "@/lib/calendar/civil-date";
import type { Permission } from "@/lib/auth/permissions";
import * as F from "@/lib/requests/form-schemas";
import { registerApplication } from "@/lib/requests/register-application";
import { closeUnconfirmed, confirmApplication } from "@/lib/requests/confirm-application";
import { acceptApplication, startReview } from "@/lib/requests/review-application";
import { closeCorrectionOverdue, receiveCorrection, requestCorrection } from "@/lib/requests/correction";
import { recordConsultationAnswer, startConsultation } from "@/lib/requests/consultation";
import { decideExtension, recordExtensionNotice, requestExtension } from "@/lib/requests/extension";
import { draftReply, returnReply, signReply } from "@/lib/requests/reply";
import { archiveApplication, deliverReply, withdrawApplication } from "@/lib/requests/close-case";
import { closeFeeOverdue, confirmFeePayment, issueFeeNotice } from "@/lib/requests/fees";
import { assignApplication } from "@/lib/requests/assign-application";
import { splitApplication } from "@/lib/requests/split-application";
import { addAttachment } from "@/lib/requests/add-attachment";
import { createQueryCodeFlash, QUERY_CODE_FLASH_COOKIE, queryCodeFlashCookieOptions } from "@/lib/requests/query-code-flash";

type Ctx = Parameters<Parameters<typeof authorizedFormAction>[2]>[1];

function caseAction<S extends z.ZodType<{ id: string; version?: number }>>(
  permission: Permission,
  schema: S,
  run: (input: z.infer<S>, ctx: Ctx, opts: { ip: string; expectedVersion?: number }) => Promise<string>,
) {
  const action = authorizedFormAction(permission, schema, async (input, ctx) => {
    const message = await run(input, ctx, { ip: ctx.ip, expectedVersion: input.version });
    revalidatePath(`/admin/requests/${input.id}`);
    revalidatePath("/admin/requests");
    return message;
  });
  return (prev: ActionState, fd: FormData) => action(prev, fd);
}

const register = authorizedFormAction("request:register", z.record(z.string(), z.unknown()), async (input, ctx) => {
  const created = await registerApplication(ctx.user, input, { ip: ctx.ip });
  revalidatePath("/admin/requests");
  // The query code goes to the case page in a short-lived cookie, never in the URL.
  (await cookies()).set(QUERY_CODE_FLASH_COOKIE, createQueryCodeFlash(created.id, created.queryCode), queryCodeFlashCookieOptions(created.id));
  redirect(`/admin/requests/${created.id}?registered=1`);
});
export async function registerAction(prev: ActionState, fd: FormData) {
  return register(prev, fd);
}

const confirm = caseAction("request:register", F.confirmForm, async (i, c, o) => {
  const r = await confirmApplication(c.user, { id: i.id, confirmedOn: i.confirmedOn, note: i.note }, o);
  return `已确认收到申请，收到申请之日为${formatChineseDate(r.receiptDate)}，答复期限开始计算`;
});
export async function confirmAction(p: ActionState, fd: FormData) { return confirm(p, fd); }

const unconfirmed = caseAction("request:register", F.reasonForm, async (i, c, o) => {
  await closeUnconfirmed(c.user, { id: i.id, reason: i.reason }, o);
  return "申请已关闭（未能确认）";
});
export async function closeUnconfirmedAction(p: ActionState, fd: FormData) { return unconfirmed(p, fd); }

const review = caseAction("request:register", F.idForm, async (i, c, o) => {
  await startReview(c.user, { id: i.id }, o);
  return "已开始审核";
});
export async function startReviewAction(p: ActionState, fd: FormData) { return review(p, fd); }

const accept = caseAction("request:register", F.idForm, async (i, c, o) => {
  await acceptApplication(c.user, { id: i.id }, o);
  return "已转入办理";
});
export async function acceptAction(p: ActionState, fd: FormData) { return accept(p, fd); }

const correction = caseAction("request:register", F.correctionForm, async (i, c, o) => {
  const r = await requestCorrection(c.user, { id: i.id, items: i.items, deadline: i.deadline, noticeDate: i.noticeDate, guidance: i.guidance }, o);
  return `已告知补正，补正期限至${formatChineseDate(r.deadline)}${r.warning ? `。注意：${r.warning}` : ""}`;
});
export async function requestCorrectionAction(p: ActionState, fd: FormData) { return correction(p, fd); }

const received = caseAction("request:register", F.receiveCorrectionForm, async (i, c, o) => {
  const r = await receiveCorrection(c.user, { id: i.id, receivedOn: i.receivedOn, content: i.content, lateReason: i.lateReason }, o);
  return `已登记补正材料，答复期限自${formatChineseDate(r.clockRestartsFrom)}起重新计算`;
});
export async function receiveCorrectionAction(p: ActionState, fd: FormData) { return received(p, fd); }

const corrOverdue = caseAction("request:register", F.idForm, async (i, c, o) => {
  await closeCorrectionOverdue(c.user, { id: i.id }, o);
  return "申请人逾期未补正，已按视为放弃申请处理";
});
export async function correctionOverdueAction(p: ActionState, fd: FormData) { return corrOverdue(p, fd); }

const consult = caseAction("request:register", F.consultationForm, async (i, c, o) => {
  const r = await startConsultation(c.user, i, o);
  return `已发出征求意见函，答复期限为${formatChineseDate(r.dueOn)}，期间不计入答复期限`;
});
export async function startConsultationAction(p: ActionState, fd: FormData) { return consult(p, fd); }

const answer = caseAction("request:register", F.consultationAnswerForm, async (i, c, o) => {
  await recordConsultationAnswer(c.user, i, o);
  return "已登记征求意见结果，恢复计算答复期限";
});
export async function consultationAnswerAction(p: ActionState, fd: FormData) { return answer(p, fd); }

const extReq = caseAction("request:register", F.extensionRequestForm, async (i, c, o) => {
  await requestExtension(c.user, { id: i.id, days: i.days, reason: i.reason }, o);
  return "已提交延期申请，须经负责人批准后生效";
});
export async function requestExtensionAction(p: ActionState, fd: FormData) { return extReq(p, fd); }

const extDecide = caseAction("request:extend-approve", F.extensionDecisionForm, async (i, c, o) => {
  const r = await decideExtension(c.user, { id: i.id, approve: i.decision === "approve", comment: i.comment }, o);
  return r.status === "APPROVED" ? "已批准延长答复期限，请告知申请人" : "已不予批准延期";
});
export async function decideExtensionAction(p: ActionState, fd: FormData) { return extDecide(p, fd); }

const extNotice = caseAction("request:register", F.extensionNoticeForm, async (i, c, o) => {
  await recordExtensionNotice(c.user, i, o);
  return "已记录告知申请人延期";
});
export async function extensionNoticeAction(p: ActionState, fd: FormData) { return extNotice(p, fd); }

const assign = caseAction("request:register", F.assignForm, async (i, c, o) => {
  await assignApplication(c.user, { id: i.id, departmentId: i.departmentId || undefined, handlerId: i.handlerId || null, note: i.note }, o);
  return "已分办";
});
export async function assignAction(p: ActionState, fd: FormData) { return assign(p, fd); }

const split = caseAction("request:register", F.splitForm, async (i, c, o) => {
  const r = await splitApplication(c.user, { id: i.id, parts: i.parts }, o);
  return `已拆分，新登记申请：${r.created.map((x) => `${x.number}（查询码 ${x.queryCode}）`).join("；")}。请告知申请人新的申请编号和查询码。`;
});
export async function splitAction(p: ActionState, fd: FormData) { return split(p, fd); }

const fee = caseAction("request:register", F.feeForm, async (i, c, o) => {
  const input = i.method === "PER_VOLUME" ? { method: "PER_VOLUME" as const, pages: i.pages ?? NaN } : { method: "PER_APPLICATION" as const };
  const r = await issueFeeNotice(c.user, { id: i.id, ...input, paymentInstructions: i.paymentInstructions, noticeDate: i.noticeDate }, o);
  return `已发出收费通知，金额${r.amountYuan}元，缴费期限至${formatChineseDate(r.dueOn)}${r.provisional ? "（暂定：涉及尚未载入放假安排的年份）" : ""}`;
});
export async function issueFeeNoticeAction(p: ActionState, fd: FormData) { return fee(p, fd); }

const paid = caseAction("request:register", F.paymentForm, async (i, c, o) => {
  await confirmFeePayment(c.user, i, o);
  return "已确认缴费，恢复计算答复期限";
});
export async function confirmPaymentAction(p: ActionState, fd: FormData) { return paid(p, fd); }

const feeOverdue = caseAction("request:register", F.idForm, async (i, c, o) => {
  await closeFeeOverdue(c.user, { id: i.id }, o);
  return "逾期未缴费，已按视为放弃申请处理";
});
export async function feeOverdueAction(p: ActionState, fd: FormData) { return feeOverdue(p, fd); }

const draft = caseAction("request:reply-draft", F.replyDraftForm, async (i, c, o) => {
  const r = await draftReply(c.user, { id: i.id, decision: F.decisionFromForm(i), remarks: i.remarks }, o);
  return `答复稿（第${r.revision}稿）已保存，待负责人签发`;
});
export async function draftReplyAction(p: ActionState, fd: FormData) { return draft(p, fd); }

const sign = caseAction("request:reply-sign", F.signForm, async (i, c, o) => {
  if (i.decision === "return") {
    await returnReply(c.user, { id: i.id, comment: i.comment }, o);
    return "已退回修改";
  }
  const r = await signReply(c.user, { id: i.id, contentHash: i.contentHash, comment: i.comment }, o);
  return `已签发，文号${r.documentNumber}`;
});
export async function signReplyAction(p: ActionState, fd: FormData) { return sign(p, fd); }

const deliver = caseAction("request:register", F.deliverForm, async (i, c, o) => {
  await deliverReply(c.user, i, o);
  return "已记录送达";
});
export async function deliverAction(p: ActionState, fd: FormData) { return deliver(p, fd); }

const archive = caseAction("request:register", F.idForm, async (i, c, o) => {
  await archiveApplication(c.user, { id: i.id }, o);
  return "已归档";
});
export async function archiveAction(p: ActionState, fd: FormData) { return archive(p, fd); }

const withdraw = caseAction("request:register", F.withdrawForm, async (i, c, o) => {
  await withdrawApplication(c.user, i, o);
  return "已登记申请人撤回申请";
});
export async function withdrawAction(p: ActionState, fd: FormData) { return withdraw(p, fd); }

const attach = caseAction("request:register", F.attachmentForm, async (i, c, o) => {
  const file = i.file as File;
  await addAttachment(c.user, { id: i.id, fileName: file.name, mimeType: file.type, content: new Uint8Array(await file.arrayBuffer()), description: i.description }, o);
  return "扫描件已上传";
});
export async function addAttachmentAction(p: ActionState, fd: FormData) { return attach(p, fd); }
