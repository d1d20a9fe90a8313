import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { ValidationError } from "@/lib/errors";
import type { CalendarSeedRow } from "./calendar-data";
import { chineseDaysCoveredYears, chineseDaysSeedRows } from "./chinese-days-source";
import { CHINESE_DAYS_SOURCE } from "./chinese-days-version";
import { formatCivilDate } from "./civil-date";
import { civilToDate } from "./db-dates";
import { DEFAULT_CALENDAR_REGION } from "./load-calendar";
import { lockCalendarRegion } from "./lock-region";
import { refreshingCalendar } from "./refresh-after";
import { importCalendarYearSchema, parseCalendarPaste, type ImportCalendarYearInput } from "./schema";

export const PASTE_SOURCE = "手工导入";

/** Pure: the rows to import and where they come from, or a refusal naming the field. */
export function importRows(input: ImportCalendarYearInput): { rows: CalendarSeedRow[]; source: string } {
  if (input.source === "chinese-days") {
    if (input.region !== DEFAULT_CALENDAR_REGION) {
      throw new ValidationError({ source: ["chinese-days 只包含全国放假安排；地方节日请用粘贴列表导入"] });
    }
    const covered = chineseDaysCoveredYears();
    if (!covered.includes(input.year)) {
      throw new ValidationError({
        year: [`chinese-days 没有 ${input.year} 年的放假安排（收录 ${covered[0]}–${covered[covered.length - 1]} 年），请改用粘贴列表导入`],
      });
    }
    return { rows: chineseDaysSeedRows([input.year]), source: CHINESE_DAYS_SOURCE };
  }
  const parsed = parseCalendarPaste(input.text, input.year);
  if (!parsed.ok) throw new ValidationError({ text: parsed.errors }, `导入内容有 ${parsed.errors.length} 处错误，未导入任何日期`);
  return { rows: parsed.rows, source: PASTE_SOURCE };
}

/**
 * Imports a year's schedule for a region, all or nothing: the year's stored rows are replaced
 * by the imported ones in one transaction (with the audit entry), and the year is marked
 * loaded when asked. Any invalid line rejects the whole import and changes nothing.
 */
export const importCalendarYearVerb = defineVerb({
  action: "calendar.year.import",
  entityType: "CalendarYear",
  permission: "calendar:manage",
  input: importCalendarYearSchema,
  entityId: (input) => `${input.region}:${input.year}`,
  load: ({ tx, input }) => lockCalendarRegion(tx, input.region),
  decide: ({ actor, input }) => {
    requireAllowed(adminPolicy(actor), "calendar.year.import");
    return importRows(input);
  },
  apply: async ({ tx, input, actor, now, decision }) => {
    const inYear = {
      regionCode: input.region,
      date: { gte: civilToDate(formatCivilDate(input.year, 1, 1)), lt: civilToDate(formatCivilDate(input.year + 1, 1, 1)) },
    };
    const removed = await tx.calendarDay.deleteMany({ where: inYear });
    await tx.calendarDay.createMany({
      data: decision.rows.map((r) => ({ regionCode: input.region, date: civilToDate(r.date), kind: r.kind, name: r.name })),
    });
    if (input.markLoaded) {
      const loadedById = actor?.id ?? null;
      await tx.calendarYear.upsert({
        where: { regionCode_year: { regionCode: input.region, year: input.year } },
        create: { regionCode: input.region, year: input.year, source: decision.source, loadedById },
        update: { source: decision.source, loadedAt: now, loadedById },
      });
    }
    return { imported: decision.rows.length, replaced: removed.count, source: decision.source };
  },
  audit: ({ input, decision, result }) => ({
    detail: `来源：${result.source}；删除原有 ${result.replaced} 条，导入 ${result.imported} 条${input.markLoaded ? "；标记为已载入" : ""}`,
    after: { source: result.source, markLoaded: input.markLoaded, rows: decision.rows },
  }),
});

export const importCalendarYear = refreshingCalendar(importCalendarYearVerb);
