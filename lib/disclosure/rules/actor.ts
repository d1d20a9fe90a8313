// Who is acting, as the disclosure rules see it.
//
// Roles are granted per department (谁主管、谁负责): being DIRECTOR of one bureau gives no
// power over another bureau's items, and the parent government's PRINCIPAL is a different
// grant from the bureau's PRINCIPAL. The rules therefore never ask "is this user a
// director?" but "does this user hold, in department X, a role that grants permission P?".
//
// What a role may do is NOT decided here: lib/auth/permissions.ts is the one role →
// permission map, and the rules ask it (`grantsAny`). This module only adds the department.

import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

export type StaffRole = Role;
export const STAFF_ROLES = ROLES;
export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = ROLE_LABELS;

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

/** A signed-in user as the rules see them: each of their roles granted in their own department. */
export function staffActorOf(user: { id: string; roles: readonly StaffRole[]; departmentId: string }): StaffActor {
  if (!user.id || !user.departmentId) throw new Error("staffActorOf: user without id or department");
  return { kind: "staff", userId: user.id, grants: user.roles.map((role) => ({ role, departmentId: user.departmentId })) };
}

export function hasGrant(actor: Actor, role: StaffRole, departmentId: string): boolean {
  return actor.kind === "staff" && actor.grants.some((g) => g.role === role && g.departmentId === departmentId);
}

/** True when one of the actor's roles in `departmentId` grants one of `permissions`. */
export function grantsAny(actor: Actor, permissions: readonly Permission[], departmentId: string): boolean {
  return (
    actor.kind === "staff" &&
    actor.grants.some((g) => g.departmentId === departmentId && permissions.some((p) => ROLE_PERMISSIONS[g.role].includes(p)))
  );
}

/** The roles that grant one of `permissions` (for messages: "只有本单位的信息员可以…"). */
export function rolesGranting(permissions: readonly Permission[]): StaffRole[] {
  return STAFF_ROLES.filter((r) => permissions.some((p) => ROLE_PERMISSIONS[r].includes(p)));
}
