import { db } from "@/lib/db/client";
import { defineVerb, type VerbActor, type VerbOptions } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ConflictError, ValidationError } from "@/lib/errors";
import { DEFAULT_CALENDAR_REGION } from "./load-calendar";
import { refreshingCalendar } from "./refresh-after";
import { calendarRegionSchema, type CalendarRegionInput } from "./schema";

// A local calendar region (an autonomous region or prefecture that sets its own
// minority-nationality holidays, law §6). A local region's calendar is the national one plus
// its own rows, so a new region starts with no rows and no loaded years: its deadlines are
// provisional until an administrator imports its holidays and marks the year. The national
// region's code is fixed; it can only be renamed.

const REGION_FIELDS = { code: true, name: true, sortOrder: true } as const;

/** Pure: region names are unique (a second 新疆 would make the department form ambiguous). */
function refuseSameName(input: CalendarRegionInput, sameName: { code: string } | null): void {
  if (sameName) throw new ValidationError({ name: [`已有名为“${input.name}”的地区（代码 ${sameName.code}）`] });
}

export const createCalendarRegion = defineVerb({
  action: "calendar.region.create",
  entityType: "CalendarRegion",
  permission: "calendar:manage",
  input: calendarRegionSchema,
  entityId: (input) => input.code,
  load: async ({ tx, input }) => ({
    existing: await tx.calendarRegion.findUnique({ where: { code: input.code }, select: REGION_FIELDS }),
    sameName: await tx.calendarRegion.findFirst({ where: { name: input.name, code: { not: input.code } }, select: { code: true } }),
  }),
  decide: ({ actor, input, loaded }) => {
    requireAllowed(adminPolicy(actor), "calendar.region.save");
    if (loaded.existing) throw new ConflictError("该地区代码刚被他人添加，请刷新后修改");
    refuseSameName(input, loaded.sameName);
  },
  apply: ({ tx, input }) =>
    tx.calendarRegion.create({
      data: { code: input.code, name: input.name, sortOrder: input.sortOrder ?? (input.code === DEFAULT_CALENDAR_REGION ? 0 : 10) },
      select: REGION_FIELDS,
    }),
  audit: ({ result }) => ({ after: result }),
});

export const updateCalendarRegion = defineVerb({
  action: "calendar.region.update",
  entityType: "CalendarRegion",
  permission: "calendar:manage",
  input: calendarRegionSchema,
  entityId: (input) => input.code,
  notFoundMessage: "该地区不存在",
  load: async ({ tx, input }) => {
    const rows = await tx.$queryRaw<Array<{ code: string }>>`SELECT code FROM "CalendarRegion" WHERE code = ${input.code} FOR UPDATE`;
    if (rows.length === 0) return null;
    return {
      before: await tx.calendarRegion.findUniqueOrThrow({ where: { code: input.code }, select: REGION_FIELDS }),
      sameName: await tx.calendarRegion.findFirst({ where: { name: input.name, code: { not: input.code } }, select: { code: true } }),
    };
  },
  decide: ({ actor, input, loaded }) => {
    requireAllowed(adminPolicy(actor), "calendar.region.save");
    refuseSameName(input, loaded.sameName);
  },
  apply: ({ tx, input, loaded }) =>
    tx.calendarRegion.update({
      where: { code: input.code },
      data: { name: input.name, sortOrder: input.sortOrder ?? loaded.before.sortOrder },
      select: REGION_FIELDS,
    }),
  audit: ({ loaded, result }) => ({ before: loaded.before, after: result }),
});

const create = refreshingCalendar(createCalendarRegion);
const update = refreshingCalendar(updateCalendarRegion);

/** The region form: a new code adds a region, an existing code renames it. */
export async function saveCalendarRegion(actor: VerbActor | undefined, input: CalendarRegionInput, opts?: VerbOptions) {
  const parsed = calendarRegionSchema.safeParse(input);
  const exists =
    parsed.success && (await db().calendarRegion.findUnique({ where: { code: parsed.data.code }, select: { code: true } })) !== null;
  const region = exists ? await update(actor, input, opts) : await create(actor, input, opts);
  return { created: !exists, region };
}
