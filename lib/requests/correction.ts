/**
 * 补正 (Art. 30): within 7 working days of receipt, ask — once, listing every
 * item — for the application to be corrected, with a reasonable deadline (the
 * 补正告知书 PDF is generated and kept with the case). When
 * the correction arrives the 20-day reply clock restarts from that day; when
 * the deadline passes without it, the application is deemed withdrawn.
 */
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { compareCivilDates, formatChineseDate, isCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { checkCorrectionWindow } from "./rules/receipt-date";
import { caseVerb, effectiveDate, receiptOf } from "./case-verb";
import { fromDbDateOrNull, toDbDate } from "./calendar";
import { renderCorrectionNotice } from "@/lib/documents/notices";
import { organOf, storeDocument } from "./documents";

/** Default reasonable time for the applicant to correct: 15 working days. */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;

type CorrectionRequest = { id: string; items: string[]; deadline?: CivilDate; noticeDate?: CivilDate; guidance?: string };

export const requestCorrection = caseVerb<CorrectionRequest, { deadline: CivilDate; warning: string | null; documentId: string }>({
  action: "request.correction-request",
  policy: "requestCorrection",
  validate: (input) => {
    const items = input.items.map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) throw new ValidationError({ items: ["请逐项列明需要补正的全部事项（一次性告知）"] });
    if (items.some((s) => s.length > 500)) throw new ValidationError({ items: ["每项补正事项不超过500字"] });
    if (input.deadline !== undefined && !isCivilDate(input.deadline)) throw new ValidationError({ deadline: ["请填写有效的补正期限"] });
    return { ...input, items, guidance: (input.guidance ?? "").trim() };
  },
  run: async (c) => {
    const { input } = c;
    const items = input.items;
    c.transition("REQUEST_CORRECTION");
    const receipt = receiptOf(c.app);
    const noticeDate = effectiveDate(input.noticeDate, c.today, "noticeDate", "补正告知日期", { date: receipt, label: "收到申请之日" });
    const window = checkCorrectionWindow(c.cal, { receiptDate: receipt, noticeDate });
    if (window.result === "REFUSE") throw new ValidationError({ items: [window.message] }, window.message);
    const minDeadline = addWorkingDays(c.cal, noticeDate, 5).due;
    const deadline = input.deadline ?? addWorkingDays(c.cal, noticeDate, DEFAULT_CORRECTION_WORKING_DAYS).due;
    if (compareCivilDates(deadline, minDeadline) < 0) {
      throw new ValidationError({ deadline: [`补正期限应当合理，不得早于${formatChineseDate(minDeadline)}（告知后5个工作日）`] });
    }
    const guidance = input.guidance ?? "";
    const organ = await organOf(c.tx, c.app.departmentId);
    const pdf = await renderCorrectionNotice({
      organName: organ.name,
      applicantName: c.app.applicantName,
      applicationNumber: c.app.number,
      receiptDate: receipt,
      items,
      guidance,
      deadline,
      date: noticeDate,
      contact: organ.contact,
    });
    const doc = await storeDocument(c.tx, {
      applicationId: c.app.id,
      kind: "CORRECTION_NOTICE",
      sourceId: c.app.id,
      fileName: `${c.app.number}-补正告知书.pdf`,
      content: pdf,
      createdById: c.actor.id,
    });
    return {
      event: "REQUEST_CORRECTION",
      effectiveOn: noticeDate,
      note: guidance,
      update: {
        correctionNoticeDate: toDbDate(noticeDate),
        correctionItems: items,
        correctionDeadline: toDbDate(deadline),
        correctionNote: guidance,
      },
      payload: {
        items,
        deadline,
        noticeDate,
        windowDeadline: window.deadline,
        warning: window.result === "WARN" ? window.message : null,
        documentId: doc.id,
      },
      result: { deadline, warning: window.result === "WARN" ? window.message : null, documentId: doc.id },
    };
  },
});

/**
 * The corrected application arrived (staff record it; the applicant's online
 * answer is public-correction.ts). After the correction deadline the law deems
 * the application withdrawn unless the applicant had a good reason (无正当理由
 * 逾期不补正的，视为放弃申请), so a late correction is accepted only with that
 * reason written down.
 */
export const receiveCorrection = caseVerb<
  { id: string; receivedOn?: CivilDate; content: string; lateReason?: string },
  { clockRestartsFrom: CivilDate }
>({
  action: "request.correction-receive",
  policy: "receiveCorrection",
  validate: (input) => {
    const content = input.content.trim();
    const lateReason = (input.lateReason ?? "").trim();
    if (!content) throw new ValidationError({ content: ["请记录申请人补正的内容"] });
    if (lateReason.length > 1000) throw new ValidationError({ lateReason: ["逾期补正的正当理由不超过1000字"] });
    return { ...input, content, lateReason };
  },
  run: async (c) => {
    const { input } = c;
    const content = input.content;
    const lateReason = input.lateReason ?? "";
    c.transition("RECEIVE_CORRECTION");
    const notice = fromDbDateOrNull(c.app.correctionNoticeDate);
    const receivedOn = effectiveDate(input.receivedOn, c.today, "receivedOn", "收到补正日期", { date: notice, label: "补正告知日期" });
    const deadline = fromDbDateOrNull(c.app.correctionDeadline);
    const late = deadline !== null && compareCivilDates(receivedOn, deadline) > 0;
    if (deadline !== null && late && !lateReason) {
      throw new ValidationError(
        { lateReason: [`补正期限已于${formatChineseDate(deadline)}届满；申请人有正当理由的，请记录理由后再登记，否则请按逾期未补正处理`] },
        "补正已逾期，请记录正当理由或按逾期未补正处理",
      );
    }
    const note = late ? `${content}（逾期补正，正当理由：${lateReason}）` : content;
    return {
      event: "RECEIVE_CORRECTION",
      effectiveOn: receivedOn,
      note,
      update: { correctionReceivedOn: toDbDate(receivedOn) },
      payload: { receivedOn, content, ...(late ? { late: true, lateReason, correctionDeadline: deadline } : {}) },
      result: { clockRestartsFrom: receivedOn },
    };
  },
});

/** The deadline passed without a correction: deemed withdrawn (年报 （六）1). */
export const closeCorrectionOverdue = caseVerb<{ id: string }, undefined>({
  action: "request.correction-overdue",
  policy: "correctionOverdue",
  run: async (c) => {
    const deadline = fromDbDateOrNull(c.app.correctionDeadline);
    c.transition("CORRECTION_OVERDUE");
    if (deadline && compareCivilDates(c.today, deadline) <= 0) {
      throw new InvalidTransitionError(`补正期限${formatChineseDate(deadline)}尚未届满，不能按逾期未补正处理`);
    }
    return {
      event: "CORRECTION_OVERDUE",
      effectiveOn: c.today,
      update: { replyType: "OTHER", annualReportRow: "OTHER.CORRECTION_OVERDUE", closedOn: toDbDate(c.today) },
      payload: { correctionDeadline: deadline },
      result: undefined,
    };
  },
});
