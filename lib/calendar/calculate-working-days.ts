/**
 * The public deadline calculator (page /ysqgk/calculator and
 * GET /api/v1/calendar/working-days): validates the query, loads the region's
 * calendar and adds N working days (start day not counted).
 */
import { zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { addDays, type CivilDate } from "./civil-date";
import { addWorkingDays, describeDay, type SkippedDay } from "./working-days";
import { loadCalendar, UnknownCalendarRegionError } from "./load-calendar";
import { workingDaysQuerySchema } from "./schema";

export type WorkingDaysAnswer = {
  from: CivilDate;
  add: number;
  region: string;
  due: CivilDate;
  provisional: boolean;
  /** Non-working days passed over, with reasons ("周六", "国庆节"…). */
  skipped: SkippedDay[];
  /** Make-up working days (调休上班) inside the period: counted as working days. */
  makeupDays: SkippedDay[];
};

export type WorkingDaysOutcome = { ok: true; answer: WorkingDaysAnswer } | { ok: false; error: string; fieldErrors: FieldErrors };

export async function calculateWorkingDays(query: Record<string, unknown>): Promise<WorkingDaysOutcome> {
  const parsed = workingDaysQuerySchema.safeParse(query);
  if (!parsed.success) {
    return { ok: false, error: "查询参数有误", fieldErrors: zodFieldErrors(parsed.error) };
  }
  const { from, add, region } = parsed.data;
  let cal;
  try {
    cal = await loadCalendar(region);
  } catch (e) {
    if (e instanceof UnknownCalendarRegionError) {
      return { ok: false, error: "查询参数有误", fieldErrors: { region: ["未知的地区"] } };
    }
    throw e;
  }
  const r = addWorkingDays(cal, from, add);
  const makeupDays: SkippedDay[] = [];
  for (let d = from; d !== r.due;) {
    d = addDays(d, 1);
    const day = describeDay(cal, d);
    if (day.category === "MAKEUP_WORKDAY") makeupDays.push({ date: d, reason: day.reason });
  }
  return { ok: true, answer: { from, add, region: cal.region, due: r.due, provisional: r.provisional, skipped: r.skipped, makeupDays } };
}
