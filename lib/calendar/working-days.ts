/**
 * Working-day arithmetic (law §6 and §4.3). Every period in the disclosure law
 * is counted in working days and the start day is not counted, so "n working
 * days from X" means: day 1 is the first working day after X.
 */
import { addDays, compareCivilDates, isWeekend, weekday, WEEKDAY_LABELS, type CivilDate } from "./civil-date";
import { isDateInLoadedYear, type CalendarData } from "./calendar-data";

export type DayCategory =
  /** Monday–Friday with no calendar entry. */
  | "WEEKDAY"
  /** Saturday/Sunday with no calendar entry. */
  | "WEEKEND"
  /** A calendar HOLIDAY row (day off). */
  | "HOLIDAY"
  /** A calendar WORKDAY row (调休上班). */
  | "MAKEUP_WORKDAY";

export type DayDescription = {
  date: CivilDate;
  working: boolean;
  category: DayCategory;
  /** Why the day is (not) a working day, in Chinese: "周六", "春节", "调休上班（春节）", "工作日". */
  reason: string;
  /** The day's year has no loaded schedule, so the answer is a Monday–Friday guess. */
  provisional: boolean;
};

export type SkippedDay = { date: CivilDate; reason: string };

export function describeDay(cal: CalendarData, date: CivilDate): DayDescription {
  const entry = cal.days.get(date);
  const provisional = !isDateInLoadedYear(cal, date);
  if (entry?.kind === "HOLIDAY") {
    return { date, working: false, category: "HOLIDAY", reason: entry.name.trim() || "节假日", provisional };
  }
  if (entry?.kind === "WORKDAY") {
    const name = entry.name.trim();
    return { date, working: true, category: "MAKEUP_WORKDAY", reason: name ? `调休上班（${name}）` : "调休上班", provisional };
  }
  if (isWeekend(date)) {
    return { date, working: false, category: "WEEKEND", reason: WEEKDAY_LABELS[weekday(date)] ?? "休息日", provisional };
  }
  return { date, working: true, category: "WEEKDAY", reason: "工作日", provisional };
}

export function isWorkingDay(cal: CalendarData, date: CivilDate): boolean {
  return describeDay(cal, date).working;
}

/** The reason in Chinese, e.g. "周六", "周日", "春节", "调休上班（春节）", "工作日". */
export function explainDay(cal: CalendarData, date: CivilDate): string {
  return describeDay(cal, date).reason;
}

export type AddWorkingDaysResult = {
  due: CivilDate;
  /** Some day examined lies in a year whose schedule is not loaded. */
  provisional: boolean;
  /** Non-working days passed over between `from` (exclusive) and `due`, with reasons. */
  skipped: SkippedDay[];
};

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * The n-th working day after `from` (the start day is not counted). n = 0 returns `from`.
 * The days examined are from+1 … due; `from` itself is never examined.
 */
export function addWorkingDays(cal: CalendarData, from: CivilDate, n: number): AddWorkingDaysResult {
  assertCount(n, "n");
  let date = from;
  let counted = 0;
  let provisional = false;
  const skipped: SkippedDay[] = [];
  while (counted < n) {
    date = addDays(date, 1);
    const day = describeDay(cal, date);
    if (day.provisional) provisional = true;
    if (day.working) counted += 1;
    else skipped.push({ date, reason: day.reason });
  }
  return { due: date, provisional, skipped };
}

function countWorkingDaysAfter(cal: CalendarData, from: CivilDate, to: CivilDate): number {
  let count = 0;
  for (let date = addDays(from, 1); compareCivilDates(date, to) <= 0; date = addDays(date, 1)) {
    if (isWorkingDay(cal, date)) count += 1;
  }
  return count;
}

/**
 * Working days after `from` up to and including `to` (from < d ≤ to).
 * Signed: when `to` is before `from` the result is minus the count of (to, from].
 */
export function workingDaysBetween(cal: CalendarData, from: CivilDate, to: CivilDate): number {
  return compareCivilDates(from, to) <= 0 ? countWorkingDaysAfter(cal, from, to) : -countWorkingDaysAfter(cal, to, from);
}

export function isOverdue(today: CivilDate, due: CivilDate): boolean {
  return compareCivilDates(today, due) > 0;
}

/**
 * Working days left after `today` up to and including `due`: 0 means "due today".
 * Negative when overdue: −(working days after `due` up to `today`), but never
 * above −1 once `due` has passed — a weekend right after the due date is
 * already overdue even though no working day has gone by.
 */
export function remainingWorkingDays(cal: CalendarData, today: CivilDate, due: CivilDate): number {
  if (!isOverdue(today, due)) return workingDaysBetween(cal, today, due);
  return -Math.max(1, workingDaysBetween(cal, due, today));
}

/** Due today or within the next n working days; false once overdue (see `isOverdue`). */
export function isDueWithin(cal: CalendarData, today: CivilDate, due: CivilDate, n: number): boolean {
  assertCount(n, "n");
  const remaining = remainingWorkingDays(cal, today, due);
  return remaining >= 0 && remaining <= n;
}
