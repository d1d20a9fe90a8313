import type { Permission } from "./permissions";

/** The menu entry that carries the count of items waiting for the signed-in user. */
export const WORK_QUEUE_HREF = "/admin/disclosures/queue";

/** The staff area's menu; each entry shows only to roles holding its permission. */
export const ADMIN_NAV: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "/admin", label: "工作台", permission: "admin:access" },
  { href: WORK_QUEUE_HREF, label: "待办审核", permission: "admin:access" },
  { href: "/admin/disclosures", label: "主动公开", permission: "admin:access" },
  { href: "/admin/requests", label: "依申请公开", permission: "request:read" },
  { href: "/admin/requests/dashboard", label: "申请办理统计", permission: "request:read" },
  { href: "/admin/structured", label: "收费·职能·指南", permission: "structured:draft" },
  { href: "/admin/users", label: "用户管理", permission: "users:manage" },
  { href: "/admin/departments", label: "机构管理", permission: "departments:manage" },
  { href: "/admin/categories", label: "主题分类", permission: "categories:manage" },
  { href: "/admin/settings", label: "网站设置", permission: "settings:manage" },
  { href: "/admin/calendar", label: "工作日历", permission: "calendar:manage" },
  { href: "/admin/disclosures/escalation", label: "签发层级配置", permission: "departments:manage" },
  { href: "/admin/audit", label: "操作日志", permission: "audit:read" },
  { href: "/admin/jobs", label: "后台任务", permission: "jobs:manage" },
  { href: "/admin/mail", label: "邮件", permission: "jobs:manage" },
];
