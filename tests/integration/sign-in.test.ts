import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signIn } from "@/lib/auth/sign-in";
import { loadSession, revokeSession } from "@/lib/auth/session";
import { createDepartment, createUser } from "@/lib/seed/factories";

// The real argon2 check, wrapped so a test can hold one attempt inside it
// (to order a race deterministically) and count how many passwords were checked.
const gate = vi.hoisted(() => ({
  hold: null as null | { password: string; entered: () => void; release: Promise<void> },
  checked: [] as string[],
}));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...orig,
    verifyPassword: async (stored: string, plain: string) => {
      gate.checked.push(plain);
      const h = gate.hold;
      if (h && plain === h.password) {
        h.entered();
        await h.release;
      }
      return orig.verifyPassword(stored, plain);
    },
  };
});

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
let username: string;
let userId: string;

afterEach(() => {
  gate.hold = null;
  gate.checked = [];
});

beforeEach(async () => {
  const d = await createDepartment(db());
  const u = await createUser(db(), { roles: ["CLERK"], departmentId: d.id, password: "Correct-horse-1" });
  username = u.username;
  userId = u.id;
});

describe("staff sign-in", () => {
  it("opens a session with the right password and audits it", async () => {
    const r = await signIn({ username, password: "Correct-horse-1" }, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = await loadSession(r.sessionId);
    expect(s?.id).toBe(userId);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: userId, action: "auth.sign-in", outcome: "OK" } });
    expect(audit.ip).toBe("203.0.113.7");
  });

  it("refuses a wrong password with a Chinese message and counts it", async () => {
    const r = await signIn({ username, password: "wrong-password-1" }, meta);
    expect(r).toEqual({ ok: false, message: "用户名或密码错误，再错 4 次将锁定账号" });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).failedAttempts).toBe(1);
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    const now = new Date("2026-03-02T02:00:00Z");
    for (let i = 0; i < 4; i++) expect((await signIn({ username, password: "nope-nope-1" }, { ...meta, now })).ok).toBe(false);
    const fifth = await signIn({ username, password: "nope-nope-1" }, { ...meta, now });
    expect(fifth).toEqual({ ok: false, message: "密码错误次数过多，账号已锁定 15 分钟" });

    const during = await signIn({ username, password: "Correct-horse-1" }, { ...meta, now: new Date(now.getTime() + 14 * 60_000) });
    expect(during.ok).toBe(false);
    if (!during.ok) expect(during.message).toMatch(/账号已锁定，请于 10:15 后再试/);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.lockedUntil?.toISOString()).toBe("2026-03-02T02:15:00.000Z");
    expect(await db().auditLog.count({ where: { entityId: userId, action: "auth.lock" } })).toBe(1);

    const after = await signIn({ username, password: "Correct-horse-1" }, { ...meta, now: new Date(now.getTime() + 16 * 60_000) });
    expect(after.ok).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).lockedUntil).toBeNull();
  });

  it("counts concurrent wrong guesses without losing any", async () => {
    await Promise.all(Array.from({ length: 5 }, () => signIn({ username, password: "nope-nope-1" }, meta)));
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.lockedUntil).not.toBeNull();
  });

  it("clears the count when the right password follows 4 failures", async () => {
    for (let i = 0; i < 4; i++) await signIn({ username, password: "nope-nope-1" }, meta);
    expect((await signIn({ username, password: "Correct-horse-1" }, meta)).ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.failedAttempts).toBe(0);
    expect(user.lockedUntil).toBeNull();
  });

  it("refuses a right password whose check finishes after parallel failures locked the account", async () => {
    // Hold the correct attempt inside its password check (it has already
    // looked the user up and found no lock), let 5 wrong guesses lock the
    // account meanwhile, then let it finish: it must not open a session.
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    gate.hold = { password: "Correct-horse-1", entered, release: new Promise<void>((r) => (release = r)) };
    const right = signIn({ username, password: "Correct-horse-1" }, meta);
    await inside;
    for (let i = 0; i < 5; i++) expect((await signIn({ username, password: "nope-nope-1" }, meta)).ok).toBe(false);
    const locked = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    release();

    const r = await right;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/账号已锁定/);
    expect(await db().staffSession.count({ where: { userId } })).toBe(0);
    const after = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(after.lockedUntil?.getTime()).toBe(locked.lockedUntil!.getTime());
    expect(await db().auditLog.count({ where: { entityId: userId, action: "auth.sign-in", outcome: "OK" } })).toBe(0);
  });

  it("checks at most as many passwords as the lock allows in a parallel burst, and ends locked", async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => (i === 14 ? "Correct-horse-1" : `wrong-guess-${i}`));
    const results = await Promise.all(attempts.map((password) => signIn({ username, password }, meta)));
    const rightOk = results[14]!.ok;
    const wrongChecked = gate.checked.filter((p) => p.startsWith("wrong-guess-")).length;
    // Without a success in between, at most 5 wrong passwords are ever checked;
    // a success clears the ones reserved before it, so at most 4 + 5 then.
    expect(wrongChecked).toBeLessThanOrEqual(rightOk ? 2 * 5 - 1 : 5);
    expect(results.filter((r) => r.ok)).toHaveLength(rightOk ? 1 : 0);
    expect(await db().staffSession.count({ where: { userId } })).toBe(rightOk ? 1 : 0);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses a disabled account", async () => {
    await db().user.update({ where: { id: userId }, data: { disabled: true } });
    expect(await signIn({ username, password: "Correct-horse-1" }, meta)).toEqual({ ok: false, message: "该账号已停用，请联系系统管理员" });
  });

  it("answers an unknown user like a wrong password, and malformed input with a message", async () => {
    expect(await signIn({ username: "nobody_here", password: "x" }, meta)).toEqual({ ok: false, message: "用户名或密码错误" });
    expect(await signIn({ username: "", password: "" }, meta)).toEqual({ ok: false, message: "请输入用户名" });
    expect(await signIn({ username: "a".repeat(500), password: "x" }, meta)).toEqual({ ok: false, message: "用户名过长" });
  });
});

describe("staff sessions", () => {
  it("expire after 30 idle minutes and stay alive with activity", async () => {
    const r = await signIn({ username, password: "Correct-horse-1" }, meta);
    if (!r.ok) throw new Error("sign-in failed");
    const t = Date.now();
    expect(await loadSession(r.sessionId, new Date(t + 20 * 60_000))).not.toBeNull(); // touches lastSeenAt
    expect(await loadSession(r.sessionId, new Date(t + 45 * 60_000))).not.toBeNull(); // 25 idle minutes
    expect(await loadSession(r.sessionId, new Date(t + 80 * 60_000))).toBeNull(); // 35 idle minutes
    expect(await loadSession(r.sessionId, new Date(t + 81 * 60_000))).toBeNull(); // revoked for good
  });

  it("end at sign-out and when the account is disabled", async () => {
    const a = await signIn({ username, password: "Correct-horse-1" }, meta);
    const b = await signIn({ username, password: "Correct-horse-1" }, meta);
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    await revokeSession(a.sessionId, { ip: "198.51.100.4" });
    expect(await loadSession(a.sessionId)).toBeNull();
    const out = await db().auditLog.findFirstOrThrow({ where: { entityId: userId, action: "auth.sign-out" } });
    const { displayName } = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(out).toMatchObject({ actorId: userId, actorName: displayName, ip: "198.51.100.4", outcome: "OK" });
    expect(displayName).not.toBe("");
    expect(await loadSession(b.sessionId)).not.toBeNull();
    await db().user.update({ where: { id: userId }, data: { disabled: true } });
    expect(await loadSession(b.sessionId)).toBeNull();
    expect(await loadSession(undefined)).toBeNull();
  });
});
