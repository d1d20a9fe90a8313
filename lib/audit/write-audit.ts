import type { Tx } from "@/lib/db/client";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type AuditEntry = {
  actorId?: string | null;
  actorName?: string;
  action: string; // e.g. "auth.sign-in", "user.create", "disclosure.approve"
  entityType: string;
  entityId?: string;
  outcome?: "OK" | "REFUSED" | "FAILED";
  ip?: string;
  detail?: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes an audit entry with the given transaction client, so that the entry
 * commits (or rolls back) together with the change it records.
 */
export async function writeAudit(tx: Pick<Tx, "auditLog">, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: e.actorId ?? null,
      actorName: e.actorName ?? "",
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? "",
      outcome: e.outcome ?? "OK",
      ip: e.ip ?? "",
      detail: e.detail ?? "",
      before: toJson(e.before),
      after: toJson(e.after),
    },
  });
}

function toJson(v: unknown): InputJsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  // Dates and BigInts become strings; secrets must never be passed in.
  return JSON.parse(JSON.stringify(v, (_k, val: unknown) => (typeof val === "bigint" ? val.toString() : val))) as InputJsonValue;
}
