// Who is acting, as the disclosure rules see it.
//
// Roles are granted per department (谁主管、谁负责): being DIRECTOR of one bureau gives no
// power over another bureau's items, and the parent government's PRINCIPAL is a different
// grant from the bureau's PRINCIPAL. The rules therefore never ask "is this user a
// director?" but "does this user hold DIRECTOR in department X?".
//
// The auth module owns users and sessions; it only has to map a session to this shape.

export const STAFF_ROLES = ["CLERK", "REVIEWER", "DIRECTOR", "PRINCIPAL", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  CLERK: "信息员",
  REVIEWER: "保密审查员",
  DIRECTOR: "办公室主任/分管领导",
  PRINCIPAL: "主要领导",
  ADMIN: "系统管理员",
};

export interface RoleGrant {
  role: StaffRole;
  departmentId: string;
}

export interface StaffActor {
  kind: "staff";
  userId: string;
  grants: readonly RoleGrant[];
}

/**
 * The scheduler that publishes SCHEDULED items when their time comes. It can do nothing
 * else: everything it publishes was signed off by people beforehand.
 */
export interface SystemActor {
  kind: "system";
}

export type Actor = StaffActor | SystemActor;

export function hasGrant(actor: Actor, role: StaffRole, departmentId: string): boolean {
  return actor.kind === "staff" && actor.grants.some((g) => g.role === role && g.departmentId === departmentId);
}

export function hasAnyGrant(actor: Actor, roles: readonly StaffRole[], departmentId: string): boolean {
  return roles.some((role) => hasGrant(actor, role, departmentId));
}
