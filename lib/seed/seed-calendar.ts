import type { Db, Tx } from "@/lib/db/client";
import { chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import { CHINESE_DAYS_SOURCE } from "@/lib/calendar/chinese-days-version";
import { DEFAULT_CALENDAR_REGION, invalidateCalendarCache } from "@/lib/calendar/load-calendar";
import { civilToDate } from "@/lib/calendar/db-dates";
import type { CalendarSeedRow } from "@/lib/calendar/calendar-data";

type Client = Db | Tx;

/** The years the demo (and tests that want a real calendar) load from chinese-days. */
export const SEEDED_CALENDAR_YEARS = [2025, 2026] as const;

/**
 * A demo local region (minority-nationality holidays, set by the autonomous
 * region's government). Demo data: check the region's own notice before
 * relying on it.
 */
export const DEMO_LOCAL_REGION = { code: "xinjiang", name: "新疆维吾尔自治区", sortOrder: 10 } as const;
const DEMO_LOCAL_DAYS: CalendarSeedRow[] = [
  { date: "2025-03-31", kind: "HOLIDAY", name: "肉孜节" },
  { date: "2025-06-06", kind: "HOLIDAY", name: "古尔邦节" },
  { date: "2025-06-07", kind: "HOLIDAY", name: "古尔邦节" },
  { date: "2026-03-20", kind: "HOLIDAY", name: "肉孜节" },
  { date: "2026-05-27", kind: "HOLIDAY", name: "古尔邦节" },
  { date: "2026-05-28", kind: "HOLIDAY", name: "古尔邦节" },
];

/** Inserts rows and year records that are missing; existing rows (maybe edited by an admin) are kept. */
async function upsertRegionDays(
  c: Client,
  region: string,
  rows: readonly CalendarSeedRow[],
  years: readonly number[],
  source: string,
): Promise<void> {
  await c.calendarDay.createMany({
    data: rows.map((r) => ({ regionCode: region, date: civilToDate(r.date), kind: r.kind, name: r.name })),
    skipDuplicates: true,
  });
  await c.calendarYear.createMany({
    data: years.map((year) => ({ regionCode: region, year, source })),
    skipDuplicates: true,
  });
}

/**
 * The national schedule from chinese-days for the given years, marked loaded.
 * Idempotent. Integration tests of other domains can call this to get a real calendar.
 */
export async function seedNationalCalendar(c: Client, years: readonly number[] = SEEDED_CALENDAR_YEARS): Promise<void> {
  await c.calendarRegion.upsert({
    where: { code: DEFAULT_CALENDAR_REGION },
    create: { code: DEFAULT_CALENDAR_REGION, name: "全国", sortOrder: 0 },
    update: {},
  });
  await upsertRegionDays(c, DEFAULT_CALENDAR_REGION, chineseDaysSeedRows(years), years, CHINESE_DAYS_SOURCE);
  invalidateCalendarCache();
}

/** Demo step: the national 2025–2026 schedule and one local region. */
export async function seedCalendar(c: Client): Promise<void> {
  await seedNationalCalendar(c);
  await c.calendarRegion.upsert({
    where: { code: DEMO_LOCAL_REGION.code },
    create: { ...DEMO_LOCAL_REGION },
    update: {},
  });
  await upsertRegionDays(c, DEMO_LOCAL_REGION.code, DEMO_LOCAL_DAYS, SEEDED_CALENDAR_YEARS, "演示数据（以自治区人民政府通知为准）");
  invalidateCalendarCache();
}
