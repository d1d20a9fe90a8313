// 定时发布: publishes SCHEDULED items whose time has come. Restart-safe because the schedule
// lives in the database: each item is claimed with FOR UPDATE SKIP LOCKED, its state is
// re-checked by the rules (system actor, `publish` only when due), and it is published in
// its own transaction with its audit entry — so several runners, or a runner restarted in
// the middle, publish every due item exactly once.

import { db, type Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { applyEffects } from "@/lib/disclosure/apply-effects";
import { decide } from "@/lib/disclosure/rules/workflow";
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
        await writeAudit(tx, {
          actorName: SYSTEM_ACTOR_NAME,
          action: "disclosure.publish-scheduled",
          entityType: "DisclosureItem",
          entityId: itemId,
          outcome: "FAILED",
          detail: message,
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
