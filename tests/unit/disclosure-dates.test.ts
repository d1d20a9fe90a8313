import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  civilDateInShanghai,
  compareCivilDates,
  fromDayNumber,
  isFormDate,
  isoWeekday,
  toDayNumber,
} from "@/lib/calendar/civil-date";
import { createItemFormSchema } from "@/lib/disclosure/rules/validity";

describe("calendar dates", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    for (const ok of ["2026-03-02", "2024-02-29", "2000-02-29", "1949-10-01", "9999-12-31"]) expect(isFormDate(ok), ok).toBe(true);
    for (const bad of [
      "2026-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-3-2",
      "20260302",
      "0099-01-01",
      "",
      null,
      20260302,
    ]) {
      expect(isFormDate(bad), String(bad)).toBe(false);
    }
  });

  it("converts to and from day numbers", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(toDayNumber("2026-03-02"))).toBe("2026-03-02");
    expect(() => toDayNumber("2026-02-30")).toThrow(RangeError);
  });

  it("adds days and months, clamping month ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(() => addMonths("2026-01-15", 0.5)).toThrow(RangeError);
  });

  it("knows weekdays (ISO: Monday = 1)", () => {
    expect(isoWeekday("2026-03-02")).toBe(1);
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(isoWeekday("1969-12-31")).toBe(3);
  });

  it("takes the China (UTC+8) calendar date of an instant", () => {
    expect(civilDateInShanghai(new Date("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(civilDateInShanghai(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
    expect(() => civilDateInShanghai(new Date("x"))).toThrow(RangeError);
  });

  it("compares", () => {
    expect(compareCivilDates("2026-03-02", "2026-03-01")).toBe(1);
    expect(compareCivilDates("2025-12-31", "2026-01-01")).toBe(-1);
  });

  it("the item form refuses a malformed 'today' at construction", () => {
    expect(() => createItemFormSchema({ today: "2026-3-2" })).toThrow(RangeError);
  });
});
