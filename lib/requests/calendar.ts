/**
 * The working-day calendar and "today" for request verbs and pages.
 * Deadlines always come from the administrator-maintained calendar
 * (lib/calendar/load-calendar.ts). A database with no year loaded at all (a
 * fresh install before the calendar seed ran) falls back to the bundled
 * national schedule, which is better than counting weekends only.
 */
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { buildCalendar, type CalendarData } from "@/lib/calendar/calendar-data";
import { chineseDaysCoveredYears, chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import { civilDateInShanghai, type CivilDate } from "@/lib/calendar/civil-date";
import { civilToDate, dateToCivil } from "@/lib/calendar/db-dates";

let bundled: CalendarData | null = null;

export async function requestCalendar(): Promise<CalendarData> {
  const cal = await loadCalendar();
  if (cal.loadedYears.size > 0) return cal;
  if (!bundled) {
    const years = chineseDaysCoveredYears();
    bundled = buildCalendar({ rows: chineseDaysSeedRows(years), loadedYears: years });
  }
  return { region: bundled.region, days: new Map(bundled.days), loadedYears: new Set(bundled.loadedYears) };
}

/** The civil date in Asia/Shanghai (verbs take `now` so tests can move time). */
export function todayOf(now: Date = new Date()): CivilDate {
  return civilDateInShanghai(now);
}

export const toDbDate = civilToDate;
export const fromDbDate = dateToCivil;
export function fromDbDateOrNull(d: Date | null | undefined): CivilDate | null {
  return d ? dateToCivil(d) : null;
}
