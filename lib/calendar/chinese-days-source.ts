/**
 * Seed rows from the `chinese-days` npm package (MIT, maintained from the
 * State Council notices). Its published JSON (dist/chinese-days.json, also
 * served by jsDelivr) has three maps keyed by "YYYY-MM-DD":
 *   holidays   — every day off, weekend days inside a holiday block included
 *   workdays   — 调休上班 make-up working days
 *   inLieuDays — the subset of holidays that are 调休 (a day off paid for by a make-up day)
 * Values look like "Spring Festival,春节,4" (English name, Chinese name, statutory days).
 *
 * Kept out of lib/calendar/index.ts so that importing the calendar does not
 * pull this JSON into a client bundle; only the seed script needs it.
 */
import bundled from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { compareCivilDates, isCivilDate, yearOf } from "./civil-date";
import type { CalendarSeedRow } from "./calendar-data";

export type ChineseDaysDataset = {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
};

const BUNDLED: ChineseDaysDataset = bundled;

/** "Spring Festival,春节,4" → "春节". Falls back to the raw value if the format changes. */
export function chineseDayName(raw: string): string {
  const name = raw.split(",")[1];
  return (name ?? raw).trim();
}

/** Years for which the dataset has a schedule (any holiday listed). */
export function chineseDaysCoveredYears(data: ChineseDaysDataset = BUNDLED): number[] {
  const years = new Set<number>();
  for (const date of Object.keys(data.holidays)) if (isCivilDate(date)) years.add(yearOf(date));
  return [...years].sort((a, b) => a - b);
}

/**
 * Seed rows { date, kind, name } for the given years, sorted by date.
 * Throws for a year the dataset does not cover, so a seed can never mark a
 * year as loaded while holding no schedule for it.
 */
export function chineseDaysSeedRows(years: readonly number[], data: ChineseDaysDataset = BUNDLED): CalendarSeedRow[] {
  const covered = new Set(chineseDaysCoveredYears(data));
  const missing = years.filter((y) => !covered.has(y));
  if (missing.length > 0) {
    throw new RangeError(`chinese-days has no holiday schedule for ${missing.join(", ")}`);
  }
  const wanted = new Set(years);
  const rows: CalendarSeedRow[] = [];
  const collect = (map: Record<string, string>, kind: CalendarSeedRow["kind"]) => {
    for (const [date, raw] of Object.entries(map)) {
      if (isCivilDate(date) && wanted.has(yearOf(date))) rows.push({ date, kind, name: chineseDayName(raw) });
    }
  };
  collect(data.holidays, "HOLIDAY");
  collect(data.workdays, "WORKDAY");
  rows.sort((a, b) => compareCivilDates(a.date, b.date));
  rows.forEach((row, i) => {
    if (i > 0 && row.date === rows[i - 1]?.date) {
      throw new RangeError(`chinese-days lists ${row.date} as both a holiday and a make-up working day`);
    }
  });
  return rows;
}
