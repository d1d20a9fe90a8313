import "server-only";
import { db } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import type { DepartmentKind } from "@/lib/generated/prisma/client";

/** A department (机构) as the public pages show it. */
export type PublicDepartment = {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
  address: string;
  postalCode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  headName: string;
};

const loadDepartments = (): Promise<PublicDepartment[]> =>
  cachedCatalogue("site:departments", () =>
    db().department.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        address: true,
        postalCode: true,
        officeHours: true,
        phone: true,
        fax: true,
        email: true,
        headName: true,
      },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
  );

/**
 * All departments in display order, from the public read cache (the department verb clears
 * it with the catalogue notification on commit).
 */
export async function getPublicDepartments(): Promise<PublicDepartment[]> {
  return loadDepartments();
}

/** The groups the 机构 list is shown in, in display order. */
export const DEPARTMENT_GROUPS: readonly { kind: DepartmentKind; label: string }[] = [
  { kind: "GOVERNMENT", label: "县人民政府" },
  { kind: "OFFICE", label: "县政府办公室" },
  { kind: "BUREAU", label: "县政府工作部门" },
  { kind: "TOWNSHIP", label: "乡镇人民政府（街道办事处）" },
];

/** Anchor id of a department on /xxgk/departments. */
export function departmentAnchor(code: string): string {
  return `dept-${code.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
