/**
 * The working-day calendar from the database (law §6), feeding the pure
 * arithmetic in this folder. Every deadline in the portal should go through
 * here (or through `loadCalendar` + the pure functions) so that an
 * administrator's edit changes every computed due date at once.
 *
 * Regions: "national" (国务院办公厅) always exists; a local region's calendar is
 * the national rows overridden/extended by the region's own rows
 * (minority-nationality holidays). A year counts as loaded for a local region
 * only when it is loaded both nationally and locally — the local holidays of a
 * year nobody has entered are unknown, so such deadlines stay provisional.
 *
 * Cache: one in-process entry per region, on globalThis (Next may instantiate
 * this module once per route bundle), dropped by `invalidateCalendarCache()`
 * after every admin edit commits and after CACHE_TTL_MS anyway, so that edits
 * made by another process (a seed script, another server) show up soon.
 */
import { db, type Db, type Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { buildCalendar, NATIONAL_REGION, type CalendarData, type CalendarSeedRow } from "./calendar-data";
import type { CivilDate } from "./civil-date";
import { computeDeadline, type DeadlineInput, type DeadlineResult } from "./deadline";
import {
  addWorkingDays,
  describeDay,
  isWorkingDay,
  remainingWorkingDays,
  workingDaysBetween,
  type AddWorkingDaysResult,
  type DayDescription,
} from "./working-days";
import { dateToCivil } from "./db-dates";

/** The database code of the national calendar. */
export const DEFAULT_CALENDAR_REGION = "national";

const CACHE_TTL_MS = 60_000;

/** An unknown region code: a user-input error (HTTP 400), with a field error on `region`. */
export class UnknownCalendarRegionError extends ValidationError {
  constructor(readonly region: string) {
    super({ region: ["未知的地区"] }, `未知的地区：${region.slice(0, 40)}`);
  }
}

type Client = Pick<Db | Tx, "calendarRegion" | "calendarDay" | "calendarYear">;
type Entry = { client: unknown; at: number; promise: Promise<CalendarData> };
const g = globalThis as unknown as { __calendarCache?: Map<string, Entry> };
const cache = (): Map<string, Entry> => (g.__calendarCache ??= new Map<string, Entry>());

/** "", undefined and the pure code's "CN" all mean the national calendar. */
export function normaliseRegion(region?: string | null): string {
  const r = (region ?? "").trim();
  return r === "" || r === NATIONAL_REGION ? DEFAULT_CALENDAR_REGION : r;
}

/**
 * The calendar of a region (default: national). Cached in-process; each call
 * returns its own copy, so callers may not corrupt the cache. Pass `client`
 * (e.g. a transaction) to read uncached through that client.
 * Throws UnknownCalendarRegionError for a region that does not exist.
 */
export async function loadCalendar(region?: string, opts: { client?: Client } = {}): Promise<CalendarData> {
  const code = normaliseRegion(region);
  if (opts.client) return readCalendar(opts.client, code);
  const client = db();
  const now = Date.now();
  let entry = cache().get(code);
  if (!entry || entry.client !== client || now - entry.at > CACHE_TTL_MS) {
    entry = { client, at: now, promise: readCalendar(client, code) };
    cache().set(code, entry);
    const mine = entry;
    // A failed read (unknown region, database down) is not cached.
    mine.promise.catch(() => {
      if (cache().get(code) === mine) cache().delete(code);
    });
  }
  return copy(await entry.promise);
}

/** Drop cached calendars (all regions: a national edit changes every local calendar). Call after commit. */
export function invalidateCalendarCache(): void {
  cache().clear();
}

function copy(cal: CalendarData): CalendarData {
  return { region: cal.region, days: new Map(cal.days), loadedYears: new Set(cal.loadedYears) };
}

async function readCalendar(client: Client, code: string): Promise<CalendarData> {
  const isNational = code === DEFAULT_CALENDAR_REGION;
  if (!isNational) {
    const exists = await client.calendarRegion.findUnique({ where: { code }, select: { code: true } });
    if (!exists) throw new UnknownCalendarRegionError(code);
  }
  const codes = isNational ? [DEFAULT_CALENDAR_REGION] : [DEFAULT_CALENDAR_REGION, code];
  const [days, years] = await Promise.all([
    client.calendarDay.findMany({
      where: { regionCode: { in: codes } },
      select: { regionCode: true, date: true, kind: true, name: true },
      orderBy: { date: "asc" },
    }),
    client.calendarYear.findMany({ where: { regionCode: { in: codes } }, select: { regionCode: true, year: true } }),
  ]);
  const toRow = (d: (typeof days)[number]): CalendarSeedRow => ({ date: dateToCivil(d.date), kind: d.kind, name: d.name });
  // National rows first, then the local overlay: later rows win in buildCalendar.
  const rows = [
    ...days.filter((d) => d.regionCode === DEFAULT_CALENDAR_REGION).map(toRow),
    ...days.filter((d) => d.regionCode !== DEFAULT_CALENDAR_REGION).map(toRow),
  ];
  const national = new Set(years.filter((y) => y.regionCode === DEFAULT_CALENDAR_REGION).map((y) => y.year));
  const local = new Set(years.filter((y) => y.regionCode === code).map((y) => y.year));
  const loadedYears = isNational ? national : [...national].filter((y) => local.has(y));
  return buildCalendar({ region: code, rows, loadedYears });
}

/** Regions for select lists, national first. */
export async function listCalendarRegions(client: Pick<Db | Tx, "calendarRegion"> = db()): Promise<Array<{ code: string; name: string }>> {
  const rows = await client.calendarRegion.findMany({
    select: { code: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  if (!rows.some((r) => r.code === DEFAULT_CALENDAR_REGION)) rows.unshift({ code: DEFAULT_CALENDAR_REGION, name: "全国" });
  return rows.sort((a, b) => Number(b.code === DEFAULT_CALENDAR_REGION) - Number(a.code === DEFAULT_CALENDAR_REGION));
}

// ── Convenience wrappers: the pure functions on the stored calendar ──

/** The n-th working day after `from` (start day not counted), with skipped days and the provisional flag. */
export async function addWorkingDaysDb(from: CivilDate, n: number, region?: string): Promise<AddWorkingDaysResult> {
  return addWorkingDays(await loadCalendar(region), from, n);
}

export async function isWorkingDayDb(date: CivilDate, region?: string): Promise<boolean> {
  return isWorkingDay(await loadCalendar(region), date);
}

export async function describeDayDb(date: CivilDate, region?: string): Promise<DayDescription> {
  return describeDay(await loadCalendar(region), date);
}

/** Working days d with from < d ≤ to (signed). */
export async function workingDaysBetweenDb(from: CivilDate, to: CivilDate, region?: string): Promise<number> {
  return workingDaysBetween(await loadCalendar(region), from, to);
}

export async function remainingWorkingDaysDb(today: CivilDate, due: CivilDate, region?: string): Promise<number> {
  return remainingWorkingDays(await loadCalendar(region), today, due);
}

/** A deadline with paused intervals and extension (see deadline.ts). */
export async function computeDeadlineDb(input: DeadlineInput, region?: string): Promise<DeadlineResult> {
  return computeDeadline(await loadCalendar(region), input);
}
