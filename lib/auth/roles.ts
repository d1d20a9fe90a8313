import { Role } from "@/lib/generated/prisma/enums";

export { Role };
export const ROLES = [Role.CLERK, Role.REVIEWER, Role.DIRECTOR, Role.PRINCIPAL, Role.ADMIN] as const;

export const ROLE_LABELS: Record<Role, string> = {
  CLERK: "信息员",
  REVIEWER: "保密审查员",
  DIRECTOR: "办公室主任/分管领导",
  PRINCIPAL: "主要领导",
  ADMIN: "系统管理员",
};
