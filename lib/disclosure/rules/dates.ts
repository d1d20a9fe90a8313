// Calendar-date helpers for the disclosure rules.
//
// Legal dates (成文日期, formed/changed date, publication date, re-review due date) are
// calendar dates in China, not instants, so they travel as "YYYY-MM-DD" strings and are
// computed on a day number (days since 1970-01-01). That keeps the arithmetic free of
// time zones and daylight-saving surprises. Instants (Date) are converted once, with the
// fixed UTC+8 offset China has used since 1991 (no DST), by `chinaDateOf`.

export type DateString = string; // "YYYY-MM-DD"

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** True for a real calendar date written as "YYYY-MM-DD", year 1000–9999 (rejects 2026-02-30). */
export function isDateString(value: unknown): value is DateString {
  if (typeof value !== "string") return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years below 1000 are never meant here, and Date.UTC maps 0–99 to 1900–1999.
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Day number (days since 1970-01-01) of a "YYYY-MM-DD" date; throws on a malformed date. */
export function toDayNumber(date: DateString): number {
  if (!isDateString(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, mo, d] = date.split("-").map(Number);
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): DateString {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: DateString, days: number): DateString {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: DateString): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Adds calendar months, clamping to the last day of the target month
 * (2026-01-31 + 1 month = 2026-02-28), which is how people read "one month later".
 */
export function addMonths(date: DateString, months: number): DateString {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  toDayNumber(date); // validates
  const [y, mo, d] = date.split("-").map(Number);
  const zeroBased = y * 12 + (mo - 1) + months;
  const ty = Math.floor(zeroBased / 12);
  const tm = (zeroBased % 12) + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, "0")}-${String(tm).padStart(2, "0")}-${String(td).padStart(2, "0")}`;
}

/** The calendar date in China (UTC+8) at the given instant. */
export function chinaDateOf(instant: Date): DateString {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Compares two dates as strings would sort; both must be valid. */
export function compareDates(a: DateString, b: DateString): number {
  return toDayNumber(a) - toDayNumber(b);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
