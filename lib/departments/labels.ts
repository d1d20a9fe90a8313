import { DepartmentKind } from "@/lib/generated/prisma/enums";

/** 机构类型, in the order the form offers them. */
export const DEPARTMENT_KINDS = [DepartmentKind.GOVERNMENT, DepartmentKind.OFFICE, DepartmentKind.BUREAU, DepartmentKind.TOWNSHIP] as const;

export const DEPARTMENT_KIND_LABELS: Readonly<Record<DepartmentKind, string>> = {
  GOVERNMENT: "人民政府",
  OFFICE: "政府办公室",
  BUREAU: "政府工作部门",
  TOWNSHIP: "乡镇（街道）",
};
