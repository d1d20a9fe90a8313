import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Role } from "./roles";
import { IDLE_TIMEOUT_MINUTES, TOUCH_INTERVAL_SECONDS } from "./policy";

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string;
  departmentName: string;
  sessionId: string;
};

/**
 * Resolves a session id (from the signed cookie) to the user, enforcing idle
 * expiry, revocation and disabled accounts on every request.
 */
export async function loadSession(sessionId: string | undefined | null, now = new Date()): Promise<SessionUser | null> {
  if (!sessionId) return null;
  const s = await db().staffSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          roles: true,
          disabled: true,
          departmentId: true,
          department: { select: { name: true } },
        },
      },
    },
  });
  if (!s || s.revokedAt || s.user.disabled) return null;
  const idleMs = now.getTime() - s.lastSeenAt.getTime();
  if (idleMs > IDLE_TIMEOUT_MINUTES * 60_000) {
    await db().staffSession.updateMany({ where: { id: s.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_SECONDS * 1000) {
    await db().staffSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  return {
    id: s.user.id,
    username: s.user.username,
    displayName: s.user.displayName,
    roles: s.user.roles,
    departmentId: s.user.departmentId,
    departmentName: s.user.department.name,
    sessionId: s.id,
  };
}

export async function revokeSession(sessionId: string, meta: { ip: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const s = await tx.staffSession.findUnique({
      where: { id: sessionId },
      select: { userId: true, revokedAt: true, user: { select: { displayName: true } } },
    });
    if (!s || s.revokedAt) return;
    await tx.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actorId: s.userId,
      actorName: s.user.displayName,
      action: "auth.sign-out",
      entityType: "User",
      entityId: s.userId,
      ip: meta.ip,
    });
  });
}
