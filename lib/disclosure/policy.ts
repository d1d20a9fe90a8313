// The one authorization policy for disclosure items. For an actor and an item it answers
// every action at once — allowed, or refused with the reason in Chinese — from
//   1. the actor's roles, through lib/auth/permissions.ts (the one role → permission map,
//      read via ACTION_PERMISSIONS in rules/workflow-model.ts);
//   2. the department scope (an item outside it does not exist for the actor);
//   3. the workflow rules (rules/workflow.ts `decide`): the state, the grant in the item's
//      own department, separation of duties, sign-off order.
// The item page draws its buttons from these answers and every item verb's `decide` step
// calls `requireAllowed` on them (lib/disclosure/workflow-verb.ts), so a button is shown
// exactly when the verb behind it would let the actor in. Pure: no I/O, no clock.

import { hasPermission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { ALLOWED, refused, type PolicyAnswers, type PolicyDecision } from "@/lib/verbs/policy";
import { ITEM_ACTION_LABELS, ITEM_ACTIONS, type ItemAction } from "./labels";
import { rolesGranting, staffActorOf, STAFF_ROLE_LABELS, type Actor } from "./rules/actor";
import { ACTION_PERMISSIONS, decide, type Decision, type ItemState, type WorkflowAction, type WorkflowItem } from "./rules/workflow";

export { ITEM_ACTIONS, type ItemAction } from "./labels";

/**
 * The policy's actions: the workflow actions, plus the two review decisions that are
 * refused on their own (a form offers them as options of 保密审查).
 */
export const ITEM_POLICY_ACTIONS = [...ITEM_ACTIONS, "reviewWithhold", "reviewPartial"] as const;
export type ItemPolicyAction = (typeof ITEM_POLICY_ACTIONS)[number];

/** A signed-in staff member (the fields the policy reads), or the scheduler. */
export type PolicyActor = { id: string; roles: readonly Role[]; departmentId: string } | "system";

export interface ItemFacts {
  state: ItemState;
  item: WorkflowItem;
  /** The item's department is the actor's own or one below it (lib/auth/guard departmentScope). */
  inScope: boolean;
  /** A structured disclosure (收费项目, 机构职能 …): its body is rendered from data. */
  structured: boolean;
}

/**
 * A structured disclosure's body is rendered from its structured data; a redacted revision
 * would carry no structured data, so the item would drop out of the fee table, the service
 * list and the API. It is returned for correction or withheld instead.
 */
export const STRUCTURED_PARTIAL_MESSAGE = "结构化公开内容不能部分公开：请退回修改后再审查，或选择不予公开";

const OUT_OF_SCOPE = "未找到该信息，或您无权处理该信息";

export function itemPolicy(actor: PolicyActor, facts: ItemFacts, now: Date): PolicyAnswers<ItemPolicyAction> {
  const answer = (a: ItemPolicyAction) => decideOne(actor, facts, now, a);
  return Object.fromEntries(ITEM_POLICY_ACTIONS.map((a) => [a, answer(a)])) as Record<ItemPolicyAction, PolicyDecision>;
}

/** The permissions behind an action (for the verb's permission step): the first the roles hold. */
export function permissionForAction(action: ItemAction, roles: readonly Role[]) {
  const candidates = ACTION_PERMISSIONS[action];
  return candidates.find((p) => hasPermission(roles, p)) ?? candidates[0];
}

function decideOne(actor: PolicyActor, facts: ItemFacts, now: Date, action: ItemPolicyAction): PolicyDecision {
  const base: ItemAction = action === "reviewWithhold" || action === "reviewPartial" ? "review" : action;
  if (actor === "system") {
    // The scheduler publishes what staff scheduled; it does nothing else.
    if (base !== "publish") return refused("FORBIDDEN", "系统任务只能发布已到预定时间的定时发布信息");
    return fromRules(decide(facts.state, probe(action, facts.item, now), { actor: { kind: "system" }, item: facts.item, now }));
  }
  const permissions = ACTION_PERMISSIONS[base];
  if (!permissions.some((p) => hasPermission(actor.roles, p))) {
    const who = rolesGranting(permissions)
      .map((r) => STAFF_ROLE_LABELS[r])
      .join("、");
    return refused("FORBIDDEN", `只有${who}可以${ITEM_ACTION_LABELS[base]}`);
  }
  if (!facts.inScope) return refused("OUT_OF_SCOPE", OUT_OF_SCOPE);
  if (action === "reviewPartial" && facts.structured) return refused("STATE", STRUCTURED_PARTIAL_MESSAGE);
  const rulesActor: Actor = staffActorOf(actor);
  return fromRules(decide(facts.state, probe(action, facts.item, now), { actor: rulesActor, item: facts.item, now }));
}

/**
 * The action as the verb would submit it, with placeholder input: the policy asks whether
 * the actor may act at all; the input itself (a comment, the exemption grounds) is checked
 * when the verb runs, and a refusal for missing input means "allowed, the form asks for it".
 */
function probe(action: ItemPolicyAction, item: WorkflowItem, now: Date): WorkflowAction {
  const hash = item.workingRevision.hash;
  switch (action) {
    case "edit":
      return { type: "edit", baseRevisionId: item.workingRevision.id, revision: { id: "\u0000probe", hash: "\u0000probe" } };
    case "submit":
      return { type: "submit" };
    case "review":
      return { type: "review", decision: "CLEAR", expectedRevisionHash: hash };
    case "reviewWithhold":
      return { type: "review", decision: "WITHHOLD", exemptions: ["THIRD_PARTY"], expectedRevisionHash: hash };
    case "reviewPartial":
      return {
        type: "review",
        decision: "PARTIAL",
        exemptions: ["THIRD_PARTY"],
        redactedRevision: { id: "\u0000probe", hash: "\u0000probe" },
        expectedRevisionHash: hash,
      };
    case "sign":
      return { type: "sign", expectedRevisionHash: hash };
    case "return":
      return { type: "return", comment: "\u0000probe" };
    case "publish":
      return { type: "publish", expectedRevisionHash: hash };
    case "schedule":
      return { type: "schedule", publishAt: new Date(now.getTime() + 3_600_000), expectedRevisionHash: hash };
    case "unschedule":
      return { type: "unschedule" };
    case "withdraw":
      return { type: "withdraw", reason: "EXPIRED" };
    case "discardDraft":
      return { type: "discardDraft" };
    case "reopen":
      return { type: "reopen" };
  }
}

function fromRules(d: Decision): PolicyDecision {
  if (d.ok) return ALLOWED;
  switch (d.code) {
    case "INVALID_INPUT":
    case "STALE_REVISION":
      // About the input, not the actor: the form collects it, the verb checks it.
      return ALLOWED;
    case "FORBIDDEN":
      return refused("FORBIDDEN", d.message);
    case "SEPARATION_OF_DUTIES":
      return refused("SEPARATION_OF_DUTIES", d.message);
    case "INVALID_TRANSITION":
    case "SIGNOFF_INCOMPLETE":
    case "NOT_DUE":
      return refused("STATE", d.message);
  }
}
