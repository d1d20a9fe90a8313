import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "@/lib/calendar/civil-date";
import {
  assessTimeliness,
  countWorkingDays,
  itemTimeliness,
  publicationDeadline,
  type WorkingDayCounter,
} from "@/lib/disclosure/rules/timeliness";

// 2026-03-02 is a Monday.
describe("countWorkingDays (Monday–Friday)", () => {
  it("does not count the start day, counts the end day", () => {
    expect(countWorkingDays("2026-03-02", "2026-03-02")).toBe(0);
    expect(countWorkingDays("2026-03-02", "2026-03-03")).toBe(1);
    expect(countWorkingDays("2026-03-02", "2026-03-06")).toBe(4);
    expect(countWorkingDays("2026-03-02", "2026-03-09")).toBe(5);
  });

  it("skips weekends", () => {
    expect(countWorkingDays("2026-03-06", "2026-03-09")).toBe(1); // Fri → Mon
    expect(countWorkingDays("2026-03-07", "2026-03-08")).toBe(0); // Sat → Sun
    expect(countWorkingDays("2026-03-07", "2026-03-09")).toBe(1); // Sat → Mon
    expect(countWorkingDays("2026-03-02", "2026-03-30")).toBe(20);
  });

  it("is zero when the end is not after the start", () => {
    expect(countWorkingDays("2026-03-09", "2026-03-02")).toBe(0);
  });

  it("crosses months, leap days and years", () => {
    expect(countWorkingDays("2024-02-28", "2024-03-01")).toBe(2); // Thu → Fri via the 29th
    expect(countWorkingDays("2025-12-31", "2026-01-02")).toBe(2); // holidays are not known here
    expect(countWorkingDays("2026-01-01", "2026-12-31")).toBe(260);
  });

  it("agrees with counting day by day over many ranges", () => {
    const slow: WorkingDayCounter = (from, to) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isoWeekday(d) <= 5) n++;
      return n;
    };
    for (let start = 0; start < 14; start++) {
      const from = addDays("2026-03-01", start);
      for (let span = 0; span < 60; span++) {
        const to = addDays(from, span);
        expect(countWorkingDays(from, to), `${from}→${to}`).toBe(slow(from, to));
      }
    }
  });

  it("rejects malformed dates", () => {
    expect(() => countWorkingDays("2026-02-30", "2026-03-02")).toThrow(RangeError);
    expect(() => countWorkingDays("2026/03/02", "2026-03-05")).toThrow(RangeError);
  });
});

describe("assessTimeliness (Art. 26: 20 working days)", () => {
  it("20 working days is on time, 21 is late", () => {
    expect(assessTimeliness({ formedOn: "2026-03-02", publishedOn: "2026-03-30", today: "2026-04-10" })).toEqual({
      workingDays: 20,
      limit: 20,
      published: true,
      late: false,
      remaining: 0,
    });
    expect(assessTimeliness({ formedOn: "2026-03-02", publishedOn: "2026-03-31", today: "2026-04-10" })).toMatchObject({
      workingDays: 21,
      late: true,
    });
  });

  it("measures unpublished items against today", () => {
    expect(assessTimeliness({ formedOn: "2026-03-02", publishedOn: null, today: "2026-03-09" })).toEqual({
      workingDays: 5,
      limit: 20,
      published: false,
      late: false,
      remaining: 15,
    });
    expect(assessTimeliness({ formedOn: "2026-02-02", publishedOn: null, today: "2026-03-09" }).late).toBe(true);
  });

  it("same-day publication takes zero working days", () => {
    expect(assessTimeliness({ formedOn: "2026-03-02", publishedOn: "2026-03-02", today: "2026-03-02" }).workingDays).toBe(0);
  });

  it("uses the injected calendar — e.g. the Spring Festival holiday", () => {
    // 2026: days off 2/15–2/23, make-up working days 2/14 (Sat) and 2/28 (Sat).
    const off = new Set(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"]);
    const makeUp = new Set(["2026-02-14", "2026-02-28"]);
    const calendar: WorkingDayCounter = (from, to) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
        if (makeUp.has(d) || (isoWeekday(d) <= 5 && !off.has(d))) n++;
      }
      return n;
    };
    const input = { formedOn: "2026-02-02", publishedOn: "2026-03-03", today: "2026-03-03" };
    expect(assessTimeliness(input)).toMatchObject({ workingDays: 21, late: true });
    expect(assessTimeliness({ ...input, workingDays: calendar })).toMatchObject({ workingDays: 17, late: false });
  });

  it("takes another limit", () => {
    expect(assessTimeliness({ formedOn: "2026-03-02", publishedOn: "2026-03-09", today: "2026-03-09", limit: 3 })).toMatchObject({
      limit: 3,
      late: true,
      remaining: 0,
    });
  });
});

describe("publicationDeadline", () => {
  it("is the day the 20th working day falls on", () => {
    expect(publicationDeadline("2026-03-02")).toBe("2026-03-30");
    expect(publicationDeadline("2026-03-06")).toBe("2026-04-03"); // formed on a Friday
    expect(publicationDeadline("2026-03-07")).toBe("2026-04-03"); // formed on a Saturday
  });

  it("honours the injected calendar", () => {
    const everyDay: WorkingDayCounter = (from, to) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000);
    expect(publicationDeadline("2026-03-02", { workingDays: everyDay })).toBe("2026-03-22");
    expect(publicationDeadline("2026-03-02", { limit: 1 })).toBe("2026-03-03");
  });

  it("stops on a calendar with no working days instead of looping", () => {
    expect(() => publicationDeadline("2026-03-02", { workingDays: () => 0 })).toThrow(RangeError);
  });
});

describe("itemTimeliness (the figure shown on an item)", () => {
  const today = "2026-06-01";
  it("a never-published item runs from its formed date to today", () => {
    expect(itemTimeliness({ state: "DRAFT", workingFormedOn: "2026-05-25", published: null, pendingVersion: false, today })).toMatchObject({
      workingDays: 5,
      published: false,
      late: false,
    });
  });

  it("a published item counts formed → publication of the live revision, not today", () => {
    const t = itemTimeliness({
      state: "PUBLISHED",
      workingFormedOn: "2026-03-02",
      published: { formedOn: "2026-03-02", publishedOn: "2026-03-31" },
      pendingVersion: false,
      today,
    });
    expect(t).toMatchObject({ workingDays: 21, published: true, late: true });
  });

  it("a later version is measured from its own changed date to its own publication", () => {
    // First published long ago; the live revision was changed 2026-05-04 and published 2026-05-06.
    const t = itemTimeliness({
      state: "PUBLISHED",
      workingFormedOn: "2026-05-04",
      published: { formedOn: "2026-05-04", publishedOn: "2026-05-06" },
      pendingVersion: false,
      today,
    });
    expect(t).toMatchObject({ workingDays: 2, published: true, late: false });
  });

  it("a pending new version with a new changed date runs to today, and is flagged once past 20 working days", () => {
    const live = { formedOn: "2026-01-05", publishedOn: "2026-01-06" };
    const t = itemTimeliness({ state: "PENDING_REVIEW", workingFormedOn: "2026-04-01", published: live, pendingVersion: true, today });
    expect(t).toMatchObject({ published: false, late: true });
    expect(t!.workingDays).toBe(countWorkingDays("2026-04-01", today));
  });

  it("a pending correction that keeps the changed date is measured as published", () => {
    const live = { formedOn: "2026-01-05", publishedOn: "2026-01-06" };
    expect(itemTimeliness({ state: "DRAFT", workingFormedOn: "2026-01-05", published: live, pendingVersion: true, today })).toMatchObject({
      workingDays: 1,
      published: true,
      late: false,
    });
  });

  it("withheld items have no figure; withdrawn ones keep the figure of their publication", () => {
    expect(itemTimeliness({ state: "WITHHELD", workingFormedOn: "2026-01-05", published: null, pendingVersion: false, today })).toBeNull();
    expect(
      itemTimeliness({
        state: "WITHDRAWN",
        workingFormedOn: "2026-01-05",
        published: { formedOn: "2026-01-05", publishedOn: "2026-01-07" },
        pendingVersion: false,
        today,
      }),
    ).toMatchObject({ workingDays: 2, published: true });
  });
});
