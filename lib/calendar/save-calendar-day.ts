import { db, type Tx } from "@/lib/db/client";
import { defineVerb, type VerbActor, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ConflictError } from "@/lib/errors";
import { civilToDate, dateToCivil } from "./db-dates";
import { lockCalendarRegion } from "./lock-region";
import { refreshingCalendar } from "./refresh-after";
import { calendarDaySchema, type CalendarDayInput } from "./schema";

const dayKey = (input: { region: string; date: string }) => ({
  regionCode_date: { regionCode: input.region, date: civilToDate(input.date) },
});

/** Locks the region (calendar edits of one region serialise) and reads the stored day, if any. */
async function loadDay(tx: Tx, input: CalendarDayInput) {
  await lockCalendarRegion(tx, input.region);
  return tx.calendarDay.findUnique({ where: dayKey(input), select: { kind: true, name: true } });
}

async function writeDay(tx: Tx, input: CalendarDayInput) {
  const row = await tx.calendarDay.upsert({
    where: dayKey(input),
    create: { regionCode: input.region, date: civilToDate(input.date), kind: input.kind, name: input.name },
    update: { kind: input.kind, name: input.name },
    select: { date: true, kind: true, name: true },
  });
  return { region: input.region, date: dateToCivil(row.date), kind: row.kind, name: row.name };
}

/** Adds a day to a region's calendar (a holiday or a 调休 working day). */
export const createCalendarDay = defineVerb({
  action: "calendar.day.create",
  entityType: "CalendarDay",
  permission: "calendar:manage",
  input: calendarDaySchema,
  entityId: (input) => `${input.region}:${input.date}`,
  load: async ({ tx, input }) => ({ existing: await loadDay(tx, input) }),
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor), "calendar.day.save");
    if (loaded.existing) throw new ConflictError("该日期已有记录（可能刚被他人添加），请刷新后修改");
  },
  apply: ({ tx, input }) => writeDay(tx, input),
  audit: ({ result }) => ({ after: result }),
});

/** Changes the kind/name of the day stored for that date. */
export const updateCalendarDay = defineVerb({
  action: "calendar.day.update",
  entityType: "CalendarDay",
  permission: "calendar:manage",
  input: calendarDaySchema,
  entityId: (input) => `${input.region}:${input.date}`,
  notFoundMessage: "该日期没有日历记录",
  load: ({ tx, input }) => loadDay(tx, input),
  decide: ({ actor }) => {
    requireAllowed(adminPolicy(actor), "calendar.day.save");
  },
  apply: ({ tx, input }) => writeDay(tx, input),
  audit: ({ input, loaded, result }) => ({ before: { region: input.region, date: input.date, ...loaded }, after: result }),
});

const create = refreshingCalendar(createCalendarDay);
const update = refreshingCalendar(updateCalendarDay);

/**
 * The day form: adds the date, or changes the day already stored for it. Which of the two
 * verbs runs depends on what is stored; each re-checks under the region lock, so a day added
 * or removed meanwhile is a conflict or "not found", never a silent overwrite.
 */
export async function saveCalendarDay(actor: VerbActor | undefined, input: CalendarDayInput, opts?: VerbOptions) {
  const parsed = calendarDaySchema.safeParse(input);
  const stored = parsed.success ? await db().calendarDay.findUnique({ where: dayKey(parsed.data), select: { id: true } }) : null;
  const day = stored ? await update(actor, input, opts) : await create(actor, input, opts);
  return { created: !stored, day };
}
