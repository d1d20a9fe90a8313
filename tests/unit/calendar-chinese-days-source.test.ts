import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays, buildCalendar, explainDay, isWorkingDay, workingDaysBetween, type CalendarSeedRow } from "@/lib/calendar";
import { chineseDayName, chineseDaysCoveredYears, chineseDaysSeedRows, type ChineseDaysDataset } from "@/lib/calendar/chinese-days-source";

function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

// Reference §6: 2026 schedule (国务院办公厅, 2025-11-04).
const DAYS_OFF_2026 = [
  ...dates("2026-01-01", "2026-01-03"),
  ...dates("2026-02-15", "2026-02-23"),
  ...dates("2026-04-04", "2026-04-06"),
  ...dates("2026-05-01", "2026-05-05"),
  ...dates("2026-06-19", "2026-06-21"),
  ...dates("2026-09-25", "2026-09-27"),
  ...dates("2026-10-01", "2026-10-07"),
];
const MAKEUP_2026 = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

describe("chineseDaysSeedRows (bundled data)", () => {
  const rows = chineseDaysSeedRows([2026]);

  it("covers at least 2025 and 2026", () => {
    expect(chineseDaysCoveredYears()).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it("gives exactly the 2026 days off of the reference", () => {
    expect(rows.filter((r) => r.kind === "HOLIDAY").map((r) => r.date)).toEqual(DAYS_OFF_2026);
  });

  it("gives exactly the 2026 make-up working days of the reference", () => {
    expect(rows.filter((r) => r.kind === "WORKDAY").map((r) => r.date)).toEqual(MAKEUP_2026);
  });

  it("names days in Chinese", () => {
    const byDate = new Map(rows.map((r) => [r.date, r.name]));
    expect(byDate.get("2026-01-01")).toBe("元旦");
    expect(byDate.get("2026-02-17")).toBe("春节");
    expect(byDate.get("2026-04-05")).toBe("清明");
    expect(byDate.get("2026-05-01")).toBe("劳动节");
    expect(byDate.get("2026-06-19")).toBe("端午");
    expect(byDate.get("2026-09-25")).toBe("中秋");
    expect(byDate.get("2026-10-01")).toBe("国庆节");
    expect(byDate.get("2026-02-28")).toBe("春节");
  });

  it("returns rows sorted by date, only for the requested years", () => {
    const both = chineseDaysSeedRows([2025, 2026]);
    expect(both.map((r) => r.date)).toEqual([...both.map((r) => r.date)].sort());
    expect(new Set(both.map((r) => r.date.slice(0, 4)))).toEqual(new Set(["2025", "2026"]));
    expect(rows.every((r) => r.date.startsWith("2026-"))).toBe(true);
  });

  it("make-up days fall on weekends", () => {
    const cal = buildCalendar({ rows: [], loadedYears: [2026] });
    for (const r of rows.filter((r) => r.kind === "WORKDAY")) expect(isWorkingDay(cal, r.date)).toBe(false);
  });

  it("refuses a year it has no schedule for", () => {
    expect(() => chineseDaysSeedRows([2026, 2099])).toThrow(/2099/);
  });
});

describe("a calendar seeded from chinese-days", () => {
  const cal = buildCalendar({ rows: chineseDaysSeedRows([2025, 2026]), loadedYears: [2025, 2026] });

  it("2026 has 248 working days", () => {
    expect(workingDaysBetween(cal, "2025-12-31", "2026-12-31")).toBe(248);
  });

  it("explains days", () => {
    expect(explainDay(cal, "2026-02-18")).toBe("春节");
    expect(explainDay(cal, "2026-10-10")).toBe("调休上班（国庆节）");
    expect(explainDay(cal, "2026-03-07")).toBe("周六");
  });

  it("crosses the 2025/2026 boundary without being provisional", () => {
    // 12/31 (Wed), 1/1–1/3 off, 1/4 make-up (Sun), 1/5 …
    const r = addWorkingDays(cal, "2025-12-30", 3);
    expect(r.due).toBe("2026-01-05");
    expect(r.provisional).toBe(false);
  });

  it("late December 2026 + 20 is provisional because 2027 is not loaded", () => {
    expect(addWorkingDays(cal, "2026-12-25", 20).provisional).toBe(true);
  });
});

describe("transforming any dataset of the same shape", () => {
  const data: ChineseDaysDataset = {
    holidays: { "2030-01-01": "New Year's Day,元旦,1", "2031-01-01": "New Year's Day,元旦,1" },
    workdays: { "2030-01-05": "New Year's Day,元旦,1" },
  };

  it("extracts rows and covered years", () => {
    expect(chineseDaysCoveredYears(data)).toEqual([2030, 2031]);
    const rows: CalendarSeedRow[] = chineseDaysSeedRows([2030], data);
    expect(rows).toEqual([
      { date: "2030-01-01", kind: "HOLIDAY", name: "元旦" },
      { date: "2030-01-05", kind: "WORKDAY", name: "元旦" },
    ]);
  });

  it("refuses a date listed as both off and working", () => {
    expect(() => chineseDaysSeedRows([2030], { holidays: { "2030-01-01": "a,甲,1" }, workdays: { "2030-01-01": "a,甲,1" } })).toThrow(
      RangeError,
    );
  });

  it("parses names defensively", () => {
    expect(chineseDayName("Spring Festival,春节,4")).toBe("春节");
    expect(chineseDayName("春节")).toBe("春节");
  });
});
