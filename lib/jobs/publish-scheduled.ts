// 定时发布: publishes SCHEDULED items whose time has come, one `permission: "system"` verb per
// due item. Restart-safe because the schedule lives in the database: each item is locked
// with FOR UPDATE SKIP LOCKED (a runner that finds it locked leaves it to the runner holding
// it), its state is re-checked by the item policy and the rules (system actor, `publish` only
// when due), and it is published in its own transaction with its audit entry — so several
// runners, or a runner restarted in the middle, publish every due item exactly once. An item
// the rules refuse to publish is taken out of the schedule (back to staff, audited FAILED)
// rather than retried.

import { db, type Db, type Tx } from "@/lib/db/client";
import { InvalidTransitionError, NotFoundError } from "@/lib/errors";
import { itemPolicy } from "@/lib/disclosure/policy";
import { decide } from "@/lib/disclosure/rules/workflow";
import { requireClearingReview } from "@/lib/disclosure/rules/workflow-checks";
import { FEE_VALIDITY_JOB, persist, type Loaded } from "@/lib/disclosure/workflow-verb";
import { loadItemRow, loadWorkflowFacts } from "@/lib/disclosure/workflow-facts";
import { defineVerb } from "@/lib/verbs/define-verb";

export const SYSTEM_ACTOR_NAME = "系统（定时发布）";

export interface RunResult {
  published: string[];
  failed: Array<{ itemId: string; message: string }>;
}

type Outcome =
  | { itemId: string; ok: true; version: number }
  | { itemId: string; ok: false; message: string; to: "DRAFT" | "PENDING_SIGNOFF"; comment: string; version: number };

/** Locks a due item unless another runner holds it; null when it is not (any longer) due. */
async function lockDue(tx: Tx, itemId: string, now: Date): Promise<Loaded | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "DisclosureItem"
    WHERE id = ${itemId} AND state = 'SCHEDULED' AND "scheduledAt" <= ${now}
    FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return null;
  const row = await loadItemRow(tx, itemId);
  const facts = await loadWorkflowFacts(tx, row);
  const structured = await tx.structuredRecord.findUnique({ where: { itemId }, select: { itemId: true } });
  return { ...facts, row, structured: structured !== null, inScope: true };
}

/**
 * Publishes one due item, or — when the policy or the rules refuse — takes it out of the
 * schedule: a refusal does not go away by waiting (changed content, incomplete sign-off after
 * a chain change …), and left SCHEDULED the item would be retried every few seconds.
 */
export const publishScheduledItem = defineVerb<{ itemId: string }, Loaded, { ok: true } | { ok: false; message: string }, Outcome>({
  action: "disclosure.publish-scheduled",
  entityType: "DisclosureItem",
  permission: "system",
  systemName: SYSTEM_ACTOR_NAME,
  entityId: (i) => i.itemId,
  // Not found = claimed by another runner or no longer due: nothing worth a log line.
  auditRefusals: false,
  load: ({ tx, input, now }) => lockDue(tx, input.itemId, now),
  decide: ({ loaded, now }) => {
    const answer = itemPolicy("system", loaded, now).publish;
    if (!answer.allowed) return { ok: false, message: answer.reason };
    if (loaded.row.scheduledRevisionHash && loaded.row.scheduledRevisionHash !== loaded.item.workingRevision.hash) {
      return { ok: false, message: "定时发布的版本与当前版本不一致" };
    }
    return { ok: true };
  },
  apply: async ({ tx, loaded, decision, now, enqueue }): Promise<Outcome> => {
    const itemId = loaded.row.id;
    if (decision.ok) {
      const action = { type: "publish" } as const;
      const d = decide(loaded.state, action, { actor: { kind: "system" }, item: loaded.item, now });
      // The policy has just allowed it, so the rules agree; a refusal here is a bug, not a skip.
      if (!d.ok) throw new InvalidTransitionError(d.message);
      const { version } = await persist(tx, loaded, { action, next: d.next, effects: d.effects }, null, now, SYSTEM_ACTOR_NAME);
      enqueue(FEE_VALIDITY_JOB);
      return { itemId, ok: true, version };
    }
    const to = requireClearingReview(loaded.item) === null ? "PENDING_SIGNOFF" : "DRAFT";
    const comment = `定时发布未能执行：${decision.message}。已取消定时发布，转为${to === "DRAFT" ? "草稿，请修改后重新提交审查" : "待签发，请核对签发情况后重新发布或设置定时发布"}`;
    const { version } = await tx.disclosureItem.update({
      where: { id: itemId },
      data: { state: to, scheduledAt: null, scheduledRevisionHash: null, version: { increment: 1 } },
      select: { version: true },
    });
    await tx.disclosureEvent.create({
      data: {
        itemId,
        // RETURN for a draft, so the item page shows the reason as the 退回意见 box.
        type: to === "DRAFT" ? "RETURN" : "UNSCHEDULE",
        actorId: null,
        actorName: SYSTEM_ACTOR_NAME,
        fromState: loaded.row.state,
        toState: to,
        comment,
        at: now,
      },
    });
    return { itemId, ok: false, message: decision.message, to, comment, version };
  },
  audit: ({ loaded, result }) =>
    result.ok
      ? {
          detail: `${loaded.row.state} → PUBLISHED（预定 ${loaded.row.scheduledAt?.toISOString() ?? ""}）`,
          after: { state: "PUBLISHED", version: result.version },
        }
      : {
          outcome: "FAILED",
          detail: result.comment,
          before: { state: loaded.row.state, scheduledAt: loaded.row.scheduledAt?.toISOString() ?? null },
          after: { state: result.to, version: result.version },
        },
});

/**
 * Publishes what is due. `client` only looks for candidates (tests pass fresh clients to
 * act as restarted servers); each item is then claimed and published by the verb.
 */
export async function publishDueItems(client: Db = db(), now: Date = new Date(), limit = 100): Promise<RunResult> {
  const result: RunResult = { published: [], failed: [] };
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    const rows = await client.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "DisclosureItem"
      WHERE state = 'SCHEDULED' AND "scheduledAt" <= ${now} AND NOT (id = ANY(${seen}))
      ORDER BY "scheduledAt" ASC
      LIMIT 1`;
    const itemId = rows[0]?.id;
    if (!itemId) break;
    seen.push(itemId);
    try {
      const outcome = await publishScheduledItem(null, { itemId }, { now });
      if (outcome.ok) result.published.push(itemId);
      else result.failed.push({ itemId, message: outcome.message });
    } catch (e) {
      // Claimed by another runner (or no longer due): theirs to report.
      if (e instanceof NotFoundError) continue;
      throw e;
    }
  }
  return result;
}
