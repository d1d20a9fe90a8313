import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { civilToDate, dateToCivil } from "./db-dates";
import { invalidateCalendarCache } from "./load-calendar";
import { lockCalendarRegion } from "./lock-region";
import type { CalendarDayInput } from "./schema";

/** Adds a day to a region's calendar, or changes the kind/name of the day already stored for that date. */
export async function saveCalendarDay(actor: SessionUser, input: CalendarDayInput, meta: { ip: string }) {
  await authorizeUser(actor, "calendar:manage", { action: "calendar.day.save", ip: meta.ip });
  const result = await db().$transaction(async (tx) => {
    await lockCalendarRegion(tx, input.region);
    const where = { regionCode_date: { regionCode: input.region, date: civilToDate(input.date) } };
    const before = await tx.calendarDay.findUnique({ where, select: { kind: true, name: true } });
    const row = await tx.calendarDay.upsert({
      where,
      create: { regionCode: input.region, date: civilToDate(input.date), kind: input.kind, name: input.name },
      update: { kind: input.kind, name: input.name },
      select: { id: true, date: true, kind: true, name: true },
    });
    const after = { region: input.region, date: dateToCivil(row.date), kind: row.kind, name: row.name };
    await writeAudit(tx, {
      actorId: actor.id,
      actorName: actor.displayName,
      action: before ? "calendar.day.update" : "calendar.day.create",
      entityType: "CalendarDay",
      entityId: `${input.region}:${input.date}`,
      ip: meta.ip,
      before: before ? { region: input.region, date: input.date, ...before } : undefined,
      after,
    });
    return { created: !before, day: after };
  });
  invalidateCalendarCache();
  return result;
}
