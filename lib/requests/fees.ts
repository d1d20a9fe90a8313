/**
 * 信息处理费 (国办函〔2020〕109号, rules/fees.ts): count the same applicant's
 * applications (normalised identity number) received in the calendar month,
 * assess by ONE method, issue the notice (PDF; the reply clock stops), record
 * payment, or close as abandoned when unpaid after 20 working days.
 */
import { db, type Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/guard";
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { compareCivilDates, formatChineseDate, monthKey, type CivilDate } from "@/lib/calendar/civil-date";
import { renderFeeNotice } from "@/lib/documents/notices";
import { assessProcessingFee, effectiveFeePaymentDue, feePaymentDue, type FeeAssessment, type FeeRequest } from "./rules/fees";
import { caseVerb, effectiveDate, findCaseInScope, receiptOf } from "./case-verb";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "./calendar";
import { organOf, storeDocument } from "./documents";

/**
 * This application's place (1-based) among the applicant's applications
 * received in the same calendar month, ordered by receipt date then creation.
 * Applications never received (待确认 / 未能确认) do not count.
 */
export async function monthlyOrdinalOf(
  client: Pick<Tx, "disclosureApplication">,
  app: { id: string; idNumber: string; receiptDate: Date | null; createdAt: Date },
): Promise<number> {
  const receipt = fromDbDateOrNull(app.receiptDate);
  if (!receipt) throw new InvalidTransitionError("该申请尚未确认收到，不能计算收费");
  const [y = 0, m = 1] = monthKey(receipt).split("-").map(Number);
  const from = new Date(Date.UTC(y, m - 1, 1));
  const to = new Date(Date.UTC(y, m, 1));
  const same = await client.disclosureApplication.findMany({
    where: { idNumber: app.idNumber, receiptDate: { gte: from, lt: to }, status: { not: "CLOSED_UNCONFIRMED" } },
    select: { id: true, receiptDate: true, createdAt: true },
    orderBy: [{ receiptDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const idx = same.findIndex((a) => a.id === app.id);
  return idx < 0 ? same.length + 1 : idx + 1;
}

export type FeeInput = { method: "PER_APPLICATION" } | { method: "PER_VOLUME"; pages: number };

/** Preview the fee for a case (read-only; scope-checked). */
export async function previewFee(
  actor: SessionUser | null | undefined,
  id: string,
  input: FeeInput,
): Promise<FeeAssessment & { monthlyOrdinal: number }> {
  const found = await findCaseInScope(actor, id);
  const app = await db().disclosureApplication.findUniqueOrThrow({ where: { id: found.id } });
  const ordinal = await monthlyOrdinalOf(db(), app);
  const r = assessProcessingFee(toFeeRequest(input, ordinal));
  if (!r.ok) throw new ValidationError({ method: [r.message] }, r.message);
  return { ...r.fee, monthlyOrdinal: ordinal };
}

/** Keeps a stray quantity of the other method so rules/fees.ts refuses mixing both. */
function toFeeRequest(input: FeeInput, ordinal: number): FeeRequest {
  const raw: Record<string, unknown> = input;
  const has = (k: string) => raw[k] !== undefined && raw[k] !== null && raw[k] !== "";
  return input.method === "PER_VOLUME"
    ? { method: "PER_VOLUME", pages: Number(raw.pages), ...(has("monthlyOrdinal") ? { monthlyOrdinal: raw.monthlyOrdinal } : {}) }
    : { method: input.method, monthlyOrdinal: ordinal, ...(has("pages") ? { pages: raw.pages } : {}) };
}

export const issueFeeNotice = caseVerb<
  FeeInput & { id: string; paymentInstructions: string; noticeDate?: CivilDate },
  { amountYuan: number; dueOn: CivilDate; provisional: boolean; documentId: string }
>({
  action: "request.fee-notice",
  policy: "issueFee",
  validate: (input) => {
    const paymentInstructions = input.paymentInstructions.trim();
    if (!paymentInstructions) throw new ValidationError({ paymentInstructions: ["请填写缴费方式（收款单位、账号或缴费地点）"] });
    return { ...input, paymentInstructions };
  },
  // One notice per application: the policy refuses a second (hasFee).
  run: async (c) => {
    const { input } = c;
    const instructions = input.paymentInstructions;
    c.transition("ISSUE_FEE_NOTICE");
    const receipt = receiptOf(c.app);
    const ordinal = await monthlyOrdinalOf(c.tx, c.app);
    const r = assessProcessingFee(toFeeRequest(input, ordinal));
    if (!r.ok) throw new ValidationError({ method: [r.message] }, r.message);
    if (r.fee.free) throw new ValidationError({ method: [`${r.fee.summary}无需发出收费通知`] }, `${r.fee.summary}无需发出收费通知`);
    const noticeDate = effectiveDate(input.noticeDate, c.today, "noticeDate", "收费通知日期", { date: receipt, label: "收到申请之日" });
    const { due: dueOn, provisional } = feePaymentDue(c.cal, noticeDate);
    const fee = await c.tx.applicationFee.create({
      data: {
        applicationId: c.app.id,
        method: r.fee.method,
        monthlyOrdinal: input.method === "PER_APPLICATION" ? ordinal : null,
        pages: input.method === "PER_VOLUME" ? input.pages : null,
        amountYuan: r.fee.amountYuan,
        assessment: r.fee,
        paymentInstructions: instructions,
        noticeDate: toDbDate(noticeDate),
        paymentDueDate: toDbDate(dueOn),
        issuedById: c.actor.id,
      },
      select: { id: true },
    });
    const organ = await organOf(c.tx, c.app.departmentId);
    const pdf = await renderFeeNotice({
      organName: organ.name,
      applicantName: c.app.applicantName,
      applicationNumber: c.app.number,
      receiptDate: receipt,
      fee: r.fee,
      paymentInstructions: instructions,
      dueOn,
      date: noticeDate,
      contact: organ.contact,
    });
    const doc = await storeDocument(c.tx, {
      applicationId: c.app.id,
      kind: "FEE_NOTICE",
      sourceId: fee.id,
      fileName: `${c.app.number}-收费通知书.pdf`,
      content: pdf,
      createdById: c.actor.id,
    });
    return {
      event: "ISSUE_FEE_NOTICE",
      effectiveOn: noticeDate,
      note: r.fee.summary,
      payload: { feeId: fee.id, method: r.fee.method, amountYuan: r.fee.amountYuan, monthlyOrdinal: ordinal, dueOn, documentId: doc.id },
      result: { amountYuan: r.fee.amountYuan, dueOn, provisional, documentId: doc.id },
    };
  },
});

export const confirmFeePayment = caseVerb<{ id: string; paidOn?: CivilDate; amountYuan: number; reference?: string }, undefined>({
  action: "request.fee-paid",
  policy: "confirmPayment",
  run: async (c) => {
    const { input } = c;
    c.transition("CONFIRM_PAYMENT");
    const fee = await c.tx.applicationFee.findUnique({ where: { applicationId: c.app.id } });
    if (!fee || fee.status !== "UNPAID") throw new InvalidTransitionError("没有待缴的信息处理费");
    if (input.amountYuan !== fee.amountYuan) {
      throw new ValidationError({ amountYuan: [`缴费金额应为${fee.amountYuan}元`] });
    }
    const paidOn = effectiveDate(input.paidOn, c.today, "paidOn", "缴费日期", { date: fromDbDate(fee.noticeDate), label: "收费通知日期" });
    const { due } = effectiveFeePaymentDue(c.cal, fromDbDate(fee.noticeDate), fromDbDate(fee.paymentDueDate));
    if (compareCivilDates(paidOn, due) > 0) {
      throw new ValidationError({ paidOn: [`缴费期限为${formatChineseDate(due)}，逾期缴费的申请应按视为放弃处理`] });
    }
    await c.tx.applicationFee.update({
      where: { id: fee.id },
      data: { status: "PAID", paidOn: toDbDate(paidOn), paidAmountYuan: fee.amountYuan, paymentReference: (input.reference ?? "").trim() },
    });
    return { event: "CONFIRM_PAYMENT", effectiveOn: paidOn, payload: { amountYuan: fee.amountYuan, paidOn }, result: undefined };
  },
});

export const closeFeeOverdue = caseVerb<{ id: string }, undefined>({
  action: "request.fee-overdue",
  policy: "feeOverdue",
  run: async (c) => {
    c.transition("FEE_OVERDUE");
    const fee = await c.tx.applicationFee.findUnique({ where: { applicationId: c.app.id } });
    if (!fee || fee.status !== "UNPAID") throw new InvalidTransitionError("没有待缴的信息处理费");
    // The deadline on today's calendar: a holiday loaded after the notice was issued moves it back.
    const { due } = effectiveFeePaymentDue(c.cal, fromDbDate(fee.noticeDate), fromDbDate(fee.paymentDueDate));
    if (compareCivilDates(c.today, due) <= 0) {
      throw new InvalidTransitionError(`缴费期限${formatChineseDate(due)}尚未届满，不能按逾期未缴费处理`);
    }
    await c.tx.applicationFee.update({ where: { id: fee.id }, data: { status: "ABANDONED" } });
    return {
      event: "FEE_OVERDUE",
      effectiveOn: c.today,
      update: { replyType: "OTHER", annualReportRow: "OTHER.FEE_UNPAID", closedOn: toDbDate(c.today) },
      payload: { paymentDueDate: due },
      result: undefined,
    };
  },
});
