import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { civilToDate } from "./db-dates";
import { lockCalendarRegion } from "./lock-region";
import { refreshingCalendar } from "./refresh-after";
import { removeCalendarDaySchema } from "./schema";

/** Removes a stored day, so the date falls back to the Monday–Friday rule (or to the national row, for a local region). */
export const removeCalendarDayVerb = defineVerb({
  action: "calendar.day.delete",
  entityType: "CalendarDay",
  permission: "calendar:manage",
  input: removeCalendarDaySchema,
  entityId: (input) => `${input.region}:${input.date}`,
  notFoundMessage: "该日期没有日历记录",
  load: async ({ tx, input }) => {
    await lockCalendarRegion(tx, input.region);
    const where = { regionCode_date: { regionCode: input.region, date: civilToDate(input.date) } };
    const day = await tx.calendarDay.findUnique({ where, select: { id: true, kind: true, name: true } });
    return day;
  },
  decide: ({ actor }) => {
    requireAllowed(adminPolicy(actor), "calendar.day.remove");
  },
  apply: async ({ tx, loaded }) => {
    await tx.calendarDay.delete({ where: { id: loaded.id } });
  },
  audit: ({ input, loaded }) => ({ before: { region: input.region, date: input.date, kind: loaded.kind, name: loaded.name } }),
});

export const removeCalendarDay = refreshingCalendar(removeCalendarDayVerb);
