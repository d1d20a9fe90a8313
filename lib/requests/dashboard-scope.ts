/**
 * Which departments' cases a staff member sees on the request dashboard.
 * A department's staff see their department (and the departments below it,
 * as `departmentScope` gives); the 政府办公室 (DepartmentKind OFFICE) runs the
 * government's disclosure work and sees every department under the
 * government it belongs to, i.e. its parent's whole tree.
 */
import { db } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";

export async function requestDepartmentScope(user: Pick<SessionUser, "departmentId">): Promise<string[]> {
  if (!user.departmentId) throw new Error("requestDepartmentScope: user without department");
  const dept = await db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true, parentId: true } });
  if (dept?.kind === "OFFICE" && dept.parentId) return departmentScope({ departmentId: dept.parentId });
  return departmentScope(user);
}
