import type { Tx } from "@/lib/db/client";

/** What of an account may be shown and audited: never the hash, the lock counters or sessions. */
export const USER_PUBLIC_FIELDS = { id: true, username: true, displayName: true, roles: true, departmentId: true, disabled: true } as const;

/** Row lock so concurrent admin edits of one account (and a sign-in deciding on it) serialise. */
export async function lockUser(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.user.findUniqueOrThrow({ where: { id }, select: USER_PUBLIC_FIELDS });
}

/** Whether the department an account is put in exists (a stale form may name a removed one). */
export async function departmentExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.department.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export const UNKNOWN_DEPARTMENT = { departmentId: ["所选部门不存在"] };
