/**
 * The working-day calendar as data (law §6): the State Council announces each
 * year's holidays and make-up working days, regions may add their own
 * (minority-nationality holidays), and an administrator can edit the rows.
 * Only the exceptions are stored; every other day follows the Monday–Friday rule.
 */
import type { CalendarDayKind as DbCalendarDayKind } from "@/lib/generated/prisma/enums";
import { isCivilDate, yearOf, type CivilDate } from "./civil-date";

/**
 * HOLIDAY = a day off (public holiday, including the weekend days inside a holiday block).
 * WORKDAY = 调休上班, a weekend day designated as a make-up working day.
 */
export type CalendarDayKind = DbCalendarDayKind;

export type CalendarDay = { kind: CalendarDayKind; name: string };

export type CalendarData = {
  region: string;
  days: Map<CivilDate, CalendarDay>;
  /** Years whose official schedule is loaded; deadlines touching any other year are provisional. */
  loadedYears: Set<number>;
};

/** One row as stored in the database / produced by a seed source. */
export type CalendarSeedRow = { date: CivilDate; kind: CalendarDayKind; name: string };

/** The national schedule published by 国务院办公厅. */
export const NATIONAL_REGION = "CN";

export type BuildCalendarInput = {
  region?: string;
  rows: Iterable<CalendarSeedRow>;
  loadedYears: Iterable<number>;
};

/**
 * Builds a calendar from rows. Later rows win over earlier rows for the same
 * date, so a regional overlay can simply be appended after the national rows.
 * `loadedYears` is explicit on purpose: a year with a few hand-entered rows is
 * not necessarily a year whose full schedule has been announced.
 */
export function buildCalendar(input: BuildCalendarInput): CalendarData {
  const days = new Map<CivilDate, CalendarDay>();
  for (const row of input.rows) {
    if (!isCivilDate(row.date)) throw new RangeError(`Invalid calendar row date: ${String(row.date)}`);
    // Rows come from JSON and the database at run time, where the type promises nothing.
    const kind: string = row.kind;
    if (kind !== "HOLIDAY" && kind !== "WORKDAY") {
      throw new RangeError(`Invalid calendar row kind for ${row.date}: ${kind}`);
    }
    days.set(row.date, { kind: row.kind, name: row.name });
  }
  const loadedYears = new Set<number>();
  for (const year of input.loadedYears) {
    if (!Number.isInteger(year)) throw new RangeError(`Invalid loaded year: ${String(year)}`);
    loadedYears.add(year);
  }
  return { region: input.region ?? NATIONAL_REGION, days, loadedYears };
}

export function isYearLoaded(cal: CalendarData, year: number): boolean {
  return cal.loadedYears.has(year);
}

export function isDateInLoadedYear(cal: CalendarData, date: CivilDate): boolean {
  return cal.loadedYears.has(yearOf(date));
}
