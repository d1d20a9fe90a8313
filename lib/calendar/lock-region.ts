import type { Tx } from "@/lib/db/client";
import { UnknownCalendarRegionError } from "./load-calendar";

/**
 * Locks a region's row for the rest of the transaction, so that calendar
 * changes to one region are serialised (an import and a day edit cannot
 * interleave). Throws UnknownCalendarRegionError when the region does not exist.
 */
export async function lockCalendarRegion(tx: Tx, code: string): Promise<{ code: string; name: string }> {
  const rows = await tx.$queryRaw<Array<{ code: string; name: string }>>`
    SELECT code, name FROM "CalendarRegion" WHERE code = ${code} FOR UPDATE`;
  const [row] = rows;
  if (!row) throw new UnknownCalendarRegionError(code);
  return row;
}
