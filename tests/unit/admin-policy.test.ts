import { describe, expect, it } from "vitest";
import {
  ADMIN_ACTIONS,
  adminPolicy,
  SELF_DISABLE_REASON,
  SELF_ROLES_REASON,
  type AdminAction,
  type AdminActor,
  type AdminSubject,
  type CategoryFacts,
} from "@/lib/auth/admin-policy";
import { ROLES, type Role } from "@/lib/auth/roles";
import { allowedActions, requireAllowed } from "@/lib/verbs/policy";
import { ForbiddenError, InvalidTransitionError } from "@/lib/errors";

// Written out by hand (not derived from ROLE_PERMISSIONS): the table is the specification the
// policy is checked against. Every administration action belongs to the system administrator;
// no workflow role (信息员, 保密审查员, 主任, 主要领导) may do any of them.
const MAY: Record<AdminAction, readonly Role[]> = {
  "user.create": ["ADMIN"],
  "user.update": ["ADMIN"],
  "user.change-roles": ["ADMIN"],
  "user.disable": ["ADMIN"],
  "user.enable": ["ADMIN"],
  "user.reset-password": ["ADMIN"],
  "department.create": ["ADMIN"],
  "department.update": ["ADMIN"],
  "category.create": ["ADMIN"],
  "category.update": ["ADMIN"],
  "category.change-code": ["ADMIN"],
  "category.delete": ["ADMIN"],
  "settings.update": ["ADMIN"],
  "calendar.day.save": ["ADMIN"],
  "calendar.day.remove": ["ADMIN"],
  "calendar.year.import": ["ADMIN"],
  "calendar.year.mark": ["ADMIN"],
  "calendar.region.save": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "jobs.manage": ["ADMIN"],
};

const OWN_DEPT = "dept-own";
const OTHER_DEPT = "dept-other";
const unusedCategory: CategoryFacts = { code: "T01", children: 0, revisions: 0, searchDocuments: 0, systemCode: false };

/** The record on the page, in the actor's own department or another one (never the actor's own account). */
function subject(where: "own" | "other"): AdminSubject {
  const departmentId = where === "own" ? OWN_DEPT : OTHER_DEPT;
  return {
    user: { id: `colleague-in-${departmentId}`, departmentId, disabled: false },
    department: { id: departmentId },
    category: unusedCategory,
  };
}

// user.enable is a state refusal for an enabled account; its table row uses a disabled one.
function subjectFor(action: AdminAction, where: "own" | "other"): AdminSubject {
  const s = subject(where);
  return action === "user.enable" && s.user ? { ...s, user: { ...s.user, disabled: true } } : s;
}

const actor = (roles: Role[]): AdminActor => ({ id: "actor", roles, departmentId: OWN_DEPT });

describe("admin policy: every role × every action × own/other department", () => {
  const rows = ROLES.flatMap((role) =>
    ADMIN_ACTIONS.flatMap((action) =>
      (["own", "other"] as const).map((where) => ({ role, action, where, allowed: MAY[action].includes(role) })),
    ),
  );

  it("covers the whole table", () => {
    expect(rows).toHaveLength(ROLES.length * ADMIN_ACTIONS.length * 2);
    expect(Object.keys(MAY).sort()).toEqual([...ADMIN_ACTIONS].sort());
  });

  it.each(rows)("$role · $action · $where department → allowed: $allowed", ({ role, action, where, allowed }) => {
    const d = adminPolicy(actor([role]), subjectFor(action, where))[action];
    expect(d.allowed).toBe(allowed);
    if (!d.allowed) expect(d).toMatchObject({ code: "FORBIDDEN", reason: "您没有执行此操作的权限" });
  });

  it("answers the same with no record (list pages, create buttons)", () => {
    for (const role of ROLES) {
      const answers = adminPolicy(actor([role]));
      for (const action of ADMIN_ACTIONS) expect(answers[action].allowed).toBe(MAY[action].includes(role));
    }
  });

  it("unions roles: a clerk who is also administrator may administer", () => {
    expect(allowedActions(adminPolicy(actor(["CLERK", "ADMIN"]), subject("other")))).toEqual(
      new Set(ADMIN_ACTIONS.filter((a) => a !== "user.enable")),
    );
    expect(allowedActions(adminPolicy(actor([]), subject("own"))).size).toBe(0);
  });

  it("refuses everything to nobody (a signed-out request)", () => {
    const answers = adminPolicy(null, subject("own"));
    for (const action of ADMIN_ACTIONS) expect(answers[action]).toMatchObject({ allowed: false, code: "FORBIDDEN" });
  });
});

describe("admin policy: one's own account", () => {
  const admin = actor(["ADMIN"]);
  const self: AdminSubject = { user: { id: admin.id, departmentId: OWN_DEPT, disabled: false } };

  it("nobody changes their own roles or disables themselves", () => {
    const answers = adminPolicy(admin, self);
    expect(answers["user.change-roles"]).toEqual({ allowed: false, code: "SEPARATION_OF_DUTIES", reason: SELF_ROLES_REASON });
    expect(answers["user.disable"]).toEqual({ allowed: false, code: "SEPARATION_OF_DUTIES", reason: SELF_DISABLE_REASON });
    expect(() => {
      requireAllowed(answers, "user.disable");
    }).toThrow(ForbiddenError);
    expect(() => {
      requireAllowed(answers, "user.disable");
    }).toThrow(SELF_DISABLE_REASON);
  });

  it("but may still rename themselves and reset their own password", () => {
    const answers = adminPolicy(admin, self);
    expect(answers["user.update"].allowed).toBe(true);
    expect(answers["user.reset-password"].allowed).toBe(true);
  });

  it("another administrator may change the roles and disable the account", () => {
    const answers = adminPolicy({ ...admin, id: "another-admin" }, self);
    expect(answers["user.change-roles"].allowed).toBe(true);
    expect(answers["user.disable"].allowed).toBe(true);
  });
});

describe("admin policy: the record's state", () => {
  const admin = actor(["ADMIN"]);

  it("offers disable for an enabled account and enable for a disabled one", () => {
    const enabled = adminPolicy(admin, { user: { id: "u", departmentId: OTHER_DEPT, disabled: false } });
    expect(enabled["user.disable"].allowed).toBe(true);
    expect(enabled["user.enable"]).toMatchObject({ allowed: false, code: "STATE" });
    const disabled = adminPolicy(admin, { user: { id: "u", departmentId: OTHER_DEPT, disabled: true } });
    expect(disabled["user.enable"].allowed).toBe(true);
    expect(disabled["user.disable"]).toMatchObject({ allowed: false, code: "STATE", reason: "该账号已停用" });
    expect(() => {
      requireAllowed(disabled, "user.disable");
    }).toThrow(InvalidTransitionError);
  });

  it.each([
    { name: "unused", facts: {}, recode: true, remove: true },
    { name: "with a sub-category", facts: { children: 2 }, recode: true, remove: "该分类下还有 2 个下级分类" },
    {
      name: "used by revisions",
      facts: { revisions: 3, searchDocuments: 1 },
      recode: "已使用的分类不能修改代码",
      remove: "已有 3 个信息版本使用（其中公开 1 条）",
    },
    { name: "looked up by the application", facts: { code: "A08", systemCode: true }, recode: "由系统功能", remove: "由系统功能" },
  ])("a category $name: change code / delete", ({ facts, recode, remove }) => {
    const answers = adminPolicy(admin, { category: { ...unusedCategory, ...facts } });
    // `true`: allowed; a string: refused for the record's state, with that text in the reason.
    const check = (action: AdminAction, expected: boolean | string) => {
      const d = answers[action];
      if (typeof expected === "boolean") expect(d.allowed).toBe(expected);
      else {
        expect(d).toMatchObject({ allowed: false, code: "STATE" });
        expect(d.allowed ? "" : d.reason).toContain(expected);
      }
    };
    check("category.change-code", recode);
    check("category.delete", remove);
    // Renaming is always allowed to an administrator.
    expect(answers["category.update"].allowed).toBe(true);
  });

  it("state rules never open an action to a role without the permission", () => {
    const clerk = adminPolicy(actor(["CLERK"]), {
      user: { id: "actor", departmentId: OWN_DEPT, disabled: true },
      category: unusedCategory,
    });
    for (const action of ADMIN_ACTIONS) expect(clerk[action]).toMatchObject({ allowed: false, code: "FORBIDDEN" });
  });
});
