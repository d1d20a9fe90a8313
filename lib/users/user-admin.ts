import type { z } from "zod";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { createUserSchema, resetPasswordSchema, setDisabledSchema, updateUserSchema } from "./schema";

// The administrator's verbs on staff accounts. Each checks the permission,
// changes the account and writes the audit entry in one transaction.
// Password hashes never enter the audit log.

type Meta = { ip: string };
const PUBLIC_FIELDS = { id: true, username: true, displayName: true, roles: true, departmentId: true, disabled: true } as const;

async function assertDepartment(departmentId: string) {
  const d = await db().department.findUnique({ where: { id: departmentId }, select: { id: true } });
  if (!d) throw new ValidationError({ departmentId: ["所选部门不存在"] });
}

export async function createUser(actor: SessionUser, input: z.infer<typeof createUserSchema>, meta: Meta) {
  await authorizeUser(actor, "users:manage", { action: "user.create", ip: meta.ip });
  await assertDepartment(input.departmentId);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (exists) throw new ValidationError({ username: ["该用户名已被使用"] });
    const user = await tx.user.create({
      data: { username: input.username, displayName: input.displayName, departmentId: input.departmentId, roles: input.roles, passwordHash },
      select: PUBLIC_FIELDS,
    });
    await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "user.create", entityType: "User", entityId: user.id, ip: meta.ip, after: user });
    return user;
  });
}

export async function updateUser(actor: SessionUser, input: z.infer<typeof updateUserSchema>, meta: Meta) {
  await authorizeUser(actor, "users:manage", { action: "user.update", ip: meta.ip });
  await assertDepartment(input.departmentId);
  return db().$transaction(async (tx) => {
    const before = await lockUser(tx, input.id);
    if (actor.id === input.id && before.roles.includes("ADMIN") && !input.roles.includes("ADMIN")) {
      throw new ValidationError({ roles: ["不能取消自己的系统管理员角色"] });
    }
    const after = await tx.user.update({
      where: { id: input.id },
      data: { displayName: input.displayName, departmentId: input.departmentId, roles: input.roles },
      select: PUBLIC_FIELDS,
    });
    // Role or department changes take effect at the next request anyway
    // (sessions load the user each time), so sessions are kept.
    await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "user.update", entityType: "User", entityId: after.id, ip: meta.ip, before, after });
    return after;
  });
}

export async function resetPassword(actor: SessionUser, input: z.infer<typeof resetPasswordSchema>, meta: Meta) {
  await authorizeUser(actor, "users:manage", { action: "user.reset-password", ip: meta.ip });
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await lockUser(tx, input.id);
    const now = new Date();
    await tx.user.update({
      where: { id: input.id },
      data: { passwordHash, passwordChangedAt: now, failedAttempts: 0, lockedUntil: null },
    });
    // A reset ends every open session of that account.
    await tx.staffSession.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "user.reset-password", entityType: "User", entityId: input.id, ip: meta.ip, detail: "重置密码并解除锁定" });
  });
}

export async function setUserDisabled(actor: SessionUser, input: z.infer<typeof setDisabledSchema>, meta: Meta) {
  await authorizeUser(actor, "users:manage", { action: input.disabled ? "user.disable" : "user.enable", ip: meta.ip });
  if (actor.id === input.id && input.disabled) throw new ConflictError("不能停用自己的账号");
  await db().$transaction(async (tx) => {
    const before = await lockUser(tx, input.id);
    const now = new Date();
    const after = await tx.user.update({ where: { id: input.id }, data: { disabled: input.disabled }, select: PUBLIC_FIELDS });
    if (input.disabled) {
      await tx.staffSession.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: now } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      actorName: actor.displayName,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: input.id,
      ip: meta.ip,
      before,
      after,
    });
  });
}

/** Row lock so concurrent admin edits of one account serialise. */
async function lockUser(tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0], id: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("该用户不存在");
  return tx.user.findUniqueOrThrow({ where: { id }, select: PUBLIC_FIELDS });
}
