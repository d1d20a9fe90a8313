import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { civilToDate } from "./db-dates";
import { invalidateCalendarCache } from "./load-calendar";
import { lockCalendarRegion } from "./lock-region";
import type { RemoveCalendarDayInput } from "./schema";

/** Removes a stored day, so the date falls back to the Monday–Friday rule (or to the national row, for a local region). */
export async function removeCalendarDay(actor: SessionUser, input: RemoveCalendarDayInput, meta: { ip: string }) {
  await authorizeUser(actor, "calendar:manage", { action: "calendar.day.delete", ip: meta.ip });
  await db().$transaction(async (tx) => {
    await lockCalendarRegion(tx, input.region);
    const where = { regionCode_date: { regionCode: input.region, date: civilToDate(input.date) } };
    const before = await tx.calendarDay.findUnique({ where, select: { kind: true, name: true } });
    if (!before) throw new NotFoundError("该日期没有日历记录");
    await tx.calendarDay.delete({ where });
    await writeAudit(tx, {
      actorId: actor.id,
      actorName: actor.displayName,
      action: "calendar.day.delete",
      entityType: "CalendarDay",
      entityId: `${input.region}:${input.date}`,
      ip: meta.ip,
      before: { region: input.region, date: input.date, ...before },
    });
  });
  invalidateCalendarCache();
}
