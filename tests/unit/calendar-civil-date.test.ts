import { describe, expect, it } from "vitest";
import {
  addDays,
  civilDateInShanghai,
  compareCivilDates,
  daysBetween,
  formatChineseDate,
  formatCivilDate,
  fromDayNumber,
  isCivilDate,
  isWeekend,
  monthKey,
  parseCivilDate,
  toDayNumber,
  weekday,
  yearOf,
} from "@/lib/calendar/civil-date";

describe("parseCivilDate / isCivilDate", () => {
  it("parses a valid date", () => {
    expect(parseCivilDate("2026-02-28")).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-1", "20260101", "", "2026-01-01T00:00"])(
    "rejects %j",
    (value) => {
      expect(isCivilDate(value)).toBe(false);
      expect(() => parseCivilDate(value)).toThrow(RangeError);
    },
  );

  it("accepts 29 February in leap years only", () => {
    expect(isCivilDate("2024-02-29")).toBe(true);
    expect(isCivilDate("2000-02-29")).toBe(true);
    expect(isCivilDate("1900-02-29")).toBe(false);
  });

  it("rejects non-strings", () => {
    expect(isCivilDate(20260101)).toBe(false);
    expect(isCivilDate(null)).toBe(false);
    expect(isCivilDate(new Date())).toBe(false);
  });
});

describe("day arithmetic", () => {
  it("round-trips through day numbers", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(fromDayNumber(toDayNumber("2026-10-10"))).toBe("2026-10-10");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-31", 0)).toBe("2026-01-31");
  });

  it("counts days between dates (signed)", () => {
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
  });

  it("knows weekdays (0 = Sunday)", () => {
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("2026-01-01")).toBe(4);
    expect(weekday("2026-01-03")).toBe(6);
    expect(weekday("2026-01-04")).toBe(0);
    expect(weekday("2026-02-14")).toBe(6);
    expect(weekday("1969-12-28")).toBe(0);
    expect(isWeekend("2026-01-04")).toBe(true);
    expect(isWeekend("2026-01-05")).toBe(false);
  });

  it("compares dates", () => {
    expect(compareCivilDates("2026-01-02", "2026-01-10")).toBe(-1);
    expect(compareCivilDates("2026-01-10", "2026-01-10")).toBe(0);
    expect(compareCivilDates("2027-01-01", "2026-12-31")).toBe(1);
  });

  it("extracts year and month key", () => {
    expect(yearOf("2026-12-31")).toBe(2026);
    expect(monthKey("2026-03-09")).toBe("2026-03");
  });

  it("formats dates", () => {
    expect(formatCivilDate(26, 1, 4)).toBe("0026-01-04");
    expect(formatChineseDate("2026-01-04")).toBe("2026年1月4日");
  });
});

describe("civilDateInShanghai", () => {
  it("uses UTC+8 regardless of the machine's time zone", () => {
    // 2026-01-01 15:59:59Z is 23:59:59 in Shanghai; one second later it is the 2nd.
    expect(civilDateInShanghai(new Date("2026-01-01T15:59:59Z"))).toBe("2026-01-01");
    expect(civilDateInShanghai(new Date("2026-01-01T16:00:00Z"))).toBe("2026-01-02");
    expect(civilDateInShanghai(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
  });

  it("rejects an invalid instant", () => {
    expect(() => civilDateInShanghai(new Date("nonsense"))).toThrow(RangeError);
  });
});
