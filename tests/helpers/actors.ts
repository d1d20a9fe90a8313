import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { createDepartment, createUser } from "@/lib/seed/factories";

/** A signed-in staff member for calling domain verbs directly in tests. */
export async function makeActor(roles: Role[], departmentId?: string): Promise<SessionUser> {
  const deptId = departmentId ?? (await createDepartment(db())).id;
  const u = await createUser(db(), { roles, departmentId: deptId });
  const dept = await db().department.findUniqueOrThrow({ where: { id: deptId }, select: { name: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    departmentId: deptId,
    departmentName: dept.name,
    sessionId: "test",
  };
}
