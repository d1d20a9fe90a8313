/**
 * Deadlines with stopped-clock intervals (law §4.3): time spent waiting for a
 * third party's or another organ's opinion, or for a fee to be paid, is not
 * counted in the reply period.
 *
 * Pause semantics — a pause { from, to } excludes the working days d with
 *   from < d ≤ to
 * i.e. from the day after the pause starts through the day it ends. The day the
 * pause starts still counts (the office worked that day and sent the letter or
 * notice), and the day it ends does not (the clock resumes the next day, the
 * same "start day not counted" rule as for the receipt date). A pause with
 * from = to excludes nothing. An open pause (no `to`) excludes every day after
 * `from`: the clock is stopped and the due date is unknown.
 *
 * Overlapping pauses are merged (a day is excluded once). A pause that starts on
 * or after the due date does not move it: once a deadline has passed, stopping
 * the clock cannot revive it.
 */
import { addDays, compareCivilDates, isCivilDate, type CivilDate } from "./civil-date";
import type { CalendarData } from "./calendar-data";
import { describeDay, isOverdue, workingDaysBetween } from "./working-days";

export type ClockPause = {
  /** The day the clock stops (still counted). */
  from: CivilDate;
  /** The day the clock restarts from (not counted); omit while the pause is still open. */
  to?: CivilDate | null;
  /** Free text for display, e.g. "征求第三方意见". */
  reason?: string;
};

export type DeadlineInput = {
  /** The start day (not counted), e.g. the receipt date. */
  start: CivilDate;
  workingDays: number;
  pauses?: readonly ClockPause[];
  /** Approved extension in working days, added to `workingDays`. */
  extensionDays?: number;
  /** Pass "today" to get elapsed/remaining/overdue; rules never read the clock themselves. */
  today?: CivilDate;
};

export type DeadlineResult = {
  start: CivilDate;
  /** workingDays + extensionDays. */
  totalWorkingDays: number;
  /** Null while an open pause stops the clock before the deadline is reached. */
  due: CivilDate | null;
  /** The due date without the extension (an extension must be decided before this). */
  baseDue: CivilDate | null;
  /** Some pause is open (no `to`). */
  paused: boolean;
  /** Some day examined to find the due date lies in a year whose schedule is not loaded. */
  provisional: boolean;
  /**
   * Working days excluded by pauses after `start`, up to the due date; when the
   * due date is unknown, up to `today` (or up to where the open pause began).
   */
  pausedWorkingDays: number;
  /** Counted (working, not paused) days in (start, today]; null without `today`. */
  elapsedWorkingDays: number | null;
  /**
   * Clock days left: totalWorkingDays − elapsed, so it stays meaningful while
   * the clock is stopped. Once overdue, −(working days after due up to today), at most −1.
   * Null without `today`.
   */
  remainingWorkingDays: number | null;
  /** today > due; null without `today` or while the due date is unknown. */
  overdue: boolean | null;
};

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

function validatePauses(pauses: readonly ClockPause[]): void {
  for (const p of pauses) {
    if (!isCivilDate(p.from)) throw new RangeError(`Invalid pause start: ${String(p.from)}`);
    if (p.to != null) {
      if (!isCivilDate(p.to)) throw new RangeError(`Invalid pause end: ${String(p.to)}`);
      if (compareCivilDates(p.to, p.from) < 0) throw new RangeError(`Pause ends (${p.to}) before it starts (${p.from})`);
    }
  }
}

/** Is `date` excluded by some pause (from < date ≤ to, or from < date for an open pause)? */
export function isPausedDay(pauses: readonly ClockPause[], date: CivilDate): boolean {
  return pauses.some((p) => compareCivilDates(date, p.from) > 0 && (p.to == null || compareCivilDates(date, p.to) <= 0));
}

function countDays(
  cal: CalendarData,
  pauses: readonly ClockPause[],
  start: CivilDate,
  end: CivilDate,
): { counted: number; paused: number } {
  let counted = 0;
  let paused = 0;
  for (let d = addDays(start, 1); compareCivilDates(d, end) <= 0; d = addDays(d, 1)) {
    if (!describeDay(cal, d).working) continue;
    if (isPausedDay(pauses, d)) paused += 1;
    else counted += 1;
  }
  return { counted, paused };
}

export function computeDeadline(cal: CalendarData, input: DeadlineInput): DeadlineResult {
  const { start, workingDays, today } = input;
  const extensionDays = input.extensionDays ?? 0;
  const pauses = input.pauses ?? [];
  if (!isCivilDate(start)) throw new RangeError(`Invalid start date: ${String(start)}`);
  if (today !== undefined && !isCivilDate(today)) throw new RangeError(`Invalid today: ${String(today)}`);
  assertCount(workingDays, "workingDays");
  assertCount(extensionDays, "extensionDays");
  validatePauses(pauses);

  const total = workingDays + extensionDays;
  // After the earliest open pause begins no day can count, so the walk stops there.
  const openFrom = pauses
    .filter((p) => p.to == null)
    .map((p) => p.from)
    .sort(compareCivilDates)[0];

  let date = start;
  let counted = 0;
  let provisional = false;
  let baseDue: CivilDate | null = workingDays === 0 ? start : null;
  let due: CivilDate | null = total === 0 ? start : null;
  while (counted < total) {
    date = addDays(date, 1);
    if (openFrom !== undefined && compareCivilDates(date, openFrom) > 0) break;
    const day = describeDay(cal, date);
    if (day.provisional) provisional = true;
    if (!day.working || isPausedDay(pauses, date)) continue;
    counted += 1;
    if (counted === workingDays) baseDue = date;
    if (counted === total) due = date;
  }

  const horizon = due ?? today ?? (openFrom !== undefined && compareCivilDates(openFrom, start) > 0 ? openFrom : start);
  const pausedWorkingDays = countDays(cal, pauses, start, horizon).paused;

  let elapsedWorkingDays: number | null = null;
  let remainingWorkingDays: number | null = null;
  let overdue: boolean | null = null;
  if (today !== undefined) {
    elapsedWorkingDays = countDays(cal, pauses, start, today).counted;
    overdue = due === null ? null : isOverdue(today, due);
    remainingWorkingDays = due !== null && overdue ? -Math.max(1, workingDaysBetween(cal, due, today)) : total - elapsedWorkingDays;
  }

  return {
    start,
    totalWorkingDays: total,
    due,
    baseDue,
    paused: openFrom !== undefined,
    provisional,
    pausedWorkingDays,
    elapsedWorkingDays,
    remainingWorkingDays,
    overdue,
  };
}
