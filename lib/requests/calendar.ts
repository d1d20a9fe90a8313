/**
 * The working-day calendar and "today" for request verbs and pages.
 * Deadlines always come from the administrator-maintained calendar
 * (lib/calendar/load-calendar.ts) of the handling department's region
 * (Department.calendarRegion; law §6: local minority-nationality holidays).
 * A database with no national year loaded at all (a fresh install before the
 * calendar seed ran) falls back to the bundled national schedule, which is
 * better than counting weekends only; a local region's own rows still apply.
 */
import { db, type Db, type Tx } from "@/lib/db/client";
import { DEFAULT_CALENDAR_REGION, loadCalendar, normaliseRegion } from "@/lib/calendar/load-calendar";
import { buildCalendar, type CalendarData } from "@/lib/calendar/calendar-data";
import { chineseDaysCoveredYears, chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import { civilDateInShanghai, type CivilDate } from "@/lib/calendar/civil-date";
import { civilToDate, dateToCivil } from "@/lib/calendar/db-dates";

let bundled: CalendarData | null = null;

function bundledNational(): CalendarData {
  if (!bundled) {
    const years = chineseDaysCoveredYears();
    bundled = buildCalendar({ region: DEFAULT_CALENDAR_REGION, rows: chineseDaysSeedRows(years), loadedYears: years });
  }
  return bundled;
}

/** The calendar of a region (default national) for request deadlines. */
export async function requestCalendar(region?: string | null): Promise<CalendarData> {
  const code = normaliseRegion(region);
  const cal = await loadCalendar(code);
  if (code === DEFAULT_CALENDAR_REGION) {
    if (cal.loadedYears.size > 0) return cal;
    const b = bundledNational();
    return { region: code, days: new Map(b.days), loadedYears: new Set(b.loadedYears) };
  }
  // A local region: its own rows are overlaid on whatever national rows are
  // stored. Only when no national year is loaded does the bundled schedule
  // stand in for the national part (the local years still have to be loaded).
  const national = await loadCalendar(DEFAULT_CALENDAR_REGION);
  if (national.loadedYears.size > 0) return cal;
  const b = bundledNational();
  const days = new Map(b.days);
  for (const [date, day] of cal.days) {
    const n = national.days.get(date);
    // The region's own rows: absent nationally or overriding the national row.
    if (!n || n.kind !== day.kind || n.name !== day.name) days.set(date, day);
  }
  const localYears = await db().calendarYear.findMany({ where: { regionCode: code }, select: { year: true } });
  const loadedYears = new Set(localYears.map((y) => y.year).filter((y) => b.loadedYears.has(y)));
  return { region: code, days, loadedYears };
}

/** The calendar region of a department ("national" for an unknown id). */
export async function departmentCalendarRegion(departmentId: string, client: Pick<Db | Tx, "department"> = db()): Promise<string> {
  const d = await client.department.findUnique({ where: { id: departmentId }, select: { calendarRegion: true } });
  return d?.calendarRegion ?? DEFAULT_CALENDAR_REGION;
}

/** The calendar counting the deadlines of cases handled by this department. */
export async function departmentCalendar(departmentId: string, client: Pick<Db | Tx, "department"> = db()): Promise<CalendarData> {
  return requestCalendar(await departmentCalendarRegion(departmentId, client));
}

/**
 * Calendars for several regions, each distinct region loaded once. The
 * returned function gives the calendar of a region (national for one not
 * asked for). Calendars are shared: callers must not modify them.
 */
export async function regionCalendars(
  regions: Iterable<string | null | undefined>,
): Promise<(region: string | null | undefined) => CalendarData> {
  const codes = [...new Set([DEFAULT_CALENDAR_REGION, ...[...regions].map((r) => normaliseRegion(r))])];
  const cals = new Map(await Promise.all(codes.map(async (r) => [r, await requestCalendar(r)] as const)));
  const national = cals.get(DEFAULT_CALENDAR_REGION) ?? (await requestCalendar(DEFAULT_CALENDAR_REGION));
  return (region) => cals.get(normaliseRegion(region)) ?? national;
}

/**
 * Calendars for many departments at once (lists, dashboards, the seed): one
 * query for the departments' regions, then each distinct region loaded once
 * (no query per case). The returned function gives the calendar of a
 * department (national for an id not asked for); calendars are shared between
 * departments of one region, so callers must not modify them.
 */
export async function departmentCalendars(
  departmentIds: Iterable<string>,
  client: Pick<Db | Tx, "department"> = db(),
): Promise<(departmentId: string) => CalendarData> {
  const ids = [...new Set(departmentIds)];
  const rows = ids.length
    ? await client.department.findMany({ where: { id: { in: ids } }, select: { id: true, calendarRegion: true } })
    : [];
  const regionOf = new Map(rows.map((r) => [r.id, r.calendarRegion]));
  const calendarOf = await regionCalendars(regionOf.values());
  return (departmentId) => calendarOf(regionOf.get(departmentId));
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
