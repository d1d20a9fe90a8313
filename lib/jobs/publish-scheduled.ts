// 定时发布: publishes SCHEDULED items whose time has come. Restart-safe because the schedule
// lives in the database: each item is claimed with FOR UPDATE SKIP LOCKED, its state is
// re-checked by the rules (system actor, `publish` only when due), and it is published in
// its own transaction with its audit entry — so several runners, or a runner restarted in
// the middle, publish every due item exactly once. An item the rules refuse to publish is
// taken out of the schedule (back to staff) rather than retried.

import { db, type Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { applyEffects } from "@/lib/disclosure/apply-effects";
import { decide } from "@/lib/disclosure/rules/workflow";
import { requireClearingReview } from "@/lib/disclosure/rules/workflow-checks";
import { loadItemRow, loadWorkflowFacts } from "@/lib/disclosure/workflow-facts";

export const SYSTEM_ACTOR_NAME = "系统（定时发布）";

export interface RunResult {
  published: string[];
  failed: Array<{ itemId: string; message: string }>;
}

export async function publishDueItems(client: Db = db(), now: Date = new Date(), limit = 100): Promise<RunResult> {
  const result: RunResult = { published: [], failed: [] };
  const skipped: string[] = [];
  for (let i = 0; i < limit; i++) {
    const outcome = await client.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "DisclosureItem"
        WHERE state = 'SCHEDULED' AND "scheduledAt" <= ${now} AND NOT (id = ANY(${skipped}))
        ORDER BY "scheduledAt" ASC
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return null;
      const itemId = rows[0].id;
      const row = await loadItemRow(tx, itemId);
      const facts = await loadWorkflowFacts(tx, row);
      const action = { type: "publish" } as const;
      const decision = decide(facts.state, action, { actor: { kind: "system" }, item: facts.item, now });
      if (!decision.ok || (row.scheduledRevisionHash && row.scheduledRevisionHash !== facts.item.workingRevision.hash)) {
        const message = decision.ok ? "定时发布的版本与当前版本不一致" : decision.message;
        // A refusal does not go away by waiting (changed content, incomplete sign-off after
        // a chain change …). Left SCHEDULED, the item would be retried every few seconds,
        // each time writing a FAILED audit row. So the schedule is cancelled and the item
        // goes back to staff, with the reason on its history, in this one transaction.
        const to = requireClearingReview(facts.item) === null ? "PENDING_SIGNOFF" : "DRAFT";
        const comment = `定时发布未能执行：${message}。已取消定时发布，转为${to === "DRAFT" ? "草稿，请修改后重新提交审查" : "待签发，请核对签发情况后重新发布或设置定时发布"}`;
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
            fromState: row.state,
            toState: to,
            comment,
            at: now,
          },
        });
        await writeAudit(tx, {
          actorName: SYSTEM_ACTOR_NAME,
          action: "disclosure.publish-scheduled",
          entityType: "DisclosureItem",
          entityId: itemId,
          outcome: "FAILED",
          detail: comment,
          before: { state: row.state, scheduledAt: row.scheduledAt?.toISOString() ?? null },
          after: { state: to, version },
        });
        return { itemId, ok: false as const, message };
      }
      const { version } = await applyEffects(tx, {
        row,
        action,
        next: decision.next,
        effects: decision.effects,
        actorId: null,
        actorName: SYSTEM_ACTOR_NAME,
        now,
      });
      await writeAudit(tx, {
        actorName: SYSTEM_ACTOR_NAME,
        action: "disclosure.publish-scheduled",
        entityType: "DisclosureItem",
        entityId: itemId,
        detail: `${row.state} → ${decision.next}（预定 ${row.scheduledAt?.toISOString() ?? ""}）`,
        after: { state: decision.next, version },
      });
      return { itemId, ok: true as const };
    });
    if (!outcome) break;
    if (outcome.ok) result.published.push(outcome.itemId);
    else {
      skipped.push(outcome.itemId);
      result.failed.push({ itemId: outcome.itemId, message: outcome.message });
    }
  }
  return result;
}
