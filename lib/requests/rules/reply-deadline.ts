/**
 * The Art. 33 reply deadline of one application, built from its events
 * (law §4.3) on top of lib/calendar's computeDeadline.
 *
 *  - 20 working days from the receipt date (start day not counted).
 *  - 补正 is a RESTART, not a pause: "答复期限自行政机关收到补正的申请之日起计算"
 *    (Art. 30). While the correction is awaited the clock is stopped (due
 *    unknown); once it arrives the full 20 days run again from that day.
 *  - Consultations (Art. 32 third party, Art. 34 other organ): the time needed
 *    is not counted. The pause runs from the day the consulted party received
 *    the request to the day its opinion arrived, but never beyond the 15
 *    working days it has to answer (after which the organ decides / silence is
 *    consent). An unanswered consultation is assumed to take all 15 days, so
 *    the due date shown is the latest possible one. (check: some organs stop
 *    the clock from the day the letter is sent.)
 *  - Fee: from the fee notice until payment the clock is stopped (109号, check).
 *    Unpaid → open pause, due unknown.
 *  - Extension: at most +20 working days (Art. 33).
 */
import type { CalendarData } from "@/lib/calendar/calendar-data";
import { compareCivilDates, type CivilDate } from "@/lib/calendar/civil-date";
import { computeDeadline, type ClockPause, type DeadlineResult } from "@/lib/calendar/deadline";
import { addWorkingDays } from "@/lib/calendar/working-days";

export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const CONSULTATION_WORKING_DAYS = 15;

export type ReplyClockInput = {
  receiptDate: CivilDate;
  correction?: { noticeDate: CivilDate; receivedOn?: CivilDate | null } | null;
  consultations?: ReadonlyArray<{ startedOn: CivilDate; answeredOn?: CivilDate | null }>;
  fee?: { noticeDate: CivilDate; paidOn?: CivilDate | null } | null;
  extensionDays?: number;
  today?: CivilDate;
};

export type ReplyDeadline = DeadlineResult & {
  /** The day the 20 working days count from: the receipt date, or the corrected application's receipt. */
  clockStart: CivilDate;
  /** The pauses applied, with Chinese reasons for display. */
  pauses: ClockPause[];
  /** Waiting for a 补正: the clock will restart when it arrives. */
  awaitingCorrection: boolean;
  /** Some consultation is unanswered and, as of `today`, assumed to take its full 15 working days. */
  assumesFullConsultation: boolean;
};

export function computeReplyDeadline(cal: CalendarData, input: ReplyClockInput): ReplyDeadline {
  const extensionDays = input.extensionDays ?? 0;
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`extensionDays must be an integer from 0 to ${MAX_EXTENSION_WORKING_DAYS}, got ${extensionDays}`);
  }
  const correction = input.correction ?? null;
  const awaitingCorrection = correction !== null && correction.receivedOn == null;
  const clockStart = correction?.receivedOn ?? input.receiptDate;
  if (compareCivilDates(clockStart, input.receiptDate) < 0) {
    throw new RangeError("The corrected application cannot be received before the original application");
  }

  const pauses: ClockPause[] = [];
  if (awaitingCorrection) pauses.push({ from: correction.noticeDate, reason: "等待申请人补正" });

  let assumesFullConsultation = false;
  for (const c of input.consultations ?? []) {
    const limit = addWorkingDays(cal, c.startedOn, CONSULTATION_WORKING_DAYS).due;
    const answered = c.answeredOn ?? null;
    // Once the 15 days are over the full length is a fact, not an assumption.
    if (answered === null && (input.today === undefined || compareCivilDates(input.today, limit) < 0)) {
      assumesFullConsultation = true;
    }
    const to = answered !== null && compareCivilDates(answered, limit) < 0 ? answered : limit;
    pauses.push({ from: c.startedOn, to, reason: "征求意见" });
  }

  if (input.fee) pauses.push({ from: input.fee.noticeDate, to: input.fee.paidOn ?? null, reason: "等待缴纳信息处理费" });

  const result = computeDeadline(cal, {
    start: clockStart,
    workingDays: REPLY_WORKING_DAYS,
    extensionDays,
    pauses,
    today: input.today,
  });
  return { ...result, clockStart, pauses, awaitingCorrection, assumesFullConsultation };
}
