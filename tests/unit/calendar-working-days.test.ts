import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  buildCalendar,
  describeDay,
  explainDay,
  isDueWithin,
  isOverdue,
  isWorkingDay,
  remainingWorkingDays,
  workingDaysBetween,
  type CalendarSeedRow,
} from "@/lib/calendar";

// The 2026 schedule exactly as in the reference (国务院办公厅, 2025-11-04),
// written out by hand so these tests do not depend on the seed source.
function range(from: string, to: string, name: string): CalendarSeedRow[] {
  const rows: CalendarSeedRow[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) rows.push({ date: d, kind: "HOLIDAY", name });
  return rows;
}
const ROWS_2026: CalendarSeedRow[] = [
  ...range("2026-01-01", "2026-01-03", "元旦"),
  ...range("2026-02-15", "2026-02-23", "春节"),
  ...range("2026-04-04", "2026-04-06", "清明"),
  ...range("2026-05-01", "2026-05-05", "劳动节"),
  ...range("2026-06-19", "2026-06-21", "端午"),
  ...range("2026-09-25", "2026-09-27", "中秋"),
  ...range("2026-10-01", "2026-10-07", "国庆节"),
  { date: "2026-01-04", kind: "WORKDAY", name: "元旦" },
  { date: "2026-02-14", kind: "WORKDAY", name: "春节" },
  { date: "2026-02-28", kind: "WORKDAY", name: "春节" },
  { date: "2026-05-09", kind: "WORKDAY", name: "劳动节" },
  { date: "2026-09-20", kind: "WORKDAY", name: "国庆节" },
  { date: "2026-10-10", kind: "WORKDAY", name: "国庆节" },
];
const cal = buildCalendar({ rows: ROWS_2026, loadedYears: [2026] });

describe("buildCalendar", () => {
  it("defaults to the national region and keeps loaded years", () => {
    expect(cal.region).toBe("CN");
    expect(cal.loadedYears.has(2026)).toBe(true);
    expect(cal.loadedYears.has(2027)).toBe(false);
    expect(cal.days.size).toBe(33 + 6);
  });

  it("lets later rows override earlier ones (regional overlay)", () => {
    const regional = buildCalendar({
      region: "CN-XJ",
      rows: [...ROWS_2026, { date: "2026-03-20", kind: "HOLIDAY", name: "肉孜节" }, { date: "2026-01-04", kind: "HOLIDAY", name: "测试" }],
      loadedYears: [2026],
    });
    expect(regional.region).toBe("CN-XJ");
    expect(isWorkingDay(regional, "2026-03-20")).toBe(false);
    expect(explainDay(regional, "2026-03-20")).toBe("肉孜节");
    expect(isWorkingDay(regional, "2026-01-04")).toBe(false);
  });

  it("rejects malformed rows", () => {
    expect(() => buildCalendar({ rows: [{ date: "2026-02-30", kind: "HOLIDAY", name: "x" }], loadedYears: [] })).toThrow(RangeError);
    // Rows arrive from JSON or the database at run time, where the type promises nothing.
    const fromJson = JSON.parse('[{ "date": "2026-02-10", "kind": "OFF", "name": "x" }]') as CalendarSeedRow[];
    expect(() => buildCalendar({ rows: fromJson, loadedYears: [] })).toThrow(RangeError);
    expect(() => buildCalendar({ rows: [], loadedYears: [2026.5] })).toThrow(RangeError);
  });
});

describe("isWorkingDay / explainDay", () => {
  it("ordinary weekdays and weekends", () => {
    expect(isWorkingDay(cal, "2026-03-10")).toBe(true);
    expect(explainDay(cal, "2026-03-10")).toBe("工作日");
    expect(isWorkingDay(cal, "2026-03-14")).toBe(false);
    expect(explainDay(cal, "2026-03-14")).toBe("周六");
    expect(explainDay(cal, "2026-03-15")).toBe("周日");
  });

  it("holidays on weekdays and on weekends are days off, named", () => {
    expect(isWorkingDay(cal, "2026-01-01")).toBe(false);
    expect(explainDay(cal, "2026-01-01")).toBe("元旦");
    expect(explainDay(cal, "2026-01-03")).toBe("元旦"); // a Saturday inside the block
    expect(isWorkingDay(cal, "2026-02-23")).toBe(false); // Monday
    expect(explainDay(cal, "2026-02-23")).toBe("春节");
    expect(explainDay(cal, "2026-10-07")).toBe("国庆节");
  });

  it("make-up days on weekends are working days", () => {
    for (const d of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect(isWorkingDay(cal, d)).toBe(true);
      expect(explainDay(cal, d)).toMatch(/^调休上班/);
    }
    expect(explainDay(cal, "2026-02-14")).toBe("调休上班（春节）");
    const unnamed = buildCalendar({ rows: [{ date: "2026-02-14", kind: "WORKDAY", name: " " }], loadedYears: [2026] });
    expect(explainDay(unnamed, "2026-02-14")).toBe("调休上班");
    const unnamedHoliday = buildCalendar({ rows: [{ date: "2026-02-16", kind: "HOLIDAY", name: "" }], loadedYears: [2026] });
    expect(explainDay(unnamedHoliday, "2026-02-16")).toBe("节假日");
  });

  it("marks days in unloaded years as provisional and falls back to Monday–Friday", () => {
    expect(describeDay(cal, "2027-01-01")).toEqual({
      date: "2027-01-01",
      working: true, // a Friday; 元旦 2027 is not loaded
      category: "WEEKDAY",
      reason: "工作日",
      provisional: true,
    });
    expect(describeDay(cal, "2026-01-01").provisional).toBe(false);
    expect(describeDay(cal, "2026-05-09").category).toBe("MAKEUP_WORKDAY");
    expect(describeDay(cal, "2026-05-10").category).toBe("WEEKEND");
    expect(describeDay(cal, "2026-05-01").category).toBe("HOLIDAY");
  });
});

describe("2026 totals", () => {
  it("has exactly 248 working days", () => {
    expect(workingDaysBetween(cal, "2025-12-31", "2026-12-31")).toBe(248);
  });

  it("has the expected number of working days per month", () => {
    // Jan 21 (incl. 1/4), Feb 16 (incl. 2/14, 2/28), Oct 18 (incl. 10/10).
    expect(workingDaysBetween(cal, "2025-12-31", "2026-01-31")).toBe(21);
    expect(workingDaysBetween(cal, "2026-01-31", "2026-02-28")).toBe(16);
    expect(workingDaysBetween(cal, "2026-09-30", "2026-10-31")).toBe(18);
  });
});

describe("addWorkingDays", () => {
  it("does not count the start day", () => {
    expect(addWorkingDays(cal, "2026-03-09", 1).due).toBe("2026-03-10");
    expect(addWorkingDays(cal, "2026-03-09", 0)).toEqual({ due: "2026-03-09", provisional: false, skipped: [] });
  });

  it("starting on a weekend counts from the next working day", () => {
    expect(addWorkingDays(cal, "2026-03-14", 1).due).toBe("2026-03-16");
  });

  it("skips weekends, listing them", () => {
    const r = addWorkingDays(cal, "2026-03-13", 1); // Friday
    expect(r.due).toBe("2026-03-16");
    expect(r.skipped).toEqual([
      { date: "2026-03-14", reason: "周六" },
      { date: "2026-03-15", reason: "周日" },
    ]);
  });

  it("20 working days across the Spring Festival with make-up days", () => {
    // Received Tue 2026-02-10: 2/11, 2/12, 2/13, 2/14 (调休) = 4; 2/24–2/27, 2/28 (调休) = 9;
    // 3/2–3/6 = 14; 3/9–3/13 = 19; 3/16 = 20.
    const r = addWorkingDays(cal, "2026-02-10", 20);
    expect(r.due).toBe("2026-03-16");
    expect(r.provisional).toBe(false);
    expect(r.skipped.map((s) => s.date)).toContain("2026-02-23");
    expect(r.skipped.find((s) => s.date === "2026-02-17")?.reason).toBe("春节");
    expect(r.skipped.map((s) => s.date)).not.toContain("2026-02-14");
  });

  it("7 working days from the eve of 国庆 uses the 9/20 and 10/10 make-up days", () => {
    expect(addWorkingDays(cal, "2026-09-18", 1).due).toBe("2026-09-20"); // Sunday make-up day
    expect(addWorkingDays(cal, "2026-09-30", 1).due).toBe("2026-10-08");
    expect(addWorkingDays(cal, "2026-09-30", 3).due).toBe("2026-10-10"); // Saturday make-up day
    expect(addWorkingDays(cal, "2026-09-30", 4).due).toBe("2026-10-12");
  });

  it("crossing 元旦 2026 from an unloaded 2025 is provisional", () => {
    const r = addWorkingDays(cal, "2025-12-30", 3);
    // 12/31 (2025, unloaded → provisional), 1/1–1/3 off, 1/4 make-up, 1/5
    expect(r.due).toBe("2026-01-05");
    expect(r.provisional).toBe(true);
  });

  it("late December 2026 + 20 runs into 2027, which is not loaded → provisional", () => {
    const r = addWorkingDays(cal, "2026-12-21", 20);
    expect(r.provisional).toBe(true);
    // Mon–Fri only in 2027: 12/22–12/25 (4), 12/28–12/31 (4), then 12 in January.
    expect(r.due).toBe("2027-01-18");
  });

  it("staying inside 2026 is not provisional even when it ends on 12/31", () => {
    const r = addWorkingDays(cal, "2026-12-24", 5);
    expect(r.due).toBe("2026-12-31");
    expect(r.provisional).toBe(false);
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addWorkingDays(cal, "2026-03-09", -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, "2026-03-09", 1.5)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts days after `from` up to and including `to`", () => {
    expect(workingDaysBetween(cal, "2026-03-09", "2026-03-09")).toBe(0);
    expect(workingDaysBetween(cal, "2026-03-09", "2026-03-10")).toBe(1);
    expect(workingDaysBetween(cal, "2026-03-13", "2026-03-15")).toBe(0);
    expect(workingDaysBetween(cal, "2026-03-13", "2026-03-16")).toBe(1);
  });

  it("is the inverse of addWorkingDays", () => {
    for (const [from, n] of [
      ["2026-02-10", 20],
      ["2026-09-28", 15],
      ["2026-04-01", 7],
    ] as const) {
      expect(workingDaysBetween(cal, from, addWorkingDays(cal, from, n).due)).toBe(n);
    }
  });

  it("is negative when `to` is before `from`", () => {
    expect(workingDaysBetween(cal, "2026-03-16", "2026-03-13")).toBe(-1);
    expect(workingDaysBetween(cal, "2026-03-18", "2026-03-16")).toBe(-2);
  });
});

describe("remainingWorkingDays / isOverdue / isDueWithin", () => {
  const due = "2026-03-13"; // Friday

  it("counts working days left after today", () => {
    expect(remainingWorkingDays(cal, "2026-03-09", due)).toBe(4);
    expect(remainingWorkingDays(cal, "2026-03-12", due)).toBe(1);
    expect(remainingWorkingDays(cal, "2026-03-13", due)).toBe(0);
  });

  it("is negative once overdue, and at least −1 on the weekend right after", () => {
    expect(remainingWorkingDays(cal, "2026-03-14", due)).toBe(-1);
    expect(remainingWorkingDays(cal, "2026-03-15", due)).toBe(-1);
    expect(remainingWorkingDays(cal, "2026-03-16", due)).toBe(-1);
    expect(remainingWorkingDays(cal, "2026-03-17", due)).toBe(-2);
    expect(isOverdue("2026-03-14", due)).toBe(true);
    expect(isOverdue("2026-03-13", due)).toBe(false);
  });

  it("skips holidays when counting what is left", () => {
    expect(remainingWorkingDays(cal, "2026-09-30", "2026-10-09")).toBe(2); // 10/8, 10/9
  });

  it("isDueWithin is true from n working days before through the due day, false once overdue", () => {
    expect(isDueWithin(cal, "2026-03-09", due, 3)).toBe(false);
    expect(isDueWithin(cal, "2026-03-10", due, 3)).toBe(true);
    expect(isDueWithin(cal, "2026-03-13", due, 0)).toBe(true);
    expect(isDueWithin(cal, "2026-03-12", due, 0)).toBe(false);
    expect(isDueWithin(cal, "2026-03-16", due, 3)).toBe(false);
    expect(() => isDueWithin(cal, "2026-03-10", due, -1)).toThrow(RangeError);
  });
});
