"use server";

import { revalidatePath } from "next/cache";
import { staffFormAction } from "@/lib/verbs/form-action";
import { saveCalendarDay } from "@/lib/calendar/save-calendar-day";
import { removeCalendarDay } from "@/lib/calendar/remove-calendar-day";
import { importCalendarYear } from "@/lib/calendar/import-calendar-year";
import { markCalendarYear } from "@/lib/calendar/mark-calendar-year";
import { saveCalendarRegion } from "@/lib/calendar/save-calendar-region";
import {
  calendarDaySchema,
  calendarRegionSchema,
  importCalendarYearSchema,
  markCalendarYearSchema,
  removeCalendarDaySchema,
} from "@/lib/calendar/schema";
import { formatChineseDate } from "@/lib/calendar/civil-date";

const refresh = () => {
  revalidatePath("/admin/calendar");
};

export const saveCalendarDayAction = staffFormAction(calendarDaySchema, async (input, ctx) => {
  const r = await saveCalendarDay(ctx.user, input, ctx.opts());
  refresh();
  return `${formatChineseDate(input.date)}已${r.created ? "添加" : "修改"}`;
});

export const removeCalendarDayAction = staffFormAction(removeCalendarDaySchema, async (input, ctx) => {
  await removeCalendarDay(ctx.user, input, ctx.opts());
  refresh();
  return `${formatChineseDate(input.date)}的记录已删除`;
});

export const importCalendarYearAction = staffFormAction(importCalendarYearSchema, async (input, ctx) => {
  const r = await importCalendarYear(ctx.user, input, ctx.opts());
  refresh();
  return `已导入 ${input.year} 年的 ${r.imported} 条记录（替换原有 ${r.replaced} 条，来源：${r.source}）${input.markLoaded ? "，并标记为已载入" : ""}`;
});

export const markCalendarYearAction = staffFormAction(markCalendarYearSchema, async (input, ctx) => {
  await markCalendarYear(ctx.user, input, ctx.opts());
  refresh();
  return input.loaded ? `${input.year} 年已标记为已载入` : `已取消 ${input.year} 年的已载入标记`;
});

export const saveCalendarRegionAction = staffFormAction(calendarRegionSchema, async (input, ctx) => {
  const r = await saveCalendarRegion(ctx.user, input, ctx.opts());
  refresh();
  revalidatePath("/ysqgk/calculator");
  return r.created
    ? `已添加地区“${r.region.name}”（${r.region.code}）。请为其导入地方节日并标记年份为已载入，否则该地区的期限显示为暂定`
    : `已修改地区“${r.region.name}”（${r.region.code}）`;
});
