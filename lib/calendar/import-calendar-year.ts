import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import type { CalendarSeedRow } from "./calendar-data";
import { chineseDaysCoveredYears, chineseDaysSeedRows } from "./chinese-days-source";
import { CHINESE_DAYS_SOURCE } from "./chinese-days-version";
import { civilToDate } from "./db-dates";
import { DEFAULT_CALENDAR_REGION, invalidateCalendarCache } from "./load-calendar";
import { lockCalendarRegion } from "./lock-region";
import { parseCalendarPaste, type ImportCalendarYearInput } from "./schema";

export const PASTE_SOURCE = "手工导入";

/**
 * Imports a year's schedule for a region, all or nothing: the year's stored
 * rows are replaced by the imported ones in one transaction (with the audit
 * entry), and the year is marked loaded when asked. Any invalid line rejects
 * the whole import and changes nothing.
 */
export async function importCalendarYear(actor: SessionUser, input: ImportCalendarYearInput, meta: { ip: string }) {
  await authorizeUser(actor, "calendar:manage", { action: "calendar.year.import", ip: meta.ip });

  let rows: CalendarSeedRow[];
  let source: string;
  if (input.source === "chinese-days") {
    if (input.region !== DEFAULT_CALENDAR_REGION) {
      throw new ValidationError({ source: ["chinese-days 只包含全国放假安排；地方节日请用粘贴列表导入"] });
    }
    if (!chineseDaysCoveredYears().includes(input.year)) {
      const covered = chineseDaysCoveredYears();
      throw new ValidationError({
        year: [`chinese-days 没有 ${input.year} 年的放假安排（收录 ${covered[0]}–${covered[covered.length - 1]} 年），请改用粘贴列表导入`],
      });
    }
    rows = chineseDaysSeedRows([input.year]);
    source = CHINESE_DAYS_SOURCE;
  } else {
    const parsed = parseCalendarPaste(input.text, input.year);
    if (!parsed.ok) throw new ValidationError({ text: parsed.errors }, `导入内容有 ${parsed.errors.length} 处错误，未导入任何日期`);
    rows = parsed.rows;
    source = PASTE_SOURCE;
  }

  const yearStart = civilToDate(`${String(input.year).padStart(4, "0")}-01-01`);
  const nextYearStart = civilToDate(`${String(input.year + 1).padStart(4, "0")}-01-01`);
  const result = await db().$transaction(async (tx) => {
    await lockCalendarRegion(tx, input.region);
    const inYear = { regionCode: input.region, date: { gte: yearStart, lt: nextYearStart } };
    const removed = await tx.calendarDay.deleteMany({ where: inYear });
    await tx.calendarDay.createMany({
      data: rows.map((r) => ({ regionCode: input.region, date: civilToDate(r.date), kind: r.kind, name: r.name })),
    });
    if (input.markLoaded) {
      await tx.calendarYear.upsert({
        where: { regionCode_year: { regionCode: input.region, year: input.year } },
        create: { regionCode: input.region, year: input.year, source, loadedById: actor.id },
        update: { source, loadedAt: new Date(), loadedById: actor.id },
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      actorName: actor.displayName,
      action: "calendar.year.import",
      entityType: "CalendarYear",
      entityId: `${input.region}:${input.year}`,
      ip: meta.ip,
      detail: `来源：${source}；删除原有 ${removed.count} 条，导入 ${rows.length} 条${input.markLoaded ? "；标记为已载入" : ""}`,
      after: { source, markLoaded: input.markLoaded, rows },
    });
    return { imported: rows.length, replaced: removed.count, source };
  });
  invalidateCalendarCache();
  return result;
}
