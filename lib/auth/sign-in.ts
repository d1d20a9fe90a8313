import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifyPassword } from "./password";
import { LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from "./policy";

export const signInSchema = z.object({
  username: z.string({ error: "请输入用户名" }).trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(256, "密码过长"),
});

export type SignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; message: string };

const GENERIC_FAILURE = "用户名或密码错误";

/**
 * Verifies credentials and opens a server-side session. Failed attempts and
 * the lock are stored in the database so they hold across processes and
 * restarts. Every outcome is audited in the same transaction as its effect.
 */
export async function signIn(input: unknown, meta: { ip: string; userAgent: string; now?: Date }): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "请输入用户名和密码" };
  const { username, password } = parsed.data;
  const now = meta.now ?? new Date();

  const user = await db().user.findUnique({
    where: { username },
    select: { id: true, displayName: true, passwordHash: true },
  });

  if (!user) {
    // Verify against a dummy hash anyway so timing doesn't reveal which
    // usernames exist.
    await verifyPassword(DUMMY_HASH, password);
    await db().$transaction((tx) =>
      writeAudit(tx, {
        action: "auth.sign-in",
        entityType: "User",
        outcome: "REFUSED",
        ip: meta.ip,
        detail: `未知用户名 ${username.slice(0, 64)}`,
      }),
    );
    return { ok: false, message: GENERIC_FAILURE };
  }

  const audit = { actorId: user.id, actorName: user.displayName, entityType: "User", entityId: user.id, ip: meta.ip };

  // Reserve the attempt before the slow password check. Counting it up front
  // (under a row lock) bounds how many passwords a burst of parallel requests
  // can have checked: the old read-then-verify let every request of a burst
  // pass the lock check before any failure was recorded. An attempt that is
  // interrupted after this point (crash, timeout) simply counts as a failure.
  const reservation = await db().$transaction(async (tx) => {
    const row = await lockUserRow(tx, user.id);
    if (!row) return { ok: false as const, message: GENERIC_FAILURE };
    if (row.disabled) {
      await writeAudit(tx, { ...audit, action: "auth.sign-in", outcome: "REFUSED", detail: "账号已停用" });
      return { ok: false as const, message: "该账号已停用，请联系系统管理员" };
    }
    if (row.lockedUntil && row.lockedUntil > now) {
      await writeAudit(tx, { ...audit, action: "auth.sign-in", outcome: "REFUSED", detail: "账号锁定中" });
      return { ok: false as const, message: lockedMessage(row.lockedUntil) };
    }
    if (row.failedAttempts >= MAX_FAILED_ATTEMPTS) {
      // MAX attempts are already counted and undecided: this is at least the
      // (MAX+1)-th try without a success in between, so lock now. Any of the
      // pending ones that turns out correct sees the lock and is refused.
      await tx.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedAttempts: 0 },
      });
      await writeAudit(tx, {
        ...audit,
        action: "auth.lock",
        outcome: "REFUSED",
        detail: `短时间内超过 ${MAX_FAILED_ATTEMPTS} 次登录尝试，锁定 ${LOCK_MINUTES} 分钟`,
      });
      return { ok: false as const, message: `密码错误次数过多，账号已锁定 ${LOCK_MINUTES} 分钟` };
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: { increment: 1 } },
      select: { failedAttempts: true },
    });
    return { ok: true as const, position: updated.failedAttempts };
  });
  if (!reservation.ok) return { ok: false, message: reservation.message };

  const valid = await verifyPassword(user.passwordHash, password);

  if (!valid) {
    return db().$transaction(async (tx) => {
      // The failure was counted by the reservation; decide on the lock from
      // the current row, which also reflects attempts decided meanwhile.
      const row = await lockUserRow(tx, user.id);
      if (row?.lockedUntil && row.lockedUntil > now) {
        await writeAudit(tx, { ...audit, action: "auth.sign-in", outcome: "REFUSED", detail: "密码错误（账号已锁定）" });
        return { ok: false as const, message: lockedMessage(row.lockedUntil) };
      }
      const count = row?.failedAttempts ?? 0;
      const lock = count >= MAX_FAILED_ATTEMPTS;
      if (lock) {
        await tx.user.update({
          where: { id: user.id },
          data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedAttempts: 0 },
        });
      }
      await writeAudit(tx, {
        ...audit,
        action: lock ? "auth.lock" : "auth.sign-in",
        outcome: "REFUSED",
        detail: lock ? `连续 ${MAX_FAILED_ATTEMPTS} 次密码错误，锁定 ${LOCK_MINUTES} 分钟` : `密码错误（第 ${Math.max(count, 1)} 次）`,
      });
      if (lock) return { ok: false as const, message: `密码错误次数过多，账号已锁定 ${LOCK_MINUTES} 分钟` };
      const left = Math.max(MAX_FAILED_ATTEMPTS - count, 1);
      return { ok: false as const, message: `${GENERIC_FAILURE}，再错 ${left} 次将锁定账号` };
    });
  }

  const sessionId = globalThis.crypto.randomUUID() + globalThis.crypto.randomUUID().replace(/-/g, "");
  return db().$transaction(async (tx) => {
    // Re-check under the row lock: a parallel wrong guess may have locked the
    // account (or an administrator disabled it) while the password was checked.
    const row = await lockUserRow(tx, user.id);
    if (!row || row.disabled) {
      await writeAudit(tx, { ...audit, action: "auth.sign-in", outcome: "REFUSED", detail: "账号已停用" });
      return { ok: false as const, message: "该账号已停用，请联系系统管理员" };
    }
    if (row.lockedUntil && row.lockedUntil > now) {
      await writeAudit(tx, { ...audit, action: "auth.sign-in", outcome: "REFUSED", detail: "密码正确，但账号已在判定前锁定" });
      return { ok: false as const, message: lockedMessage(row.lockedUntil) };
    }
    // A success clears this attempt and those reserved before it; attempts
    // reserved after it (still pending) keep counting.
    await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: Math.max(row.failedAttempts - reservation.position, 0), lockedUntil: null, lastLoginAt: now },
    });
    await tx.staffSession.create({
      data: { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, ip: meta.ip, userAgent: meta.userAgent.slice(0, 300) },
    });
    await writeAudit(tx, { ...audit, action: "auth.sign-in", detail: "登录成功" });
    return { ok: true as const, userId: user.id, sessionId };
  });
}

/** Locks the user's row for the rest of the transaction and reads the sign-in state. */
async function lockUserRow(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ failedAttempts: number; lockedUntil: Date | null; disabled: boolean }[]>`
    SELECT "failedAttempts", "lockedUntil", disabled FROM "User" WHERE id = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

function lockedMessage(until: Date): string {
  return `密码错误次数过多，账号已锁定，请于 ${formatShanghaiTime(until)} 后再试`;
}

// argon2id hash of a random string, used only to equalise timing.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2LJHs9VrIhvFv8p1Fk2n7m2tgYFhJ3e0b3fQ3xB9R9A";

export function formatShanghaiTime(d: Date): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);
}
