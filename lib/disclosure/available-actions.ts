// Which workflow actions the current user may take on an item, decided by the rules
// themselves: each action is tried against `decide` with placeholder input, and offered
// when it passes or fails only for missing input (the form will ask for it).

import { db, type Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { toStaffActor } from "./actor";
import { decide, type WorkflowAction, type WorkflowActionType } from "./rules/workflow";
import { loadItemRow, loadWorkflowFacts } from "./workflow-facts";

export type AvailableAction = Exclude<WorkflowActionType, "edit"> | "edit" | "review-partial" | "review-withhold" | "review-refer";

export async function availableActions(user: SessionUser, itemId: string, now = new Date()) {
  const tx = db() as unknown as Tx;
  const row = await loadItemRow(tx, itemId);
  const facts = await loadWorkflowFacts(tx, row);
  const hash = facts.item.workingRevision.hash;
  const actor = toStaffActor(user);
  const later = new Date(now.getTime() + 3600_000);
  const probes: Array<[string, WorkflowAction]> = [
    ["edit", { type: "edit", baseRevisionId: facts.item.workingRevision.id, revision: { id: "probe", hash: "probe" } }],
    ["submit", { type: "submit" }],
    ["review", { type: "review", decision: "CLEAR", expectedRevisionHash: hash }],
    ["review-withhold", { type: "review", decision: "WITHHOLD", exemptions: ["THIRD_PARTY"], expectedRevisionHash: hash }],
    ["sign", { type: "sign", expectedRevisionHash: hash }],
    ["return", { type: "return", comment: "probe" }],
    ["publish", { type: "publish", expectedRevisionHash: hash }],
    ["schedule", { type: "schedule", publishAt: later, expectedRevisionHash: hash }],
    ["unschedule", { type: "unschedule" }],
    ["withdraw", { type: "withdraw", reason: "EXPIRED" }],
    ["discardDraft", { type: "discardDraft" }],
    ["reopen", { type: "reopen" }],
  ];
  const allowed = new Set<string>();
  const blocked: Record<string, string> = {};
  for (const [name, action] of probes) {
    const d = decide(facts.state, action, { actor, item: facts.item, now });
    if (d.ok || d.code === "INVALID_INPUT") allowed.add(name);
    else if (d.code === "SEPARATION_OF_DUTIES" || d.code === "SIGNOFF_INCOMPLETE") blocked[name] = d.message;
  }
  return { allowed, blocked, facts, row };
}
