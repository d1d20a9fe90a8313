/**
 * 补正 (Art. 30): within 7 working days of receipt, ask — once, listing every
 * item — for the application to be corrected, with a reasonable deadline. When
 * the correction arrives the 20-day reply clock restarts from that day; when
 * the deadline passes without it, the application is deemed withdrawn.
 */
import type { SessionUser } from "@/lib/auth/guard";
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { compareCivilDates, formatChineseDate, isCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { checkCorrectionWindow } from "./rules/receipt-date";
import { effectiveDate, receiptOf, runCaseVerb, type VerbOptions } from "./case-verb";
import { fromDbDateOrNull, toDbDate } from "./calendar";

/** Default reasonable time for the applicant to correct: 15 working days. */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;

export async function requestCorrection(
  actor: SessionUser | null | undefined,
  input: { id: string; items: string[]; deadline?: CivilDate; noticeDate?: CivilDate; guidance?: string },
  opts: VerbOptions = {},
): Promise<{ deadline: CivilDate; warning: string | null }> {
  const items = (input.items ?? []).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new ValidationError({ items: ["请逐项列明需要补正的全部事项（一次性告知）"] });
  if (items.some((s) => s.length > 500)) throw new ValidationError({ items: ["每项补正事项不超过500字"] });
  if (input.deadline !== undefined && !isCivilDate(input.deadline)) throw new ValidationError({ deadline: ["请填写有效的补正期限"] });
  return runCaseVerb(actor, input.id, "request:register", "request.correction-request", opts, async (c) => {
    await c.transition("REQUEST_CORRECTION");
    const receipt = receiptOf(c.app);
    const noticeDate = effectiveDate(input.noticeDate, c.today, "noticeDate", "补正告知日期", { date: receipt, label: "收到申请之日" });
    const window = checkCorrectionWindow(c.cal, { receiptDate: receipt, noticeDate });
    if (window.result === "REFUSE") throw new ValidationError({ items: [window.message] }, window.message);
    const minDeadline = addWorkingDays(c.cal, noticeDate, 5).due;
    const deadline = input.deadline ?? addWorkingDays(c.cal, noticeDate, DEFAULT_CORRECTION_WORKING_DAYS).due;
    if (compareCivilDates(deadline, minDeadline) < 0) {
      throw new ValidationError({ deadline: [`补正期限应当合理，不得早于${formatChineseDate(minDeadline)}（告知后5个工作日）`] });
    }
    return {
      event: "REQUEST_CORRECTION",
      effectiveOn: noticeDate,
      note: input.guidance ?? "",
      update: {
        correctionNoticeDate: toDbDate(noticeDate),
        correctionItems: items as never,
        correctionDeadline: toDbDate(deadline),
        correctionNote: (input.guidance ?? "").trim(),
      },
      payload: { items, deadline, noticeDate, windowDeadline: window.deadline, warning: window.result === "WARN" ? window.message : null },
      result: { deadline, warning: window.result === "WARN" ? window.message : null },
    };
  });
}

/** The corrected application arrived (staff record it; 4c's applicant page may call this with a system actor). */
export async function receiveCorrection(
  actor: SessionUser | null | undefined,
  input: { id: string; receivedOn?: CivilDate; content: string },
  opts: VerbOptions = {},
): Promise<{ clockRestartsFrom: CivilDate }> {
  const content = (input.content ?? "").trim();
  if (!content) throw new ValidationError({ content: ["请记录申请人补正的内容"] });
  return runCaseVerb(actor, input.id, "request:register", "request.correction-receive", opts, async (c) => {
    await c.transition("RECEIVE_CORRECTION");
    const notice = fromDbDateOrNull(c.app.correctionNoticeDate);
    const receivedOn = effectiveDate(input.receivedOn, c.today, "receivedOn", "收到补正日期", { date: notice, label: "补正告知日期" });
    return {
      event: "RECEIVE_CORRECTION",
      effectiveOn: receivedOn,
      note: content,
      update: { correctionReceivedOn: toDbDate(receivedOn) },
      payload: { receivedOn, content },
      result: { clockRestartsFrom: receivedOn },
    };
  });
}

/** The deadline passed without a correction: deemed withdrawn (年报 （六）1). */
export async function closeCorrectionOverdue(
  actor: SessionUser | null | undefined,
  input: { id: string },
  opts: VerbOptions = {},
): Promise<void> {
  return runCaseVerb(actor, input.id, "request:register", "request.correction-overdue", opts, async (c) => {
    const deadline = fromDbDateOrNull(c.app.correctionDeadline);
    await c.transition("CORRECTION_OVERDUE");
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
  });
}
