import type { Role } from "./roles";

// The closed list of permissions. Every mutation names one of these in its
// guard; roles map to permissions here and nowhere else.
export const PERMISSIONS = [
  "admin:access", // see the staff area at all
  "users:manage", // create users, assign roles, reset passwords, disable
  "departments:manage",
  "categories:manage",
  "settings:manage", // site settings
  "calendar:manage", // working-day calendar
  "audit:read",
  "disclosure:draft", // create and edit items
  "disclosure:review", // 保密审查
  "disclosure:sign", // sign-off as DIRECTOR
  "disclosure:sign-major", // sign-off as PRINCIPAL (重大/特别重大)
  "disclosure:withdraw",
  "structured:draft", // 机构职能, 领导, 收费, 办事指南 drafts
  "request:register", // register/confirm applications, request 补正, consult
  "request:reply-draft",
  "request:reply-sign",
  "request:extend-approve", // approve an extension (head of the disclosure office)
  "request:read",
  "jobs:manage", // background jobs and outgoing mail: see, retry failed ones
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CLERK: ["admin:access", "disclosure:draft", "structured:draft", "request:register", "request:reply-draft", "request:read"],
  REVIEWER: ["admin:access", "disclosure:review", "request:read"],
  DIRECTOR: ["admin:access", "disclosure:sign", "disclosure:withdraw", "request:reply-sign", "request:extend-approve", "request:read"],
  PRINCIPAL: ["admin:access", "disclosure:sign-major", "disclosure:withdraw", "request:read"],
  ADMIN: [
    "admin:access",
    "users:manage",
    "departments:manage",
    "categories:manage",
    "settings:manage",
    "calendar:manage",
    "audit:read",
    "jobs:manage",
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}
