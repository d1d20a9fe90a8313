/**
 * The secondary deadlines of a case, besides the reply clock (clock.ts), as
 * they stand on today's calendar — computed, never trusted from a stored flag,
 * and each with its `provisional` mark so every page that shows one can say
 * "暂定" when it reaches into a year whose schedule is not loaded:
 *   - the Art. 30 window for asking for 补正 (7 working days from receipt),
 *     so staff are warned before it closes, not only refused after;
 *   - each consultation's 15 working days (Arts. 32, 34);
 *   - the fee payment deadline (20 working days after the notice).
 */
import type { CalendarData } from "@/lib/calendar/calendar-data";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { checkCorrectionWindow, type CorrectionWindowCheck } from "./receipt-date";
import { CONSULTATION_WORKING_DAYS } from "./reply-deadline";
import { effectiveFeePaymentDue } from "./fees";

export type DatedDeadline = { due: CivilDate; provisional: boolean };

export type CaseDeadlinesInput = {
  receiptDate: CivilDate | null;
  /** 补正 can still be asked for (status and history allow it). */
  correctionAllowed: boolean;
  consultations: ReadonlyArray<{ id: string; startedOn: CivilDate; dueOn?: CivilDate | null }>;
  fee: { noticeDate: CivilDate; paymentDueDate?: CivilDate | null } | null;
  today: CivilDate;
};

export type CaseDeadlines = {
  /** Null when 补正 can no longer be asked for (or the receipt date is not known yet). */
  correctionWindow: CorrectionWindowCheck | null;
  consultations: Record<string, DatedDeadline>;
  fee: DatedDeadline | null;
};

export function computeCaseDeadlines(cal: CalendarData, input: CaseDeadlinesInput): CaseDeadlines {
  const correctionWindow =
    input.correctionAllowed && input.receiptDate
      ? checkCorrectionWindow(cal, { receiptDate: input.receiptDate, noticeDate: input.today })
      : null;
  const consultations: Record<string, DatedDeadline> = {};
  for (const c of input.consultations) {
    const r = addWorkingDays(cal, c.startedOn, CONSULTATION_WORKING_DAYS);
    consultations[c.id] = { due: r.due, provisional: r.provisional };
  }
  const fee = input.fee ? effectiveFeePaymentDue(cal, input.fee.noticeDate, input.fee.paymentDueDate ?? null) : null;
  return { correctionWindow, consultations, fee };
}
