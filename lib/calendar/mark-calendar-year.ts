import type { Tx } from "@/lib/db/client";
import { defineVerb, type VerbActor, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { lockCalendarRegion } from "./lock-region";
import { refreshingCalendar } from "./refresh-after";
import { markCalendarYearSchema, type MarkCalendarYearInput } from "./schema";

export const MANUAL_MARK_SOURCE = "管理员确认";

// A year's schedule marked as loaded (or the mark withdrawn) for a region. Deadlines touching
// an unloaded year are shown as provisional.

const yearKey = (input: MarkCalendarYearInput) => ({ regionCode_year: { regionCode: input.region, year: input.year } });

async function loadYear(tx: Tx, input: MarkCalendarYearInput) {
  await lockCalendarRegion(tx, input.region);
  return { year: await tx.calendarYear.findUnique({ where: yearKey(input), select: { source: true, loadedAt: true } }) };
}

export const markCalendarYearLoaded = defineVerb({
  action: "calendar.year.mark-loaded",
  entityType: "CalendarYear",
  permission: "calendar:manage",
  input: markCalendarYearSchema,
  entityId: (input) => `${input.region}:${input.year}`,
  load: ({ tx, input }) => loadYear(tx, input),
  decide: ({ actor }) => {
    requireAllowed(adminPolicy(actor), "calendar.year.mark");
  },
  // Re-marking an already loaded year keeps its original source.
  apply: async ({ tx, input, actor, loaded }) =>
    loaded.year ??
    tx.calendarYear.create({
      data: { regionCode: input.region, year: input.year, source: MANUAL_MARK_SOURCE, loadedById: actor?.id ?? null },
      select: { source: true, loadedAt: true },
    }),
  audit: ({ loaded, result }) => ({ before: loaded.year ?? undefined, after: result }),
});

export const unmarkCalendarYearLoaded = defineVerb({
  action: "calendar.year.unmark-loaded",
  entityType: "CalendarYear",
  permission: "calendar:manage",
  input: markCalendarYearSchema,
  entityId: (input) => `${input.region}:${input.year}`,
  load: ({ tx, input }) => loadYear(tx, input),
  decide: ({ actor }) => {
    requireAllowed(adminPolicy(actor), "calendar.year.mark");
  },
  apply: async ({ tx, input, loaded }) => {
    if (loaded.year) await tx.calendarYear.delete({ where: yearKey(input) });
  },
  audit: ({ loaded }) => ({ before: loaded.year ?? undefined }),
});

const mark = refreshingCalendar(markCalendarYearLoaded);
const unmark = refreshingCalendar(unmarkCalendarYearLoaded);

/** The year form: `loaded` says which of the two verbs runs. */
export async function markCalendarYear(actor: VerbActor | undefined, input: MarkCalendarYearInput, opts?: VerbOptions): Promise<void> {
  if (input.loaded) await mark(actor, input, opts);
  else await unmark(actor, input, opts);
}
