import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays, buildCalendar, computeDeadline, isPausedDay, type CalendarSeedRow } from "@/lib/calendar";

function range(from: string, to: string, name: string): CalendarSeedRow[] {
  const rows: CalendarSeedRow[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) rows.push({ date: d, kind: "HOLIDAY", name });
  return rows;
}
// The parts of the 2026 schedule these tests touch (reference §6).
const cal = buildCalendar({
  rows: [
    ...range("2026-04-04", "2026-04-06", "清明"),
    ...range("2026-05-01", "2026-05-05", "劳动节"),
    ...range("2026-09-25", "2026-09-27", "中秋"),
    ...range("2026-10-01", "2026-10-07", "国庆节"),
    { date: "2026-05-09", kind: "WORKDAY", name: "劳动节" },
    { date: "2026-09-20", kind: "WORKDAY", name: "国庆节" },
    { date: "2026-10-10", kind: "WORKDAY", name: "国庆节" },
  ],
  loadedYears: [2026],
});

// Received Monday 2026-03-09. 20 working days: 3/10–3/13 (4), 3/16–3/20 (9),
// 3/23–3/27 (14), 3/30–4/3 (19), 4/4–4/6 清明, 4/7 (20).
const start = "2026-03-09";
const base = { start, workingDays: 20 };

describe("computeDeadline without pauses", () => {
  it("matches addWorkingDays", () => {
    const r = computeDeadline(cal, base);
    expect(r).toMatchObject({
      start,
      totalWorkingDays: 20,
      due: "2026-04-07",
      baseDue: "2026-04-07",
      paused: false,
      provisional: false,
      pausedWorkingDays: 0,
      elapsedWorkingDays: null,
      remainingWorkingDays: null,
      overdue: null,
    });
  });

  it("agrees with addWorkingDays for every start day of 2026", () => {
    for (let d = "2026-01-01"; d <= "2026-12-01"; d = addDays(d, 1)) {
      expect(computeDeadline(cal, { start: d, workingDays: 20 }).due).toBe(addWorkingDays(cal, d, 20).due);
    }
  });

  it("0 working days is due on the start day", () => {
    expect(computeDeadline(cal, { start, workingDays: 0 }).due).toBe(start);
  });
});

describe("pause semantics: working days d with from < d ≤ to are excluded", () => {
  it("a pause starting and ending the same day excludes nothing", () => {
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-11", to: "2026-03-11" }] });
    expect(r.due).toBe("2026-04-07");
    expect(r.pausedWorkingDays).toBe(0);
  });

  it("the start day of the pause counts, the end day does not", () => {
    // Wed 3/11 → Fri 3/13: 3/12 and 3/13 excluded.
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-11", to: "2026-03-13" }] });
    expect(r.pausedWorkingDays).toBe(2);
    expect(r.due).toBe("2026-04-09");
    expect(isPausedDay([{ from: "2026-03-11", to: "2026-03-13" }], "2026-03-11")).toBe(false);
    expect(isPausedDay([{ from: "2026-03-11", to: "2026-03-13" }], "2026-03-12")).toBe(true);
    expect(isPausedDay([{ from: "2026-03-11", to: "2026-03-13" }], "2026-03-13")).toBe(true);
    expect(isPausedDay([{ from: "2026-03-11", to: "2026-03-13" }], "2026-03-14")).toBe(false);
  });

  it("only working days inside the pause are excluded", () => {
    // Fri 3/13 → Mon 3/16: the weekend was not counted anyway; only 3/16 is lost.
    expect(computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-13", to: "2026-03-16" }] })).toMatchObject({
      due: "2026-04-08",
      pausedWorkingDays: 1,
    });
    // Ending on a Saturday: 3/12, 3/13.
    expect(computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-11", to: "2026-03-14" }] }).pausedWorkingDays).toBe(2);
  });

  it("a pause from the start day itself excludes the following days", () => {
    const r = computeDeadline(cal, { ...base, pauses: [{ from: start, to: "2026-03-10" }] });
    expect(r.pausedWorkingDays).toBe(1);
    expect(r.due).toBe("2026-04-08");
  });

  it("a pause that began before the start only excludes days after the start", () => {
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-01", to: "2026-03-10" }] });
    expect(r.pausedWorkingDays).toBe(1);
    expect(r.due).toBe("2026-04-08");
  });

  it("overlapping pauses exclude each day once", () => {
    const r = computeDeadline(cal, {
      ...base,
      pauses: [
        { from: "2026-03-11", to: "2026-03-13" },
        { from: "2026-03-12", to: "2026-03-17" },
      ],
    });
    // 3/12, 3/13, 3/16, 3/17
    expect(r.pausedWorkingDays).toBe(4);
    expect(r.due).toBe("2026-04-13");
  });

  it("a pause spanning a holiday block loses only the working days in it", () => {
    // Received 2026-09-18 (Fri). Pause 9/30 → 10/9 excludes 10/8, 10/9 (10/1–10/7 are off anyway).
    const noPause = computeDeadline(cal, { start: "2026-09-18", workingDays: 20 });
    const withPause = computeDeadline(cal, {
      start: "2026-09-18",
      workingDays: 20,
      pauses: [{ from: "2026-09-30", to: "2026-10-09", reason: "征求第三方意见" }],
    });
    expect(withPause.pausedWorkingDays).toBe(2);
    expect(withPause.due).toBe(addWorkingDays(cal, noPause.due!, 2).due);
  });

  it("a pause starting on or after the due date does not move it", () => {
    expect(computeDeadline(cal, { ...base, pauses: [{ from: "2026-04-07", to: "2026-04-20" }] })).toMatchObject({
      due: "2026-04-07",
      pausedWorkingDays: 0,
    });
    // Starting the working day before: 4/7 and 4/8 are excluded → 4/9.
    expect(computeDeadline(cal, { ...base, pauses: [{ from: "2026-04-03", to: "2026-04-08" }] })).toMatchObject({
      due: "2026-04-09",
      pausedWorkingDays: 2,
    });
  });

  it("rejects a pause that ends before it starts, and invalid dates", () => {
    expect(() => computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-12", to: "2026-03-11" }] })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-32" }] })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-11", to: "x" }] })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { ...base, start: "2026/03/09" })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { ...base, today: "today" })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { ...base, workingDays: -1 })).toThrow(RangeError);
    expect(() => computeDeadline(cal, { ...base, extensionDays: 2.5 })).toThrow(RangeError);
  });
});

describe("open pauses (clock stopped)", () => {
  it("due is unknown while the clock is stopped", () => {
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-20" }] });
    expect(r).toMatchObject({ due: null, baseDue: null, paused: true, pausedWorkingDays: 0 });
  });

  it("reports elapsed and remaining clock days as of today", () => {
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-20" }], today: "2026-03-25" });
    // counted: 3/10–3/13 (4) + 3/16–3/20 (5) = 9; paused: 3/23, 3/24, 3/25
    expect(r.elapsedWorkingDays).toBe(9);
    expect(r.pausedWorkingDays).toBe(3);
    expect(r.remainingWorkingDays).toBe(11);
    expect(r.overdue).toBeNull();
  });

  it("an open pause that starts after the deadline leaves the due date known", () => {
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-04-10" }] });
    expect(r.due).toBe("2026-04-07");
    expect(r.paused).toBe(true);
  });

  it("a closed pause before an open one still counts", () => {
    const r = computeDeadline(cal, {
      ...base,
      pauses: [{ from: "2026-03-11", to: "2026-03-13" }, { from: "2026-03-20" }],
    });
    expect(r.due).toBeNull();
    expect(r.pausedWorkingDays).toBe(2);
  });
});

describe("extension", () => {
  it("adds working days after the original due date and keeps baseDue", () => {
    // 4/7 + 20: 4/8–4/10 (3), 4/13–17 (8), 4/20–24 (13), 4/27–30 (17), 5/1–5/5 off, 5/6–5/8 (20).
    const r = computeDeadline(cal, { ...base, extensionDays: 20 });
    expect(r.baseDue).toBe("2026-04-07");
    expect(r.due).toBe("2026-05-08");
    expect(r.totalWorkingDays).toBe(40);
  });

  it("an open pause after the original due date leaves only the extended date unknown", () => {
    const r = computeDeadline(cal, { ...base, extensionDays: 20, pauses: [{ from: "2026-04-15" }] });
    expect(r.baseDue).toBe("2026-04-07");
    expect(r.due).toBeNull();
  });
});

describe("today: elapsed, remaining, overdue", () => {
  it("before the due date", () => {
    expect(computeDeadline(cal, { ...base, today: "2026-03-16" })).toMatchObject({
      elapsedWorkingDays: 5,
      remainingWorkingDays: 15,
      overdue: false,
    });
  });

  it("on the due date", () => {
    expect(computeDeadline(cal, { ...base, today: "2026-04-07" })).toMatchObject({
      elapsedWorkingDays: 20,
      remainingWorkingDays: 0,
      overdue: false,
    });
  });

  it("after the due date", () => {
    expect(computeDeadline(cal, { ...base, today: "2026-04-08" })).toMatchObject({ remainingWorkingDays: -1, overdue: true });
    expect(computeDeadline(cal, { ...base, today: "2026-04-11" })).toMatchObject({ remainingWorkingDays: -3, overdue: true });
  });

  it("a due date on Friday is overdue (−1) on Saturday", () => {
    const r = computeDeadline(cal, { start: "2026-03-06", workingDays: 5, today: "2026-03-14" });
    expect(r.due).toBe("2026-03-13");
    expect(r).toMatchObject({ overdue: true, remainingWorkingDays: -1 });
  });

  it("before the start nothing has elapsed", () => {
    expect(computeDeadline(cal, { ...base, today: "2026-03-01" })).toMatchObject({
      elapsedWorkingDays: 0,
      remainingWorkingDays: 20,
      overdue: false,
    });
  });

  it("days inside a closed pause that has not ended yet are not elapsed", () => {
    // Consultation 3/11 → 3/31 (a known end), today 3/20: counted 3/10, 3/11 only.
    const r = computeDeadline(cal, { ...base, pauses: [{ from: "2026-03-11", to: "2026-03-31" }], today: "2026-03-20" });
    expect(r.elapsedWorkingDays).toBe(2);
    expect(r.remainingWorkingDays).toBe(18);
    expect(r.pausedWorkingDays).toBe(14); // 3/12–3/31, working days only
  });
});

describe("provisional", () => {
  it("a deadline running into an unloaded year is provisional", () => {
    const r = computeDeadline(cal, { start: "2026-12-10", workingDays: 20 });
    expect(r.provisional).toBe(true);
    expect(r.due).toBe("2027-01-07");
  });

  it("a deadline inside a loaded year is not", () => {
    expect(computeDeadline(cal, { start: "2026-11-02", workingDays: 20 }).provisional).toBe(false);
  });
});
