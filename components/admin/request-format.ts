import { formatChineseDate } from "@/lib/calendar/civil-date";
import { dateToCivil } from "@/lib/calendar/db-dates";

/** A @db.Date column as "2026年3月2日". */
export function formatDateCn(d: Date | null | undefined): string {
  return d ? formatChineseDate(dateToCivil(d)) : "—";
}

/** An instant in Asia/Shanghai, e.g. "2026-03-02 10:15". */
export function formatInstant(d: Date): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);
}
