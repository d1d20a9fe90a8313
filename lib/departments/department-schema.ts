import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";

export const DEPARTMENT_KIND_LABELS = {
  GOVERNMENT: "人民政府",
  OFFICE: "政府办公室",
  BUREAU: "政府工作部门",
  TOWNSHIP: "乡镇（街道）",
} as const;

export const departmentSchema = z.object({
  id: z.string().optional(),
  code: z
    .string({ error: "请填写机构代码" })
    .trim()
    .regex(/^[0-9A-Z]{6,18}$/, "机构代码须为 6–18 位数字或大写字母"),
  name: requiredText(60, "机构名称"),
  shortName: optionalText(20, "简称"),
  kind: z.enum(["GOVERNMENT", "OFFICE", "BUREAU", "TOWNSHIP"], { error: "请选择机构类型" }),
  parentId: z.preprocess((v) => (v === "" ? null : v), z.string().nullable()),
  address: optionalText(120, "办公地址"),
  postalCode: optionalText(6, "邮政编码").refine((v) => v === "" || /^\d{6}$/.test(v), "邮政编码须为 6 位数字"),
  officeHours: optionalText(120, "办公时间"),
  phone: optionalText(40, "联系电话"),
  fax: optionalText(40, "传真"),
  email: optionalText(80, "电子邮箱").refine((v) => v === "" || z.email().safeParse(v).success, "电子邮箱格式不正确"),
  headName: optionalText(20, "负责人"),
  sortOrder: z.coerce.number({ error: "排序须为数字" }).int("排序须为整数").min(0).max(9999).default(0),
});
export type DepartmentInput = z.infer<typeof departmentSchema>;
