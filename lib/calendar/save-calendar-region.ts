import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { DEFAULT_CALENDAR_REGION, invalidateCalendarCache } from "./load-calendar";
import type { CalendarRegionInput } from "./schema";

/**
 * Adds a local calendar region (an autonomous region or prefecture that sets
 * its own minority-nationality holidays, law §6) or renames an existing one.
 * A local region's calendar is the national one plus its own rows, so a new
 * region starts with no rows and no loaded years: its deadlines are
 * provisional until an administrator imports its holidays and marks the year.
 * The national region's code is fixed; it can only be renamed.
 */
export async function saveCalendarRegion(actor: SessionUser, input: CalendarRegionInput, meta: { ip: string }) {
  await authorizeUser(actor, "calendar:manage", { action: "calendar.region.save", ip: meta.ip });
  const result = await db().$transaction(async (tx) => {
    const before = await tx.calendarRegion.findUnique({ where: { code: input.code }, select: { name: true, sortOrder: true } });
    const sameName = await tx.calendarRegion.findFirst({ where: { name: input.name, code: { not: input.code } }, select: { code: true } });
    if (sameName) throw new ValidationError({ name: [`已有名为“${input.name}”的地区（代码 ${sameName.code}）`] });
    const sortOrder = input.sortOrder ?? before?.sortOrder ?? (input.code === DEFAULT_CALENDAR_REGION ? 0 : 10);
    const row = await tx.calendarRegion.upsert({
      where: { code: input.code },
      create: { code: input.code, name: input.name, sortOrder },
      update: { name: input.name, sortOrder },
      select: { code: true, name: true, sortOrder: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      actorName: actor.displayName,
      action: before ? "calendar.region.update" : "calendar.region.create",
      entityType: "CalendarRegion",
      entityId: input.code,
      ip: meta.ip,
      before: before ?? undefined,
      after: row,
    });
    return { created: !before, region: row };
  });
  invalidateCalendarCache();
  return result;
}
