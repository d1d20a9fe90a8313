"use server";

// Thin server actions: parse the form, call one verb, revalidate. The verbs authorize
// (role, department scope, case state, separation of duties: lib/requests/policy.ts).
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffFormAction } from "@/lib/verbs/form-action";
// Messages to staff show dates in the Chinese form used everywhere else (2026年1月4日), never ISO.
import { formatChineseDate } from "@/lib/calendar/civil-date";
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

/** The case page and the list show the change. */
function changed(id: string, message: string): string {
  revalidatePath(`/admin/requests/${id}`);
  revalidatePath("/admin/requests");
  return message;
}

export const registerAction = staffFormAction(z.record(z.string(), z.unknown()), async (input, ctx) => {
  const created = await registerApplication(ctx.user, input, ctx.opts());
  revalidatePath("/admin/requests");
  // The query code goes to the case page in a short-lived cookie, never in the URL.
  (await cookies()).set(
    QUERY_CODE_FLASH_COOKIE,
    createQueryCodeFlash(created.id, created.queryCode),
    queryCodeFlashCookieOptions(created.id),
  );
  redirect(`/admin/requests/${created.id}?registered=1`);
});

export const confirmAction = staffFormAction(F.confirmForm, async (i, ctx) => {
  const r = await confirmApplication(ctx.user, { id: i.id, confirmedOn: i.confirmedOn, note: i.note }, ctx.opts(i.version));
  return changed(i.id, `已确认收到申请，收到申请之日为${formatChineseDate(r.receiptDate)}，答复期限开始计算`);
});

export const closeUnconfirmedAction = staffFormAction(F.reasonForm, async (i, ctx) => {
  await closeUnconfirmed(ctx.user, { id: i.id, reason: i.reason }, ctx.opts(i.version));
  return changed(i.id, "申请已关闭（未能确认）");
});

export const startReviewAction = staffFormAction(F.idForm, async (i, ctx) => {
  await startReview(ctx.user, { id: i.id }, ctx.opts(i.version));
  return changed(i.id, "已开始审核");
});

export const acceptAction = staffFormAction(F.idForm, async (i, ctx) => {
  await acceptApplication(ctx.user, { id: i.id }, ctx.opts(i.version));
  return changed(i.id, "已转入办理");
});

export const requestCorrectionAction = staffFormAction(F.correctionForm, async (i, ctx) => {
  const r = await requestCorrection(
    ctx.user,
    { id: i.id, items: i.items, deadline: i.deadline, noticeDate: i.noticeDate, guidance: i.guidance },
    ctx.opts(i.version),
  );
  return changed(i.id, `已告知补正，补正期限至${formatChineseDate(r.deadline)}${r.warning ? `。注意：${r.warning}` : ""}`);
});

export const receiveCorrectionAction = staffFormAction(F.receiveCorrectionForm, async (i, ctx) => {
  const r = await receiveCorrection(
    ctx.user,
    { id: i.id, receivedOn: i.receivedOn, content: i.content, lateReason: i.lateReason },
    ctx.opts(i.version),
  );
  return changed(i.id, `已登记补正材料，答复期限自${formatChineseDate(r.clockRestartsFrom)}起重新计算`);
});

export const correctionOverdueAction = staffFormAction(F.idForm, async (i, ctx) => {
  await closeCorrectionOverdue(ctx.user, { id: i.id }, ctx.opts(i.version));
  return changed(i.id, "申请人逾期未补正，已按视为放弃申请处理");
});

export const startConsultationAction = staffFormAction(F.consultationForm, async (i, ctx) => {
  const r = await startConsultation(ctx.user, i, ctx.opts(i.version));
  return changed(i.id, `已发出征求意见函，答复期限为${formatChineseDate(r.dueOn)}，期间不计入答复期限`);
});

export const consultationAnswerAction = staffFormAction(F.consultationAnswerForm, async (i, ctx) => {
  await recordConsultationAnswer(ctx.user, i, ctx.opts(i.version));
  return changed(i.id, "已登记征求意见结果，恢复计算答复期限");
});

export const requestExtensionAction = staffFormAction(F.extensionRequestForm, async (i, ctx) => {
  await requestExtension(ctx.user, { id: i.id, days: i.days, reason: i.reason }, ctx.opts(i.version));
  return changed(i.id, "已提交延期申请，须经负责人批准后生效");
});

export const decideExtensionAction = staffFormAction(F.extensionDecisionForm, async (i, ctx) => {
  const r = await decideExtension(ctx.user, { id: i.id, approve: i.decision === "approve", comment: i.comment }, ctx.opts(i.version));
  return changed(i.id, r.status === "APPROVED" ? "已批准延长答复期限，请告知申请人" : "已不予批准延期");
});

export const extensionNoticeAction = staffFormAction(F.extensionNoticeForm, async (i, ctx) => {
  await recordExtensionNotice(ctx.user, i, ctx.opts(i.version));
  return changed(i.id, "已记录告知申请人延期");
});

export const assignAction = staffFormAction(F.assignForm, async (i, ctx) => {
  await assignApplication(
    ctx.user,
    { id: i.id, departmentId: i.departmentId || undefined, handlerId: i.handlerId || null, note: i.note },
    ctx.opts(i.version),
  );
  return changed(i.id, "已分办");
});

export const splitAction = staffFormAction(F.splitForm, async (i, ctx) => {
  const r = await splitApplication(ctx.user, { id: i.id, parts: i.parts }, ctx.opts(i.version));
  return changed(
    i.id,
    `已拆分，新登记申请：${r.created.map((x) => `${x.number}（查询码 ${x.queryCode}）`).join("；")}。请告知申请人新的申请编号和查询码。`,
  );
});

export const issueFeeNoticeAction = staffFormAction(F.feeForm, async (i, ctx) => {
  const method =
    i.method === "PER_VOLUME" ? { method: "PER_VOLUME" as const, pages: i.pages ?? NaN } : { method: "PER_APPLICATION" as const };
  const r = await issueFeeNotice(
    ctx.user,
    { id: i.id, ...method, paymentInstructions: i.paymentInstructions, noticeDate: i.noticeDate },
    ctx.opts(i.version),
  );
  return changed(
    i.id,
    `已发出收费通知，金额${r.amountYuan}元，缴费期限至${formatChineseDate(r.dueOn)}${r.provisional ? "（暂定：涉及尚未载入放假安排的年份）" : ""}`,
  );
});

export const confirmPaymentAction = staffFormAction(F.paymentForm, async (i, ctx) => {
  await confirmFeePayment(ctx.user, i, ctx.opts(i.version));
  return changed(i.id, "已确认缴费，恢复计算答复期限");
});

export const feeOverdueAction = staffFormAction(F.idForm, async (i, ctx) => {
  await closeFeeOverdue(ctx.user, { id: i.id }, ctx.opts(i.version));
  return changed(i.id, "逾期未缴费，已按视为放弃申请处理");
});

export const draftReplyAction = staffFormAction(F.replyDraftForm, async (i, ctx) => {
  const r = await draftReply(ctx.user, { id: i.id, decision: F.decisionFromForm(i), remarks: i.remarks }, ctx.opts(i.version));
  return changed(i.id, `答复稿（第${r.revision}稿）已保存，待负责人签发`);
});

export const signReplyAction = staffFormAction(F.signForm, async (i, ctx) => {
  if (i.decision === "return") {
    await returnReply(ctx.user, { id: i.id, comment: i.comment }, ctx.opts(i.version));
    return changed(i.id, "已退回修改");
  }
  const r = await signReply(ctx.user, { id: i.id, contentHash: i.contentHash, comment: i.comment }, ctx.opts(i.version));
  return changed(i.id, `已签发，文号${r.documentNumber}`);
});

export const deliverAction = staffFormAction(F.deliverForm, async (i, ctx) => {
  await deliverReply(ctx.user, i, ctx.opts(i.version));
  return changed(i.id, "已记录送达");
});

export const archiveAction = staffFormAction(F.idForm, async (i, ctx) => {
  await archiveApplication(ctx.user, { id: i.id }, ctx.opts(i.version));
  return changed(i.id, "已归档");
});

export const withdrawAction = staffFormAction(F.withdrawForm, async (i, ctx) => {
  await withdrawApplication(ctx.user, i, ctx.opts(i.version));
  return changed(i.id, "已登记申请人撤回申请");
});

export const addAttachmentAction = staffFormAction(F.attachmentForm, async (i, ctx) => {
  const content = new Uint8Array(await i.file.arrayBuffer());
  await addAttachment(
    ctx.user,
    { id: i.id, fileName: i.file.name, mimeType: i.file.type, content, description: i.description },
    ctx.opts(i.version),
  );
  return changed(i.id, "扫描件已上传");
});
