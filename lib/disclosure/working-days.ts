import { loadCalendar } from "@/lib/calendar/load-calendar";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { countWorkingDays, type WorkingDayCounter } from "./rules/timeliness";

// The ONE place the disclosure domain learns what a working day is: the database holiday
// calendar (lib/calendar) when it can be loaded, Monday–Friday otherwise (so a missing
// calendar never breaks a page — it only makes the figure approximate).
export async function loadWorkingDayCounter(): Promise<WorkingDayCounter> {
  try {
    const cal = await loadCalendar();
    return (from, to) => Math.max(0, workingDaysBetween(cal, from, to));
  } catch {
    return countWorkingDays;
  }
}
