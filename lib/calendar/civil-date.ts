/**
 * Civil dates ("YYYY-MM-DD", as read on a wall calendar in Asia/Shanghai).
 *
 * Deadlines in the disclosure law are counted in whole days, so the app never
 * needs a time of day here. All arithmetic maps a civil date to a day number
 * via UTC so that the result never depends on the server's time zone or DST.
 */

/** A civil date written "YYYY-MM-DD". Validated at the edges with `isCivilDate`. */
export type CivilDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China has used a fixed UTC+8 without DST since 1992. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export const WEEKDAY_LABELS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"] as const;

export type CivilDateParts = { year: number; month: number; day: number };

function utcMillis(year: number, month: number, day: number): number {
  // setUTCFullYear avoids Date.UTC's mapping of years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function tryParse(value: string): CivilDateParts | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  // Round-trip through UTC to reject 2026-02-30 and friends.
  const d = new Date(utcMillis(year, month, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === "string" && tryParse(value) !== null;
}

/** Parses "YYYY-MM-DD"; throws RangeError on anything else (a programming error, not user input). */
export function parseCivilDate(value: CivilDate): CivilDateParts {
  const parts = typeof value === "string" ? tryParse(value) : null;
  if (!parts) throw new RangeError(`Invalid civil date: ${value}`);
  return parts;
}

export function formatCivilDate(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: CivilDate): number {
  const { year, month, day } = parseCivilDate(date);
  return Math.round(utcMillis(year, month, day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatCivilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** `to − from` in calendar days. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday (as JavaScript's getDay). 1970-01-01 was a Thursday. */
export function weekday(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: CivilDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function yearOf(date: CivilDate): number {
  return parseCivilDate(date).year;
}

/** "YYYY-MM": the calendar month a date falls in (fees are counted per calendar month). */
export function monthKey(date: CivilDate): string {
  const { year, month } = parseCivilDate(date);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** The civil date in Asia/Shanghai at a given instant. Callers pass the instant ("now") in. */
export function civilDateInShanghai(instant: Date): CivilDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("Invalid instant");
  return fromDayNumber(Math.floor((t + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** "2026年1月4日" — the form used in notices and replies. */
export function formatChineseDate(date: CivilDate): string {
  const { year, month, day } = parseCivilDate(date);
  return `${year}年${month}月${day}日`;
}

/**
 * A civil date a person could mean in a form or a record (成文日期, 发布日期): a real date with
 * a four-digit year from 1000. Years below 1000 are typing slips ("0026-01-04"), never meant.
 */
export function isFormDate(value: unknown): value is CivilDate {
  return isCivilDate(value) && parseCivilDate(value).year >= 1000;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  return weekday(date) === 0 ? 7 : weekday(date);
}

/**
 * Adds calendar months, clamping to the last day of the target month
 * (2026-01-31 + 1 month = 2026-02-28), which is how people read "one month later".
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { year, month, day } = parseCivilDate(date);
  const zeroBased = year * 12 + (month - 1) + months;
  const ty = Math.floor(zeroBased / 12);
  const tm = (zeroBased % 12) + 1;
  const lastDay = fromDayNumber(toDayNumber(formatCivilDate(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1)) - 1);
  return formatCivilDate(ty, tm, Math.min(day, parseCivilDate(lastDay).day));
}
