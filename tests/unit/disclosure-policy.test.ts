import { describe, expect, it } from "vitest";
import { hasPermission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import {
  ITEM_POLICY_ACTIONS,
  itemPolicy,
  permissionForAction,
  type ItemFacts,
  type ItemPolicyAction,
  type PolicyActor,
} from "@/lib/disclosure/policy";
import { buildSignoffSteps, type SignoffStep } from "@/lib/disclosure/rules/signoff-chain";
import { ACTION_PERMISSIONS, ITEM_STATES, type ItemState, type WorkflowItem } from "@/lib/disclosure/rules/workflow";

// The one item policy, role by role and action by action: the table below is what the item
// page offers and what the verbs let through (both ask `itemPolicy`). Each action is asked
// in a state where it is possible, so a refusal here is about who asks, not about the state.

const DEPT = "dept-edu";
const OTHER = "dept-health"; // a sibling bureau: outside the actor's scope
const CITY = "gov-city";
const NOW = new Date("2026-03-02T02:00:00Z");
const AUTHOR = "clerk-author";

function steps(): SignoffStep[] {
  const plan = buildSignoffSteps({ tier: "GENERAL", negative: false, departmentId: DEPT, parentDepartmentId: CITY, escalationChain: [] });
  if (!plan.ok) throw new Error(plan.message);
  return plan.steps;
}

function item(overrides: Partial<WorkflowItem> = {}): WorkflowItem {
  return {
    id: "item-1",
    departmentId: DEPT,
    workingRevision: { id: "r1", hash: "h1" },
    publishedRevision: null,
    contributorIds: [AUTHOR],
    reviews: [],
    signatures: [],
    signoffSteps: steps(),
    referral: null,
    scheduledAt: null,
    ...overrides,
  };
}

const cleared = { reviewerId: "rev-other", decision: "CLEAR" as const, revisionHash: "h1", decidedAt: new Date("2026-03-01T02:00:00Z") };
const firstStep = (): SignoffStep => {
  const s = steps()[0];
  if (!s) throw new Error("no sign-off step");
  return s;
};
const signed = () => ({
  reviews: [cleared],
  signatures: [
    {
      signerId: "dir-other",
      stepNo: firstStep().stepNo,
      role: firstStep().role,
      departmentId: DEPT,
      revisionHash: "h1",
      signedAt: new Date("2026-03-01T03:00:00Z"),
    },
  ],
});

/** For each action: a state and item in which somebody may take it. */
const SITUATION: Record<ItemPolicyAction, { state: ItemState; item: WorkflowItem }> = {
  edit: { state: "DRAFT", item: item() },
  submit: { state: "DRAFT", item: item() },
  discardDraft: { state: "DRAFT", item: item({ publishedRevision: { id: "r0", hash: "h0" } }) },
  review: { state: "PENDING_REVIEW", item: item() },
  reviewWithhold: { state: "PENDING_REVIEW", item: item() },
  reviewPartial: { state: "PENDING_REVIEW", item: item() },
  reopen: { state: "WITHHELD", item: item() },
  sign: { state: "PENDING_SIGNOFF", item: item({ reviews: [cleared] }) },
  return: { state: "PENDING_REVIEW", item: item() },
  publish: { state: "PENDING_SIGNOFF", item: item(signed()) },
  schedule: { state: "PENDING_SIGNOFF", item: item(signed()) },
  unschedule: { state: "SCHEDULED", item: item({ ...signed(), scheduledAt: new Date("2026-03-03T00:00:00Z") }) },
  withdraw: { state: "PUBLISHED", item: item({ publishedRevision: { id: "r1", hash: "h1" } }) },
};

const C = "CLERK",
  R = "REVIEWER",
  D = "DIRECTOR",
  P = "PRINCIPAL";
/** Who may, in the item's own department. Everyone else is refused; in another department, everyone. */
const ALLOWED_IN_OWN_DEPARTMENT: Record<ItemPolicyAction, readonly Role[]> = {
  edit: [C],
  submit: [C],
  discardDraft: [C],
  review: [R],
  reviewWithhold: [R],
  reviewPartial: [R],
  reopen: [R],
  // A 一般信息 item is signed by the department's director (its one step).
  sign: [D],
  // The reviewer, or a leader in the item's sign-off chain (the director for 一般信息).
  return: [R, D],
  // Publishing is mechanical once signed: the clerk who prepared it, or a leader.
  publish: [C, D, P],
  schedule: [C, D, P],
  unschedule: [C, D, P],
  // Withdrawal is for leaders only (disclosure:withdraw); a reviewer is not offered it.
  withdraw: [D, P],
};

const actorOf = (role: Role, departmentId: string): PolicyActor => ({
  id: `${role.toLowerCase()}-${departmentId}`,
  roles: [role],
  departmentId,
});
const facts = (action: ItemPolicyAction, inScope: boolean, structured = false): ItemFacts => ({
  ...SITUATION[action],
  inScope,
  structured,
});

describe("itemPolicy: every role × every action × own / other department", () => {
  const rows = ITEM_POLICY_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) =>
      (["own", "other"] as const).map((where) => ({
        action,
        role,
        where,
        expected: where === "own" && ALLOWED_IN_OWN_DEPARTMENT[action].includes(role),
      })),
    ),
  );

  it("the table covers 5 roles × every action × 2 departments", () => {
    expect(ROLES).toEqual(["CLERK", "REVIEWER", "DIRECTOR", "PRINCIPAL", "ADMIN"]);
    expect(rows).toHaveLength(5 * ITEM_POLICY_ACTIONS.length * 2);
  });

  it.each(rows)("$role in $where department: $action → $expected", ({ action, role, where, expected }) => {
    const actor = actorOf(role, where === "own" ? DEPT : OTHER);
    const answer = itemPolicy(actor, facts(action, where === "own"), NOW)[action];
    expect(answer.allowed).toBe(expected);
    if (answer.allowed) return;
    // Every refusal says why, in Chinese; outside the scope the item does not exist for the
    // actor, unless their role could never do it anywhere.
    expect(answer.reason).toMatch(/[\u4e00-\u9fff]/);
    const base = action === "reviewWithhold" || action === "reviewPartial" ? "review" : action;
    const holdsPermission = ACTION_PERMISSIONS[base].some((p) => hasPermission([role], p));
    if (!holdsPermission) expect(answer.code).toBe("FORBIDDEN");
    else if (where === "other") expect(answer.code).toBe("OUT_OF_SCOPE");
  });

  it("the verbs' permission step asks the same role map: allowed ⇒ the role holds the verb's permission", () => {
    for (const { action, role, expected } of rows) {
      if (!expected) continue;
      const base = action === "reviewWithhold" || action === "reviewPartial" ? "review" : action;
      expect(hasPermission([role], permissionForAction(base, [role])), `${role} ${action}`).toBe(true);
    }
  });
});

describe("itemPolicy: the refusals that are not about the role", () => {
  it("a reviewer is offered 撤回 in no state at all (the old 撤回 button that always failed)", () => {
    for (const state of ITEM_STATES) {
      const answers = itemPolicy(
        actorOf("REVIEWER", DEPT),
        { state, item: item({ publishedRevision: { id: "r1", hash: "h1" } }), inScope: true, structured: false },
        NOW,
      );
      expect(answers.withdraw.allowed, state).toBe(false);
    }
  });

  it("nobody reviews what they drafted (separation of duties), even holding the reviewer role", () => {
    const author: PolicyActor = { id: AUTHOR, roles: ["CLERK", "REVIEWER"], departmentId: DEPT };
    const answer = itemPolicy(author, facts("review", true), NOW).review;
    expect(answer).toMatchObject({ allowed: false, code: "SEPARATION_OF_DUTIES" });
  });

  it("the reviewer who cleared an item does not sign it, even holding the director role", () => {
    const both: PolicyActor = { id: "rev-other", roles: ["REVIEWER", "DIRECTOR"], departmentId: DEPT };
    expect(itemPolicy(both, facts("sign", true), NOW).sign).toMatchObject({ allowed: false, code: "SEPARATION_OF_DUTIES" });
  });

  it("the state decides too: nothing to sign before the review, nothing to publish before the signature", () => {
    const director = actorOf("DIRECTOR", DEPT);
    expect(itemPolicy(director, { ...facts("review", true) }, NOW).sign).toMatchObject({ allowed: false, code: "STATE" });
    const clerk = actorOf("CLERK", DEPT);
    expect(itemPolicy(clerk, facts("sign", true), NOW).publish).toMatchObject({ allowed: false, code: "STATE" });
  });

  it("部分公开 is not offered for a structured disclosure; 不予公开 not for a new version of a published item", () => {
    const reviewer = actorOf("REVIEWER", DEPT);
    expect(itemPolicy(reviewer, facts("review", true, true), NOW).reviewPartial).toMatchObject({ allowed: false, code: "STATE" });
    expect(itemPolicy(reviewer, facts("review", true, true), NOW).review.allowed).toBe(true);
    const newVersion: ItemFacts = {
      state: "PENDING_REVIEW",
      item: item({ publishedRevision: { id: "r0", hash: "h0" } }),
      inScope: true,
      structured: false,
    };
    expect(itemPolicy(reviewer, newVersion, NOW).reviewWithhold).toMatchObject({ allowed: false, code: "STATE" });
    expect(itemPolicy(reviewer, newVersion, NOW).review.allowed).toBe(true);
  });

  it("the scheduler may only publish, and only when due", () => {
    const due: ItemFacts = {
      state: "SCHEDULED",
      item: item({ ...signed(), scheduledAt: new Date(NOW.getTime() - 1000) }),
      inScope: true,
      structured: false,
    };
    const answers = itemPolicy("system", due, NOW);
    expect(answers.publish.allowed).toBe(true);
    for (const a of ITEM_POLICY_ACTIONS.filter((x) => x !== "publish")) expect(answers[a].allowed, a).toBe(false);
    const notYet: ItemFacts = { ...due, item: item({ ...signed(), scheduledAt: new Date(NOW.getTime() + 60_000) }) };
    expect(itemPolicy("system", notYet, NOW).publish).toMatchObject({ allowed: false, code: "STATE" });
  });
});
