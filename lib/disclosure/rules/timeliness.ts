// Art. 26: proactive information is published within 20 working days of the date it was
// formed or changed. The delay is computed from the two stored dates, never stored as a
// flag, so a corrected calendar corrects every figure.
//
// Working days are counted by exactly one function, `countWorkingDays`. For now it knows
// only Monday–Friday; the database-backed holiday calendar (holidays and 调休 make-up
// days, editable by an administrator) replaces it by being passed as `workingDays` to the
// functions below — nothing else here knows what a working day is.

import { addDays, isoWeekday, toDayNumber, type CivilDate } from "@/lib/calendar/civil-date";

/** Counts working days d with from < d <= to (the start day is not counted); 0 if to <= from. */
export type WorkingDayCounter = (from: CivilDate, to: CivilDate) => number;

export const PUBLICATION_LIMIT_WORKING_DAYS = 20;

/** Monday–Friday count, in constant time. Holidays and make-up days are not known here. */
export const countWorkingDays: WorkingDayCounter = (from, to) => {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end <= start) return 0;
  const days = end - start;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  // The remaining 0–6 days after the full weeks, starting the day after `from`.
  let weekday = isoWeekday(from);
  for (let i = 0; i < days % 7; i++) {
    weekday = (weekday % 7) + 1;
    if (weekday <= 5) count++;
  }
  return count;
};

export interface TimelinessInput {
  /** When the information was formed or changed. */
  formedOn: CivilDate;
  /** Publication date; null while not yet published. */
  publishedOn: CivilDate | null;
  /** Today in China; measures the delay so far for unpublished items. */
  today: CivilDate;
  workingDays?: WorkingDayCounter;
  limit?: number;
}

export interface Timeliness {
  /** Working days from formation to publication (or to today, if unpublished). */
  workingDays: number;
  limit: number;
  published: boolean;
  /** More than `limit` working days passed before publication (or have passed already). */
  late: boolean;
  /** Working days left before the limit; 0 once late. Meaningful for unpublished items. */
  remaining: number;
}

export function assessTimeliness({
  formedOn,
  publishedOn,
  today,
  workingDays = countWorkingDays,
  limit = PUBLICATION_LIMIT_WORKING_DAYS,
}: TimelinessInput): Timeliness {
  const end = publishedOn ?? today;
  const elapsed = workingDays(formedOn, end);
  return {
    workingDays: elapsed,
    limit,
    published: publishedOn !== null,
    late: elapsed > limit,
    remaining: Math.max(0, limit - elapsed),
  };
}

/**
 * The last date on which publication is still on time: the day on which the `limit`-th
 * working day after `formedOn` falls. Found by walking forward with the injected counter,
 * so it honours whatever calendar that counter knows.
 */
export function publicationDeadline(
  formedOn: CivilDate,
  { workingDays = countWorkingDays, limit = PUBLICATION_LIMIT_WORKING_DAYS }: { workingDays?: WorkingDayCounter; limit?: number } = {},
): CivilDate {
  // 20 working days fit in well under a year even around the Spring Festival; the bound
  // only stops a broken calendar (no working days at all) from looping forever.
  const maxSpan = Math.max(366, limit * 3);
  for (let d = 1; d <= maxSpan; d++) {
    const candidate = addDays(formedOn, d);
    if (workingDays(formedOn, candidate) >= limit) return candidate;
  }
  throw new RangeError(`No ${limit} working days within ${maxSpan} days after ${formedOn}: check the calendar`);
}

export interface ItemTimelinessInput {
  state: string;
  /** 信息形成（变更）日期 of the revision in the workflow. */
  workingFormedOn: CivilDate;
  /**
   * The live (or last live, if withdrawn) revision: its 形成（变更）日期 and the day it was
   * published. Null until the item is first published.
   */
  published: { formedOn: CivilDate; publishedOn: CivilDate } | null;
  /** True while a new version of a published item is in the workflow. */
  pendingVersion: boolean;
  today: CivilDate;
  workingDays?: WorkingDayCounter;
  limit?: number;
}

/**
 * The Art. 26 figure shown for an item: working days from the date its information was
 * formed or changed to the publication of that information.
 *
 * - never published: formed → today (still running);
 * - published: the live revision's formed date → the day that revision was published
 *   (not the item's first publication: each change restarts the clock);
 * - a new version pending whose 形成（变更）日期 differs from the live one's: the change is
 *   not public yet, so it runs from the new date to today. A pending correction that keeps
 *   the date is a correction of what is already public, measured as published;
 * - withheld (不予公开): no figure, there is no duty to publish.
 */
export function itemTimeliness(input: ItemTimelinessInput): Timeliness | null {
  const { state, workingFormedOn, published, pendingVersion, today, workingDays, limit } = input;
  if (state === "WITHHELD") return null;
  const opts = { today, workingDays, limit };
  if (published && !(pendingVersion && workingFormedOn !== published.formedOn)) {
    return assessTimeliness({ formedOn: published.formedOn, publishedOn: published.publishedOn, ...opts });
  }
  return assessTimeliness({ formedOn: workingFormedOn, publishedOn: null, ...opts });
}
