/**
 * Civil date ↔ the Date Prisma uses for a `@db.Date` column (midnight UTC of
 * that day). Never via local time, so the server's time zone cannot shift a day.
 */
import { parseCivilDate, formatCivilDate, type CivilDate } from "./civil-date";

export function civilToDate(date: CivilDate): Date {
  const { year, month, day } = parseCivilDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

export function dateToCivil(d: Date): CivilDate {
  return formatCivilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
