import type { CalendarDayKind } from "@/lib/generated/prisma/enums";

export const CALENDAR_DAY_KIND_LABELS: Readonly<Record<CalendarDayKind, string>> = {
  HOLIDAY: "放假（节假日）",
  WORKDAY: "调休上班",
};
