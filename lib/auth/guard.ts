import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { ForbiddenError } from "@/lib/errors";
import { authOptions } from "./next-auth-options";
import { loadSession, type SessionUser } from "./session";
import { hasPermission, type Permission } from "./permissions";
import { requestMeta } from "./request-meta";

export type { SessionUser };

/** The signed-in staff member, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return loadSession(session?.sid);
}

/** For pages: redirect to sign-in when there is no valid session. */
export async function requireUser(nextPath?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const path = nextPath ?? (await headers()).get("x-request-path") ?? "";
    redirect(`/admin/login${path.startsWith("/admin") ? `?next=${encodeURIComponent(path)}` : ""}`);
  }
  return user;
}

/**
 * Ids of the departments a user acts for: their own and every department
 * below it. ADMIN is not scoped by department for administration tasks.
 */
export async function departmentScope(user: Pick<SessionUser, "departmentId">): Promise<string[]> {
  if (!user.departmentId) throw new Error("departmentScope: user without department");
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Department" WHERE id = ${user.departmentId}
      UNION ALL
      SELECT d.id FROM "Department" d JOIN tree t ON d."parentId" = t.id
    ) SELECT id FROM tree`;
  return rows.map((r) => r.id);
}

export async function isInScope(user: SessionUser, departmentId: string): Promise<boolean> {
  return (await departmentScope(user)).includes(departmentId);
}

/**
 * The permission check of verbs not yet declared with `defineVerb` (which
 * authorizes by itself, ADR 0009): the named permission and, when given, the
 * target department inside the actor's scope. A refusal is audited and thrown
 * as ForbiddenError. Remove once no verb calls it.
 */
export async function authorizeUser(
  user: SessionUser | null | undefined,
  permission: Permission,
  opts: { departmentId?: string; action?: string; ip?: string } = {},
): Promise<SessionUser> {
  if (!user?.id) throw new ForbiddenError("登录已过期，请重新登录");
  const allowed = hasPermission(user.roles, permission) && (opts.departmentId === undefined || (await isInScope(user, opts.departmentId)));
  if (!allowed) {
    const ip = opts.ip ?? (await requestMeta().catch(() => ({ ip: "" }))).ip;
    await db().$transaction((tx) =>
      writeAudit(tx, {
        actorId: user.id,
        actorName: user.displayName,
        action: opts.action ?? permission,
        entityType: "Permission",
        entityId: permission,
        outcome: "REFUSED",
        ip,
        detail: opts.departmentId ? `目标部门 ${opts.departmentId}` : "",
      }),
    );
    throw new ForbiddenError();
  }
  return user;
}

/** For pages: sends anonymous visitors to sign-in and others without the permission to 无权访问. */
export async function requirePagePermission(permission: Permission, nextPath?: string): Promise<SessionUser> {
  const user = await requireUser(nextPath);
  if (!hasPermission(user.roles, permission)) redirect("/admin/forbidden");
  return user;
}
