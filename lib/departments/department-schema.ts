import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";
import { DEPARTMENT_KINDS } from "./labels";

/** The version (updatedAt in ms) the edit form showed; a later change makes the save a conflict. */
export const versionField = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "版本号无效" }).int("版本号无效").optional(),
);

export const departmentSchema = z.object({
  id: z.string().optional(),
  version: versionField,
  code: z
    .string({ error: "请填写机构代码" })
    .trim()
    .regex(/^[0-9A-Z]{6,18}$/, "机构代码须为 6–18 位数字或大写字母"),
  name: requiredText(60, "机构名称"),
  shortName: optionalText(20, "简称"),
  kind: z.enum(DEPARTMENT_KINDS, { error: "请选择机构类型" }),
  parentId: z.preprocess((v) => (v === "" ? null : v), z.string().nullable()),
  address: optionalText(120, "办公地址"),
  postalCode: optionalText(6, "邮政编码").refine((v) => v === "" || /^\d{6}$/.test(v), "邮政编码须为 6 位数字"),
  officeHours: optionalText(120, "办公时间"),
  phone: optionalText(40, "联系电话"),
  fax: optionalText(40, "传真"),
  email: optionalText(80, "电子邮箱").refine((v) => v === "" || z.email().safeParse(v).success, "电子邮箱格式不正确"),
  headName: optionalText(20, "负责人"),
  sortOrder: z.coerce.number({ error: "排序须为数字" }).int("排序须为整数").min(0).max(9999).default(0),
  /** CalendarRegion.code for working-day deadlines (law §6). Existence: departmentFormSchema / saveDepartment. */
  calendarRegion: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "请选择工作日历地区" })
      .min(1, "请选择工作日历地区")
      .regex(/^[a-z][a-z0-9-]{1,31}$/, "工作日历地区代码无效"),
  ),
});
export type DepartmentInput = z.infer<typeof departmentSchema>;

/** Shown when the chosen working-day calendar region does not exist. */
export const UNKNOWN_CALENDAR_REGION_MESSAGE = "所选工作日历地区不存在，请从列表中选择";

/**
 * The department form's schema: as departmentSchema, and the calendar region
 * must be one of the existing regions (`regionCodes`, from listCalendarRegions).
 */
export function departmentFormSchema(regionCodes: readonly string[]) {
  const known = new Set(regionCodes);
  return departmentSchema.superRefine((v, ctx) => {
    if (!known.has(v.calendarRegion)) ctx.addIssue({ code: "custom", path: ["calendarRegion"], message: UNKNOWN_CALENDAR_REGION_MESSAGE });
  });
}
