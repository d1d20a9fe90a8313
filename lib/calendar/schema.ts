/**
 * zod input schemas for the calendar's admin forms and the public calculator
 * (Chinese messages). The paste format for an import is one day per line:
 *   YYYY-MM-DD,HOLIDAY|WORKDAY,名称
 */
import { z } from "zod";
import { requiredText } from "@/lib/validation";
import { isCivilDate, yearOf, type CivilDate } from "./civil-date";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";
import type { CalendarSeedRow } from "./calendar-data";

/** Years an administrator may manage (a generous window around today). */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

export const regionField = z.preprocess(trimmed, z.string({ error: "请选择地区" }).regex(/^[a-z][a-z0-9-]{1,31}$/, "地区代码无效"));

export const civilDateField = (label: string) =>
  z.preprocess(
    trimmed,
    z
      .string({ error: `请填写${label}` })
      .min(1, `请填写${label}`)
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), `${label}格式应为 YYYY-MM-DD`)
      .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCivilDate(v), `${label}不是有效的日期`),
  );

export const yearField = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z
    .number({ error: (iss) => (iss.input === undefined ? "请填写年份" : "年份须为整数") })
    .int("年份须为整数")
    .min(MIN_CALENDAR_YEAR, `年份须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间`)
    .max(MAX_CALENDAR_YEAR, `年份须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间`),
);

const kindField = z.enum(CalendarDayKind, { error: "请选择类型（放假或调休上班）" });

const inRange = (date: string) => !isCivilDate(date) || (yearOf(date) >= MIN_CALENDAR_YEAR && yearOf(date) <= MAX_CALENDAR_YEAR);

/** Add or edit one day (keyed by region + date). */
export const calendarDaySchema = z.object({
  region: regionField,
  date: civilDateField("日期").refine(inRange, `日期须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 年之间`),
  kind: kindField,
  name: requiredText(40, "名称"),
});
export type CalendarDayInput = z.infer<typeof calendarDaySchema>;

export const removeCalendarDaySchema = z.object({
  region: regionField,
  date: civilDateField("日期"),
});
export type RemoveCalendarDayInput = z.infer<typeof removeCalendarDaySchema>;

export const markCalendarYearSchema = z.object({
  region: regionField,
  year: yearField,
  loaded: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
});
export type MarkCalendarYearInput = z.infer<typeof markCalendarYearSchema>;

export const importCalendarYearSchema = z
  .object({
    region: regionField,
    year: yearField,
    source: z.enum(["chinese-days", "paste"], { error: "请选择导入来源" }),
    text: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(20_000, "粘贴的内容过长（最多 20000 个字符）")),
    markLoaded: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.source === "paste" && v.text.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["text"], message: "请粘贴要导入的日期列表" });
    }
  });
export type ImportCalendarYearInput = z.infer<typeof importCalendarYearSchema>;

/**
 * Parses the pasted list. Every line must be valid and lie in `year`; a date
 * may appear once. Returns the rows or the list of line errors (in Chinese).
 * Blank lines and lines starting with "#" are ignored; a Chinese comma "，" is accepted.
 */
export function parseCalendarPaste(text: string, year: number): { ok: true; rows: CalendarSeedRow[] } | { ok: false; errors: string[] } {
  const rows: CalendarSeedRow[] = [];
  const errors: string[] = [];
  const seen = new Map<CivilDate, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const parts = line.split(/[,，]/).map((p) => p.trim());
    if (parts.length !== 3) {
      errors.push(`第 ${lineNo} 行：格式应为“YYYY-MM-DD,HOLIDAY|WORKDAY,名称”`);
      return;
    }
    const [date = "", kindRaw = "", name = ""] = parts;
    const kind = kindRaw.toUpperCase();
    const errorsBefore = errors.length;
    const shown = date.slice(0, 20);
    if (!isCivilDate(date)) errors.push(`第 ${lineNo} 行：日期“${shown}”无效`);
    else if (yearOf(date) !== year) errors.push(`第 ${lineNo} 行：日期 ${date} 不在 ${year} 年`);
    if (kind !== "HOLIDAY" && kind !== "WORKDAY") errors.push(`第 ${lineNo} 行：类型须为 HOLIDAY 或 WORKDAY`);
    if (name === "") errors.push(`第 ${lineNo} 行：请填写名称`);
    else if (name.length > 40) errors.push(`第 ${lineNo} 行：名称不能超过 40 个字符`);
    if (isCivilDate(date)) {
      const prev = seen.get(date);
      if (prev !== undefined) errors.push(`第 ${lineNo} 行：日期 ${date} 与第 ${prev} 行重复`);
      else seen.set(date, lineNo);
    }
    if (errors.length === errorsBefore && isCivilDate(date) && (kind === "HOLIDAY" || kind === "WORKDAY")) rows.push({ date, kind, name });
  });
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: ["没有可导入的日期"] };
  return { ok: true, rows };
}

/** The public calculator / API query. */
export const workingDaysQuerySchema = z.object({
  from: civilDateField("起算日期").refine(inRange, `起算日期须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 年之间`),
  add: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ error: (iss) => (iss.input === undefined ? "请填写工作日数" : "工作日数须为整数") })
      .int("工作日数须为整数")
      .min(1, "工作日数须在 1–365 之间")
      .max(365, "工作日数须在 1–365 之间"),
  ),
  region: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : "national"), z.string().max(32, "未知的地区")),
});
export type WorkingDaysQuery = z.infer<typeof workingDaysQuerySchema>;

/** Add a local calendar region (minority-nationality holidays) or rename one. */
export const calendarRegionSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z
      .string({ error: "请填写地区代码" })
      .min(1, "请填写地区代码")
      .regex(/^[a-z][a-z0-9-]{1,31}$/, "地区代码须为2–32位小写字母、数字或连字符，以字母开头（如 xinjiang、yanbian）"),
  ),
  name: requiredText(40, "地区名称"),
  sortOrder: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ error: "排序须为整数" }).int("排序须为整数").min(0, "排序须在 0–999 之间").max(999, "排序须在 0–999 之间").optional(),
  ),
});
export type CalendarRegionInput = z.infer<typeof calendarRegionSchema>;
