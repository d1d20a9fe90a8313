// The administration policy: one pure function answers, for an actor and (where relevant) the
// record on the page, every administration action at once. Admin pages draw their buttons from
// it; the verbs' `decide` step calls `requireAllowed` with the same answers, so a button and the
// verb behind it cannot disagree.
//
// Administration is county-wide: a system administrator manages every department's accounts,
// the category tree, the settings and the calendar, so the target's department does not change
// an answer (tests/unit/admin-policy.test.ts proves it for own and other departments). What
// does change answers is the actor's own account (nobody grants themselves a role or locks
// themselves out) and the record's state (a used category keeps its code, …).

import { ALLOWED, refused, type PolicyAnswers, type PolicyDecision } from "@/lib/verbs/policy";
import { hasPermission, type Permission } from "./permissions";
import type { Role } from "./roles";

export const ADMIN_ACTIONS = [
  "user.create",
  "user.update",
  "user.change-roles",
  "user.disable",
  "user.enable",
  "user.reset-password",
  "department.create",
  "department.update",
  "category.create",
  "category.update",
  "category.change-code",
  "category.delete",
  "settings.update",
  "calendar.day.save",
  "calendar.day.remove",
  "calendar.year.import",
  "calendar.year.mark",
  "calendar.region.save",
  "audit.read",
  "jobs.manage",
] as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** The permission each action needs; the policy adds the record's rules on top. */
export const ADMIN_ACTION_PERMISSION: Readonly<Record<AdminAction, Permission>> = {
  "user.create": "users:manage",
  "user.update": "users:manage",
  "user.change-roles": "users:manage",
  "user.disable": "users:manage",
  "user.enable": "users:manage",
  "user.reset-password": "users:manage",
  "department.create": "departments:manage",
  "department.update": "departments:manage",
  "category.create": "categories:manage",
  "category.update": "categories:manage",
  "category.change-code": "categories:manage",
  "category.delete": "categories:manage",
  "settings.update": "settings:manage",
  "calendar.day.save": "calendar:manage",
  "calendar.day.remove": "calendar:manage",
  "calendar.year.import": "calendar:manage",
  "calendar.year.mark": "calendar:manage",
  "calendar.region.save": "calendar:manage",
  "audit.read": "audit:read",
  "jobs.manage": "jobs:manage",
};

export type AdminActor = { id: string; roles: readonly Role[]; departmentId: string };

/** A staff account as the policy needs it. */
export type UserFacts = { id: string; departmentId: string; disabled: boolean };

/** A category and what refers to it (lib/categories/category-usage.ts). */
export type CategoryFacts = {
  code: string;
  /** Sub-categories. */
  children: number;
  /** Disclosure revisions filed under it (any item, any version). */
  revisions: number;
  /** Public search documents under it. */
  searchDocuments: number;
  /** A code the application looks up (lib/categories/system-codes.ts). */
  systemCode: boolean;
};

/** The record on the page; omit what the page is not about (a list page passes nothing). */
export type AdminSubject = {
  user?: UserFacts;
  department?: { id: string };
  category?: CategoryFacts;
};

export const NO_PERMISSION_REASON = "您没有执行此操作的权限";
export const SELF_DISABLE_REASON = "不能停用自己的账号";
export const SELF_ROLES_REASON = "不能修改自己的角色（须由另一位系统管理员修改）";

/** `actor` null (signed out) is refused everything. */
export function adminPolicy(actor: AdminActor | null, subject: AdminSubject = {}): PolicyAnswers<AdminAction> {
  const out = {} as Record<AdminAction, PolicyDecision>;
  for (const action of ADMIN_ACTIONS) {
    out[action] =
      actor && hasPermission(actor.roles, ADMIN_ACTION_PERMISSION[action])
        ? recordRule(action, actor, subject)
        : refused("FORBIDDEN", NO_PERMISSION_REASON);
  }
  return out;
}

/** The rules that depend on the record, for an actor who holds the permission. */
function recordRule(action: AdminAction, actor: AdminActor, s: AdminSubject): PolicyDecision {
  const self = s.user !== undefined && s.user.id === actor.id;
  switch (action) {
    case "user.change-roles":
      // No account can grant a role to itself (or drop one): another administrator must.
      return self ? refused("SEPARATION_OF_DUTIES", SELF_ROLES_REASON) : ALLOWED;
    case "user.disable":
      if (self) return refused("SEPARATION_OF_DUTIES", SELF_DISABLE_REASON);
      return s.user?.disabled ? refused("STATE", "该账号已停用") : ALLOWED;
    case "user.enable":
      return s.user && !s.user.disabled ? refused("STATE", "该账号未停用") : ALLOWED;
    case "category.change-code":
      return categoryCodeRule(s.category);
    case "category.delete":
      return categoryDeleteRule(s.category);
    default:
      return ALLOWED;
  }
}

/** The code is part of every 索引号 issued under the category, and features look some codes up. */
function categoryCodeRule(c: CategoryFacts | undefined): PolicyDecision {
  if (!c) return ALLOWED;
  if (c.systemCode) return refused("STATE", `分类代码 ${c.code} 由系统功能（结构化公开、公开制度或年度报告）引用，不能修改`);
  if (c.revisions > 0 || c.searchDocuments > 0) {
    return refused(
      "STATE",
      `该分类已有 ${c.revisions} 个信息版本使用，分类代码是索引号的组成部分，已使用的分类不能修改代码（名称等仍可修改）`,
    );
  }
  return ALLOWED;
}

/** Revisions carry the category id without a foreign key: deleting a used one would orphan them. */
function categoryDeleteRule(c: CategoryFacts | undefined): PolicyDecision {
  if (!c) return ALLOWED;
  if (c.children > 0) return refused("STATE", `该分类下还有 ${c.children} 个下级分类，请先删除或移走下级分类`);
  if (c.systemCode) return refused("STATE", `分类 ${c.code} 由系统功能（结构化公开、公开制度或年度报告）引用，不能删除`);
  if (c.revisions > 0 || c.searchDocuments > 0) {
    return refused("STATE", `该分类已有 ${c.revisions} 个信息版本使用（其中公开 ${c.searchDocuments} 条），不能删除`);
  }
  return ALLOWED;
}
