// Loads what `decide` needs about an item, inside the caller's transaction, after locking
// the item row (SELECT … FOR UPDATE) so concurrent transitions serialise.

import type { Tx } from "@/lib/db/client";
import type { ItemState, ReviewRecord, WorkflowItem } from "./rules/workflow";
import type { SignatureRecord } from "./rules/signoff-chain";
import { signoffPlanFor } from "./signoff-config";

export async function lockItem(tx: Tx, itemId: string, scope: readonly string[] | null): Promise<boolean> {
  const rows = scope
    ? await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "DisclosureItem" WHERE id = ${itemId} AND "departmentId" = ANY(${[...scope]}) FOR UPDATE`
    : await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "DisclosureItem" WHERE id = ${itemId} FOR UPDATE`;
  return rows.length === 1;
}

export async function loadItemRow(tx: Tx, itemId: string) {
  return tx.disclosureItem.findUniqueOrThrow({
    where: { id: itemId },
    include: {
      workingRevision: { select: { id: true, hash: true, tier: true, negative: true } },
      publishedRevision: { select: { id: true, hash: true } },
    },
  });
}
export type ItemRow = Awaited<ReturnType<typeof loadItemRow>>;

export async function loadWorkflowFacts(tx: Tx, row: ItemRow): Promise<{ state: ItemState; item: WorkflowItem; planError: string | null }> {
  const working = row.workingRevision;
  if (!working) throw new Error(`item ${row.id} has no working revision`);
  const [contributors, reviews, signatures, plan] = await Promise.all([
    // Authorship is checked over every version cycle: whoever wrote or submitted any
    // version of the item wrote part of what is now being approved. (Approval steps stay
    // per cycle: last year's signer may sign this year's amendment.)
    tx.disclosureContributor.findMany({ where: { itemId: row.id }, select: { userId: true }, distinct: ["userId"] }),
    tx.disclosureReview.findMany({ where: { itemId: row.id, cycle: row.cycle }, orderBy: { decidedAt: "asc" } }),
    tx.disclosureSignature.findMany({ where: { itemId: row.id, cycle: row.cycle }, orderBy: { signedAt: "asc" } }),
    signoffPlanFor(tx, row.departmentId, working.tier, working.negative),
  ]);
  const item: WorkflowItem = {
    id: row.id,
    departmentId: row.departmentId,
    workingRevision: { id: working.id, hash: working.hash },
    publishedRevision: row.publishedRevision ? { id: row.publishedRevision.id, hash: row.publishedRevision.hash } : null,
    contributorIds: contributors.map((c) => c.userId),
    reviews: reviews.map((r): ReviewRecord => ({
      reviewerId: r.reviewerId,
      decision: r.decision,
      revisionHash: r.revisionHash,
      decidedAt: r.decidedAt,
    })),
    signatures: signatures.map((s): SignatureRecord => ({
      signerId: s.signerId,
      stepNo: s.stepNo,
      role: s.role,
      departmentId: s.departmentId,
      revisionHash: s.revisionHash,
      signedAt: s.signedAt,
    })),
    signoffSteps: plan.ok ? plan.steps : [],
    referral: row.referralNote !== null && row.referredAt ? { note: row.referralNote, referredAt: row.referredAt } : null,
    scheduledAt: row.scheduledAt,
  };
  return { state: row.state, item, planError: plan.ok ? null : plan.message };
}

/**
 * Locks the item (in `scope`; null = any department, for the scheduler) and loads what the
 * policy and the rules need. Null when the item does not exist or lies outside the scope.
 */
export async function loadItemFacts(tx: Tx, itemId: string, scope: readonly string[] | null) {
  if (!(await lockItem(tx, itemId, scope))) return null;
  const row = await loadItemRow(tx, itemId);
  const [facts, structured] = await Promise.all([
    loadWorkflowFacts(tx, row),
    tx.structuredRecord.findUnique({ where: { itemId }, select: { itemId: true } }),
  ]);
  return { ...facts, row, structured: structured !== null };
}

/**
 * The same facts without a lock, for drawing a page: the item policy's answers for `scope`
 * (the viewer's department scope). Null when the item does not exist.
 */
export async function readItemFacts(tx: Tx, itemId: string, scope: readonly string[]) {
  const row = await tx.disclosureItem.findUnique({ where: { id: itemId }, select: { id: true } });
  if (!row) return null;
  const full = await loadItemRow(tx, itemId);
  const [facts, structured] = await Promise.all([
    loadWorkflowFacts(tx, full),
    tx.structuredRecord.findUnique({ where: { itemId }, select: { itemId: true } }),
  ]);
  return { ...facts, row: full, structured: structured !== null, inScope: scope.includes(full.departmentId) };
}
