import type { Permission } from "./permissions";

/** The staff area's menu; each entry shows only to roles holding its permission. */
export const ADMIN_NAV: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "/admin", label: "工作台", permission: "admin:access" },
  { href: "/admin/users", label: "用户管理", permission: "users:manage" },
  { href: "/admin/departments", label: "机构管理", permission: "departments:manage" },
  { href: "/admin/settings", label: "网站设置", permission: "settings:manage" },
  { href: "/admin/audit", label: "操作日志", permission: "audit:read" },
];
