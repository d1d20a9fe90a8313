import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { invalidateCalendarCache } from "./load-calendar";
import { lockCalendarRegion } from "./lock-region";
import type { MarkCalendarYearInput } from "./schema";

export const MANUAL_MARK_SOURCE = "管理员确认";

/**
 * Marks a year's schedule as loaded (or withdraws the mark) for a region.
 * Deadlines touching an unloaded year are shown as provisional.
 */
export async function markCalendarYear(actor: SessionUser, input: MarkCalendarYearInput, meta: { ip: string }) {
  await authorizeUser(actor, "calendar:manage", { action: "calendar.year.mark", ip: meta.ip });
  await db().$transaction(async (tx) => {
    await lockCalendarRegion(tx, input.region);
    const where = { regionCode_year: { regionCode: input.region, year: input.year } };
    const before = await tx.calendarYear.findUnique({ where, select: { source: true, loadedAt: true } });
    let after: { source: string; loadedAt: Date } | undefined;
    if (input.loaded) {
      // Re-marking an already loaded year keeps its original source.
      after = before ?? (await tx.calendarYear.create({
        data: { regionCode: input.region, year: input.year, source: MANUAL_MARK_SOURCE, loadedById: actor.id },
        select: { source: true, loadedAt: true },
      }));
    } else if (before) {
      await tx.calendarYear.delete({ where });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      actorName: actor.displayName,
      action: input.loaded ? "calendar.year.mark-loaded" : "calendar.year.unmark-loaded",
      entityType: "CalendarYear",
      entityId: `${input.region}:${input.year}`,
      ip: meta.ip,
      before: before ?? undefined,
      after,
    });
  });
  invalidateCalendarCache();
}
