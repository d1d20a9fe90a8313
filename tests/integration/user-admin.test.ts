import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/user-admin";
import { createUserSchema } from "@/lib/users/schema";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";
import { saveDepartment } from "@/lib/departments/save-department";
import { signIn } from "@/lib/auth/sign-in";
import { loadSession } from "@/lib/auth/session";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { makeActor } from "../helpers/actors";

const meta = { ip: "198.51.100.1" };

describe("user administration: authorization pairs", () => {
  it("refuses a clerk (and audits the refusal) but lets an administrator create a user", async () => {
    const clerk = await makeActor(["CLERK"]);
    const admin = await makeActor(["ADMIN"]);
    const input = { username: "new_clerk", displayName: "新同事", departmentId: clerk.departmentId, roles: ["CLERK" as const], password: "Welcome2026x" };

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
    const u = await createUser(admin, { username: `target_${Math.random().toString(36).slice(2, 8)}`, displayName: "乙", departmentId: admin.departmentId, roles: ["CLERK"], password: "Welcome2026x" }, meta);
    const state = () =>
      db().user.findUniqueOrThrow({
        where: { id: u.id },
        select: { displayName: true, roles: true, departmentId: true, disabled: true, passwordHash: true, passwordChangedAt: true, updatedAt: true },
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
    await expect(setUserDisabled(clerk, { id: u.id, disabled: true }, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await state()).toEqual(before);
    expect(await refusal("user.disable")).not.toBeNull();

    await setUserDisabled(admin, { id: u.id, disabled: true }, meta);
    expect((await state()).disabled).toBe(true);
    expect(await db().auditLog.count({ where: { action: "user.disable", entityId: u.id, outcome: "OK", actorId: admin.id } })).toBe(1);
  });

  it("refuses an undefined actor instead of matching everything", async () => {
    await expect(createUser(undefined as never, {} as never, meta)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("rejects a taken username with a field error and stores nothing", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(
      createUser(admin, { username: admin.username, displayName: "重名", departmentId: admin.departmentId, roles: ["CLERK"], password: "Welcome2026x" }, meta),
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
    const u = await createUser(admin, { username: "to_disable", displayName: "甲", departmentId: admin.departmentId, roles: ["CLERK"], password: "Welcome2026x" }, meta);
    const s = await signIn({ username: "to_disable", password: "Welcome2026x" }, { ip: "", userAgent: "" });
    if (!s.ok) throw new Error("sign-in failed");
    await setUserDisabled(admin, { id: u.id, disabled: true }, meta);
    expect(await loadSession(s.sessionId)).toBeNull();
    await setUserDisabled(admin, { id: u.id, disabled: false }, meta);

    await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedAttempts: 3 } });
    await resetPassword(admin, { id: u.id, password: "Another2026y" }, meta);
    const after = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.lockedUntil).toBeNull();
    expect((await signIn({ username: "to_disable", password: "Another2026y" }, { ip: "", userAgent: "" })).ok).toBe(true);
  });

  it("an administrator cannot disable their own account or drop their own admin role", async () => {
    const admin = await makeActor(["ADMIN"]);
    await expect(setUserDisabled(admin, { id: admin.id, disabled: true }, meta)).rejects.toThrow("不能停用自己的账号");
    await expect(updateUser(admin, { id: admin.id, displayName: "x", departmentId: admin.departmentId, roles: ["CLERK"] }, meta)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("site settings and departments: authorization pairs", () => {
  const settings = { siteName: "测试县人民政府", hostOrg: "测试县政府办公室", organizerOrg: "", address: "", postalCode: "", phone: "", email: "", siteCode: "1234567890", icpNo: "", psbNo: "" };

  it("only settings:manage may change the footer, with before/after in the audit log", async () => {
    const director = await makeActor(["DIRECTOR"]);
    const admin = await makeActor(["ADMIN"]);
    await expect(updateSiteSettings(director, settings, meta)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().siteSetting.count()).toBe(0);
    await updateSiteSettings(admin, settings, meta);
    expect((await db().siteSetting.findUniqueOrThrow({ where: { id: 1 } })).siteCode).toBe("1234567890");
    const e = await db().auditLog.findFirstOrThrow({ where: { action: "settings.update", outcome: "OK" } });
    expect(e.before).toBeNull();
    expect((e.after as { siteName: string }).siteName).toBe("测试县人民政府");
  });

  it("refuses a department cycle and a duplicate code", async () => {
    const admin = await makeActor(["ADMIN"]);
    const base = { shortName: "", kind: "BUREAU" as const, address: "", postalCode: "", officeHours: "", phone: "", fax: "", email: "", headName: "", sortOrder: 0, calendarRegion: "national" };
    const a = await saveDepartment(admin, { ...base, code: "AAA000001", name: "甲局", parentId: null }, meta);
    const b = await saveDepartment(admin, { ...base, code: "AAA000002", name: "乙科", parentId: a.id }, meta);
    await expect(saveDepartment(admin, { ...base, id: a.id, code: "AAA000001", name: "甲局", parentId: b.id }, meta)).rejects.toMatchObject({
      fieldErrors: { parentId: ["不能把机构设为自己或下级机构的下级"] },
    });
    await expect(saveDepartment(admin, { ...base, code: "AAA000001", name: "丙局", parentId: null }, meta)).rejects.toMatchObject({
      fieldErrors: { code: ["该机构代码已被使用"] },
    });
    const clerk = await makeActor(["CLERK"]);
    await expect(saveDepartment(clerk, { ...base, code: "AAA000003", name: "丁局", parentId: null }, meta)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
