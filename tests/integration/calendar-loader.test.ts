import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addWorkingDaysDb,
  computeDeadlineDb,
  DEFAULT_CALENDAR_REGION,
  invalidateCalendarCache,
  isWorkingDayDb,
  listCalendarRegions,
  loadCalendar,
  UnknownCalendarRegionError,
  workingDaysBetweenDb,
} from "@/lib/calendar/load-calendar";
import { civilToDate } from "@/lib/calendar/db-dates";
import { addWorkingDays } from "@/lib/calendar";
import { DEMO_LOCAL_REGION, seedCalendar } from "@/lib/seed/seed-calendar";

describe("calendar loader on an empty database", () => {
  it("has the national region from the migration, with nothing loaded (all provisional)", async () => {
    const cal = await loadCalendar();
    expect(cal.region).toBe(DEFAULT_CALENDAR_REGION);
    expect(cal.days.size).toBe(0);
    expect(cal.loadedYears.size).toBe(0);
    const r = await addWorkingDaysDb("2026-09-30", 1);
    expect(r).toMatchObject({ due: "2026-10-01", provisional: true });
  });
});

describe("calendar loader with the seeded calendar", () => {
  beforeAll(async () => {
    await seedCalendar(db());
    await seedCalendar(db()); // idempotent
  });

  it("loads the national 2025–2026 schedule from the database", async () => {
    const cal = await loadCalendar("national");
    expect([...cal.loadedYears].sort()).toEqual([2025, 2026]);
    expect(cal.days.get("2026-02-17")).toEqual({ kind: "HOLIDAY", name: "春节" });
    expect(cal.days.get("2026-10-10")).toEqual({ kind: "WORKDAY", name: "国庆节" });
    expect(
      await db().calendarDay.count({
        where: { regionCode: "national", date: { gte: civilToDate("2026-01-01"), lt: civilToDate("2027-01-01") } },
      }),
    ).toBe(39);
    // Law §6: 2026 has 248 working days.
    expect(await workingDaysBetweenDb("2025-12-31", "2026-12-31")).toBe(248);
    expect(await isWorkingDayDb("2026-10-10")).toBe(true);
    expect(await isWorkingDayDb("2026-10-08")).toBe(true);
    expect(await isWorkingDayDb("2026-10-07")).toBe(false);
  });

  it('treats the pure code\'s region name "CN" and no region as national', async () => {
    expect((await loadCalendar("CN")).region).toBe("national");
    expect((await loadCalendar(undefined)).days.size).toBe((await loadCalendar("national")).days.size);
  });

  it("2026-09-30 + 20 working days skips National Day and counts 10/10 (调休上班)", async () => {
    const r = await addWorkingDaysDb("2026-09-30", 20);
    expect(r.due).toBe("2026-11-03");
    expect(r.provisional).toBe(false);
    expect(r.skipped.slice(0, 7).map((s) => s.reason)).toEqual(Array(7).fill("国庆节"));
    expect(r.skipped.map((s) => s.date)).not.toContain("2026-10-10");
    expect(r.skipped).toContainEqual({ date: "2026-10-11", reason: "周日" });
  });

  it("marks a deadline reaching into 2027 (not loaded) as provisional", async () => {
    const r = await addWorkingDaysDb("2026-12-20", 20);
    expect(r.provisional).toBe(true);
    expect(r.due.startsWith("2027-")).toBe(true);
    const d = await computeDeadlineDb({ start: "2026-12-20", workingDays: 20 });
    expect(d).toMatchObject({ due: r.due, provisional: true });
    expect((await addWorkingDaysDb("2026-11-02", 20)).provisional).toBe(false);
  });

  it("overlays a local region's rows on the national calendar", async () => {
    const regions = await listCalendarRegions();
    expect(regions[0]).toEqual({ code: "national", name: "全国" });
    expect(regions.map((r) => r.code)).toContain(DEMO_LOCAL_REGION.code);

    // 2026-03-20 (Friday) is 肉孜节 in the local region only.
    expect(await addWorkingDaysDb("2026-03-19", 1)).toMatchObject({ due: "2026-03-20", skipped: [] });
    const local = await addWorkingDaysDb("2026-03-19", 1, DEMO_LOCAL_REGION.code);
    expect(local.due).toBe("2026-03-23");
    expect(local.skipped).toEqual([
      { date: "2026-03-20", reason: "肉孜节" },
      { date: "2026-03-21", reason: "周六" },
      { date: "2026-03-22", reason: "周日" },
    ]);
    // National days still apply in the local region.
    expect((await addWorkingDaysDb("2026-09-30", 20, DEMO_LOCAL_REGION.code)).due).toBe("2026-11-03");

    // A local row overrides a national row for the same date.
    await db().calendarDay.create({
      data: { regionCode: DEMO_LOCAL_REGION.code, date: civilToDate("2026-10-10"), kind: "HOLIDAY", name: "地方调整" },
    });
    invalidateCalendarCache();
    const cal = await loadCalendar(DEMO_LOCAL_REGION.code);
    expect(cal.days.get("2026-10-10")).toEqual({ kind: "HOLIDAY", name: "地方调整" });
    expect((await loadCalendar("national")).days.get("2026-10-10")?.kind).toBe("WORKDAY");
  });

  it("loads a year for a local region only when it is loaded nationally and locally", async () => {
    await db().calendarRegion.create({ data: { code: "test-local", name: "测试地区" } });
    await db().calendarYear.create({ data: { regionCode: "test-local", year: 2026, source: "测试" } });
    await db().calendarYear.create({ data: { regionCode: "test-local", year: 2030, source: "测试" } });
    invalidateCalendarCache();
    const cal = await loadCalendar("test-local");
    expect([...cal.loadedYears]).toEqual([2026]);
    expect((await addWorkingDaysDb("2025-06-01", 3, "test-local")).provisional).toBe(true);
  });

  it("refuses an unknown region with a typed 400 error", async () => {
    await expect(loadCalendar("atlantis")).rejects.toBeInstanceOf(UnknownCalendarRegionError);
    await expect(loadCalendar("atlantis")).rejects.toMatchObject({ status: 400, fieldErrors: { region: ["未知的地区"] } });
  });

  it("serves copies from its cache: a caller mutating the result does not corrupt it", async () => {
    const a = await loadCalendar();
    a.days.clear();
    a.loadedYears.clear();
    const b = await loadCalendar();
    expect(b.days.size).toBeGreaterThan(0);
    expect(addWorkingDays(b, "2026-09-30", 20).due).toBe("2026-11-03");
  });

  it("sees a change made through another path once the cache is invalidated", async () => {
    expect(await isWorkingDayDb("2026-06-02")).toBe(true);
    await db().calendarDay.create({ data: { regionCode: "national", date: civilToDate("2026-06-02"), kind: "HOLIDAY", name: "测试假日" } });
    expect(await isWorkingDayDb("2026-06-02")).toBe(true); // still cached
    invalidateCalendarCache();
    expect(await isWorkingDayDb("2026-06-02")).toBe(false);
    // A transaction client reads uncached.
    await db().$transaction(async (tx) => {
      await tx.calendarDay.delete({ where: { regionCode_date: { regionCode: "national", date: civilToDate("2026-06-02") } } });
      const inTx = await loadCalendar(undefined, { client: tx });
      expect(inTx.days.has("2026-06-02")).toBe(false);
    });
    invalidateCalendarCache();
  });
});
