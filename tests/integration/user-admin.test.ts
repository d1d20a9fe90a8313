import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { resetPassword } from "@/lib/users/reset-password";
import { disableUser, enableUser } from "@/lib/users/set-user-disabled";
import { createUserSchema } from "@/lib/users/schema";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";
import { saveDepartment, updateDepartment } from "@/lib/departments/save-department";
import { signIn } from "@/lib/auth/sign-in";
import { loadSession } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { makeActor } from "../helpers/actors";

const meta = { ip: "198.51.100.1" };

describe("user administration: authorization pairs", () => {
  it("refuses a clerk (and audits the refusal) but lets an administrator create a user", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const input = {
      username: "new_clerk",
      displayName: "新同事",
      departmentId: clerk.departmentId,
      roles: ["CLERK" as const],
      password: "Welcome2026x",
    };

    await expect(createUser(clerk, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().user.count({ where: { username: "new_clerk" } })).toBe(0);
    const refusal = await db().auditLog.findFirstOrThrow({ where: { actorId: clerk.id, outcome: "REFUSED" } });
    expect(refusal.action).toBe("user.create");

    const u = await createUser(admin, input, meta);
    expect(u.username).toBe("new_clerk");
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: u.id } });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.stringify(entry.after)).not.toMatch(/passwordHash|argon2/);
  });

  // The target account, its full state (hash included) and the refusal's audit row.
  async function target() {
    const admin = await makeActor(["ADMIN"]);
    const clerk = await makeActor(["CLERK"], admin.departmentId);
    const u = await createUser(
      admin,
      {
        username: `target_${Math.random().toString(36).slice(2, 8)}`,
        displayName: "乙",
        departmentId: admin.departmentId,
        roles: ["CLERK"],
        password: "Welcome2026x",
      },
      meta,
    );
    const state = () =>
      db().user.findUniqueOrThrow({
        where: { id: u.id },
        select: {
          displayName: true,
          roles: true,
          departmentId: true,
          disabled: true,
          passwordHash: true,
          passwordChangedAt: true,
          updatedAt: true,
        },
      });
    const refusal = (action: string) => db().auditLog.findFirst({ where: { actorId: clerk.id, action, outcome: "REFUSED" } });
    return { admin, clerk, u, state, refusal };
  }

  it("refuses a clerk's role change (row unchanged, refusal audited) but lets an administrator make it", async () => {
    const { admin, clerk, u, state, refusal } = await target();
    const before = await state();
    const input = { id: u.id, displayName: "乙", departmentId: admin.departmentId, roles: ["ADMIN" as const] };
    await expect(updateUser(clerk, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await state()).toEqual(before);
    expect(await refusal("user.update")).not.toBeNull();

    await updateUser(admin, input, meta);
    expect((await state()).roles).toEqual(["ADMIN"]);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: u.id, outcome: "OK" } });
    expect(entry.actorId).toBe(admin.id);
  });

  it("refuses a clerk's password reset (hash unchanged, refusal audited) but lets an administrator reset", async () => {
    const { admin, clerk, u, state, refusal } = await target();
    const before = await state();
    await expect(resetPassword(clerk, { id: u.id, password: "Takeover2026z" }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await state()).toEqual(before);
    expect(await refusal("user.reset-password")).not.toBeNull();
    expect((await signIn({ username: u.username, password: "Takeover2026z" }, { ip: "", userAgent: "" })).ok).toBe(false);

    await resetPassword(admin, { id: u.id, password: "Another2026y" }, meta);
    expect((await state()).passwordHash).not.toBe(before.passwordHash);
    expect((await signIn({ username: u.username, password: "Another2026y" }, { ip: "", userAgent: "" })).ok).toBe(true);
  });

  it("refuses a clerk's disabling of an account (row unchanged, refusal audited) but lets an administrator disable it", async () => {
    const { admin, clerk, u, state, refusal } = await target();
    const before = await state();
    await expect(disableUser(clerk, { id: u.id }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await state()).toEqual(before);
    expect(await refusal("user.disable")).not.toBeNull();

    await disableUser(admin, { id: u.id }, meta);
    expect((await state()).disabled).toBe(true);
    expect(await db().auditLog.count({ where: { action: "user.disable", entityId: u.id, outcome: "OK", actorId: admin.id } })).toBe(1);
  });

  it("refuses an undefined actor instead of matching everything", async () => {
    const dept = await makeActor(["CLERK"]);
    const input = {
      username: "no_actor",
      displayName: "无人",
      departmentId: dept.departmentId,
      roles: ["ADMIN" as const],
      password: "Welcome2026x",
    };
    await expect(createUser(undefined, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUser(null, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().user.count({ where: { username: "no_actor" } })).toBe(0);
  });

  it("refuses an account that does not exist (audited) and a department that does not exist (field error)", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(resetPassword(admin, { id: "no-such-user", password: "Another2026y" }, meta)).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await db().auditLog.count({
        where: { actorId: admin.id, action: "user.reset-password", entityId: "no-such-user", outcome: "REFUSED" },
      }),
    ).toBe(1);
    await expect(
      createUser(
        admin,
        { username: "lost_dept", displayName: "无部门", departmentId: "no-such-dept", roles: ["CLERK"], password: "Welcome2026x" },
        meta,
      ),
    ).rejects.toMatchObject({ fieldErrors: { departmentId: ["所选部门不存在"] } });
    expect(await db().user.count({ where: { username: "lost_dept" } })).toBe(0);
  });

  it("rejects a taken username with a field error and stores nothing", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(
      createUser(
        admin,
        { username: admin.username, displayName: "重名", departmentId: admin.departmentId, roles: ["CLERK"], password: "Welcome2026x" },
        meta,
      ),
    ).rejects.toMatchObject({ fieldErrors: { username: ["该用户名已被使用"] } });
  });

  it("validates the form with Chinese field messages", () => {
    const r = createUserSchema.safeParse({ username: "A", displayName: "", roles: [], password: "short" });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toContain("username: 用户名须为 3–32 位小写字母、数字或下划线，以字母开头");
    expect(msgs).toContain("displayName: 请填写姓名");
    expect(msgs).toContain("roles: 请至少选择一个角色");
    expect(msgs).toContain("departmentId: 请选择所属部门");
    expect(msgs).toContain("password: 密码至少 10 个字符");
  });

  it("disabling an account ends its sessions; a reset unlocks and ends sessions too", async () => {
    const admin = await makeActor(["ADMIN"]);
    const u = await createUser(
      admin,
      { username: "to_disable", displayName: "甲", departmentId: admin.departmentId, roles: ["CLERK"], password: "Welcome2026x" },
      meta,
    );
    const s = await signIn({ username: "to_disable", password: "Welcome2026x" }, { ip: "", userAgent: "" });
    if (!s.ok) throw new Error("sign-in failed");
    await disableUser(admin, { id: u.id }, meta);
    expect(await loadSession(s.sessionId)).toBeNull();
    // Disabling twice is a state refusal, not a silent no-op; enabling brings the account back.
    await expect(disableUser(admin, { id: u.id }, meta)).rejects.toBeInstanceOf(InvalidTransitionError);
    await enableUser(admin, { id: u.id }, meta);
    await expect(enableUser(admin, { id: u.id }, meta)).rejects.toBeInstanceOf(InvalidTransitionError);

    await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedAttempts: 3 } });
    await resetPassword(admin, { id: u.id, password: "Another2026y" }, meta);
    const after = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.lockedUntil).toBeNull();
    expect((await signIn({ username: "to_disable", password: "Another2026y" }, { ip: "", userAgent: "" })).ok).toBe(true);
  });

  it("nobody disables themselves or changes their own roles (refusals audited); another administrator may", async () => {
    const admin = await makeActor(["ADMIN"]);
    const other = await makeActor(["ADMIN"], admin.departmentId);
    const own = () => db().user.findUniqueOrThrow({ where: { id: admin.id }, select: { roles: true, disabled: true, displayName: true } });
    const before = await own();

    await expect(disableUser(admin, { id: admin.id }, meta)).rejects.toThrow("不能停用自己的账号");
    await expect(disableUser(admin, { id: admin.id }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    // Neither dropping a role nor granting one more.
    for (const roles of [["CLERK" as const], ["ADMIN" as const, "PRINCIPAL" as const]]) {
      const err = await updateUser(admin, { id: admin.id, displayName: "x", departmentId: admin.departmentId, roles }, meta).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect(err).toMatchObject({ fieldErrors: { roles: ["不能修改自己的角色（须由另一位系统管理员修改）"] } });
    }
    expect(await own()).toEqual(before);
    expect(await db().auditLog.count({ where: { actorId: admin.id, entityId: admin.id, outcome: "REFUSED" } })).toBe(4);

    // Renaming oneself with the roles unchanged is fine.
    await updateUser(admin, { id: admin.id, displayName: "改名", departmentId: admin.departmentId, roles: ["ADMIN"] }, meta);
    expect((await own()).displayName).toBe("改名");
    // Another administrator may change the roles and disable the account.
    await updateUser(other, { id: admin.id, displayName: "改名", departmentId: admin.departmentId, roles: ["ADMIN", "PRINCIPAL"] }, meta);
    expect((await own()).roles).toEqual(["ADMIN", "PRINCIPAL"]);
    await disableUser(other, { id: admin.id }, meta);
    expect((await own()).disabled).toBe(true);
  });
});

describe("site settings and departments: authorization pairs", () => {
  const settings = {
    siteName: "测试县人民政府",
    hostOrg: "测试县政府办公室",
    organizerOrg: "",
    address: "",
    postalCode: "",
    phone: "",
    email: "",
    siteCode: "1234567890",
    icpNo: "",
    psbNo: "",
  };

  it("only settings:manage may change the footer, with before/after in the audit log", async () => {
    const director = await makeActor(["DIRECTOR"]);
    const admin = await makeActor(["ADMIN"]);
    await expect(updateSiteSettings(director, settings, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().siteSetting.count()).toBe(0);
    expect(await db().auditLog.count({ where: { actorId: director.id, action: "settings.update", outcome: "REFUSED" } })).toBe(1);
    await updateSiteSettings(admin, settings, meta);
    expect((await db().siteSetting.findUniqueOrThrow({ where: { id: 1 } })).siteCode).toBe("1234567890");
    const e = await db().auditLog.findFirstOrThrow({ where: { action: "settings.update", outcome: "OK" } });
    expect(e.before).toBeNull();
    expect(e.after).toMatchObject({ siteName: "测试县人民政府" });

    // The version the page showed must still be current: a stale form is a conflict.
    const current = await db().siteSetting.findUniqueOrThrow({ where: { id: 1 } });
    const stale = current.updatedAt.getTime() - 1;
    await expect(
      updateSiteSettings(admin, { ...settings, siteName: "旧页面" }, { ...meta, expectedVersion: stale }),
    ).rejects.toBeInstanceOf(ConflictError);
    await updateSiteSettings(admin, { ...settings, siteName: "新名称" }, { ...meta, expectedVersion: current.updatedAt.getTime() });
    expect((await db().siteSetting.findUniqueOrThrow({ where: { id: 1 } })).siteName).toBe("新名称");
  });

  it("refuses a department cycle and a duplicate code", async () => {
    const admin = await makeActor(["ADMIN"]);
    const base = {
      shortName: "",
      kind: "BUREAU" as const,
      address: "",
      postalCode: "",
      officeHours: "",
      phone: "",
      fax: "",
      email: "",
      headName: "",
      sortOrder: 0,
      calendarRegion: "national",
    };
    const a = await saveDepartment(admin, { ...base, code: "AAA000001", name: "甲局", parentId: null }, meta);
    const b = await saveDepartment(admin, { ...base, code: "AAA000002", name: "乙科", parentId: a.id }, meta);
    await expect(saveDepartment(admin, { ...base, id: a.id, code: "AAA000001", name: "甲局", parentId: b.id }, meta)).rejects.toMatchObject(
      {
        fieldErrors: { parentId: ["不能把机构设为自己或下级机构的下级"] },
      },
    );
    await expect(saveDepartment(admin, { ...base, code: "AAA000001", name: "丙局", parentId: null }, meta)).rejects.toMatchObject({
      fieldErrors: { code: ["该机构代码已被使用"] },
    });
    const clerk = await makeActor(["CLERK"]);
    await expect(saveDepartment(clerk, { ...base, code: "AAA000003", name: "丁局", parentId: null }, meta)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db().department.count({ where: { code: "AAA000003" } })).toBe(0);
    expect(await db().auditLog.count({ where: { actorId: clerk.id, action: "department.create", outcome: "REFUSED" } })).toBe(1);
  });

  it("refuses a clerk's department edit (row unchanged, refusal audited) but lets an administrator make it; a stale form is a conflict", async () => {
    const admin = await makeActor(["ADMIN"]);
    const clerk = await makeActor(["CLERK"], admin.departmentId);
    const base = {
      shortName: "",
      kind: "BUREAU" as const,
      address: "",
      postalCode: "",
      officeHours: "",
      phone: "",
      fax: "",
      email: "",
      headName: "",
      sortOrder: 0,
      calendarRegion: "national",
      parentId: null,
    };
    const d = await saveDepartment(admin, { ...base, code: "BBB000001", name: "戊局" }, meta);
    const input = { ...base, id: d.id, code: "BBB000001", name: "戊局（改）", phone: "0999-1234567" };

    await expect(updateDepartment(clerk, input, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().department.findUniqueOrThrow({ where: { id: d.id } })).toEqual(d);
    expect(
      await db().auditLog.count({ where: { actorId: clerk.id, action: "department.update", entityId: d.id, outcome: "REFUSED" } }),
    ).toBe(1);

    await expect(updateDepartment(admin, input, { ...meta, expectedVersion: d.updatedAt.getTime() - 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const after = await updateDepartment(admin, input, { ...meta, expectedVersion: d.updatedAt.getTime() });
    expect(after).toMatchObject({ name: "戊局（改）", phone: "0999-1234567" });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "department.update", entityId: d.id, outcome: "OK" } });
    expect(entry).toMatchObject({ actorId: admin.id, before: { name: "戊局" }, after: { name: "戊局（改）" } });
  });
});
