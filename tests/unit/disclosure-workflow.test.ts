import { describe, expect, it } from "vitest";
import type { Actor, RoleGrant } from "@/lib/disclosure/rules/actor";
import { buildSignoffSteps, type SignatureRecord, type SignoffStep } from "@/lib/disclosure/rules/signoff-chain";
import {
  ACTION_SOURCE_STATES,
  decide,
  hasPendingVersion,
  ITEM_STATE_LABELS,
  ITEM_STATES,
  liveRevision,
  reReviewDueDate,
  WORKFLOW_ACTION_LABELS,
  type Decision,
  type ItemState,
  type WorkflowAction,
  type WorkflowEffect,
  type WorkflowItem,
} from "@/lib/disclosure/rules/workflow";

// ---------------------------------------------------------------------------------------
// Fixtures: the 教育局 (bureau) under the 市政府 (city)
// ---------------------------------------------------------------------------------------

const DEPT = "dept-edu";
const CITY = "gov-city";
const staff = (userId: string, ...grants: RoleGrant[]): Actor => ({ kind: "staff", userId, grants });
const clerk = staff("clerk-li", { role: "CLERK", departmentId: DEPT });
const clerk2 = staff("clerk-zhou", { role: "CLERK", departmentId: DEPT });
const reviewer = staff("rev-wang", { role: "REVIEWER", departmentId: DEPT });
const reviewer2 = staff("rev-feng", { role: "REVIEWER", departmentId: DEPT });
const director = staff("dir-zhao", { role: "DIRECTOR", departmentId: DEPT });
const principal = staff("pri-qian", { role: "PRINCIPAL", departmentId: DEPT });
const mayor = staff("mayor-sun", { role: "PRINCIPAL", departmentId: CITY });
const cityDirector = staff("city-dir-wu", { role: "DIRECTOR", departmentId: CITY });
const admin = staff("admin", { role: "ADMIN", departmentId: DEPT });
const otherClerk = staff("clerk-health", { role: "CLERK", departmentId: "dept-health" });
const system: Actor = { kind: "system" };

const NOW = new Date("2026-03-02T02:00:00Z"); // 10:00 in Beijing

function stepsFor(
  tier: "GENERAL" | "MAJOR" | "CRITICAL",
  negative = false,
  chain: { departmentId: string; role: "DIRECTOR" | "PRINCIPAL" }[] = [],
): SignoffStep[] {
  const plan = buildSignoffSteps({ tier, negative, departmentId: DEPT, parentDepartmentId: CITY, escalationChain: chain });
  if (!plan.ok) throw new Error(plan.message);
  return plan.steps;
}

function makeItem(overrides: Partial<WorkflowItem> = {}): WorkflowItem {
  return {
    id: "item-1",
    departmentId: DEPT,
    workingRevision: { id: "r1", hash: "h1" },
    publishedRevision: null,
    contributorIds: ["clerk-li"],
    reviews: [],
    signatures: [],
    signoffSteps: stepsFor("GENERAL"),
    referral: null,
    scheduledAt: null,
    ...overrides,
  };
}

const cleared = (hash = "h1", reviewerId = "rev-wang") => ({
  reviewerId,
  decision: "CLEAR" as const,
  revisionHash: hash,
  decidedAt: new Date("2026-03-01T02:00:00Z"),
});
const signature = (signerId: string, step: SignoffStep, revisionHash = "h1"): SignatureRecord => ({
  signerId,
  stepNo: step.stepNo,
  role: step.role,
  departmentId: step.departmentId,
  revisionHash,
  signedAt: new Date("2026-03-01T03:00:00Z"),
});

/** A fully approved GENERAL item, ready to publish. */
function signedItem(overrides: Partial<WorkflowItem> = {}): WorkflowItem {
  const steps = stepsFor("GENERAL");
  return makeItem({ reviews: [cleared()], signatures: [signature("dir-zhao", steps[0]!)], signoffSteps: steps, ...overrides });
}

function expectOk(d: Decision) {
  if (!d.ok) throw new Error(`expected ok, got ${d.code}: ${d.message}`);
  return d;
}
function expectFail(d: Decision, code: string, message?: RegExp) {
  expect(d.ok).toBe(false);
  if (d.ok) return;
  expect(d.code).toBe(code);
  // Every user-facing message is Chinese.
  expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  if (message) expect(d.message).toMatch(message);
}
const effectTypes = (d: Decision) => expectOk(d).effects.map((e) => e.type);
function effect<T extends WorkflowEffect["type"]>(d: Decision, type: T): Extract<WorkflowEffect, { type: T }> {
  const found = expectOk(d).effects.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} effect`);
  return found as Extract<WorkflowEffect, { type: T }>;
}

/**
 * A minimal persistence of the effects, to run whole lifecycles through `decide` the way
 * the verbs will. Publishing starts a new version cycle: approvals reset, authorship stays
 * (workflow-facts.ts loads contributors of every cycle).
 */
class Sim {
  state: ItemState = "DRAFT";
  item: WorkflowItem;
  now = NOW;
  constructor(item: WorkflowItem = makeItem()) {
    this.item = item;
  }
  try(actor: Actor, action: WorkflowAction): Decision {
    return decide(this.state, action, { actor, item: this.item, now: this.now });
  }
  do(actor: Actor, action: WorkflowAction): Decision {
    const d = expectOk(this.try(actor, action));
    let item = { ...this.item };
    for (const e of d.effects) {
      switch (e.type) {
        case "SET_WORKING_REVISION":
          item.workingRevision = e.revision;
          break;
        case "ADD_CONTRIBUTOR":
          if (!item.contributorIds.includes(e.userId)) item.contributorIds = [...item.contributorIds, e.userId];
          break;
        case "RECORD_REVIEW":
          item.reviews = [...item.reviews, e.review];
          break;
        case "RECORD_SIGNATURE":
          item.signatures = [...item.signatures, e.signature];
          break;
        case "SET_REFERRAL":
          item.referral = { note: e.note, referredAt: e.at };
          break;
        case "CLEAR_REFERRAL":
          item.referral = null;
          break;
        case "SET_SCHEDULE":
          item.scheduledAt = e.publishAt;
          break;
        case "CLEAR_SCHEDULE":
          item.scheduledAt = null;
          break;
        case "PUBLISH_REVISION":
          item = { ...item, publishedRevision: e.revision, reviews: [], signatures: [] };
          break;
        default:
          break; // audit-only effects
      }
    }
    this.item = item;
    this.state = d.next;
    return d;
  }
  get hash() {
    return this.item.workingRevision.hash;
  }
}

// ---------------------------------------------------------------------------------------
// The transition table
// ---------------------------------------------------------------------------------------

describe("transition table", () => {
  const sample: Record<WorkflowAction["type"], WorkflowAction> = {
    edit: { type: "edit", baseRevisionId: "r1", revision: { id: "r2", hash: "h2" } },
    submit: { type: "submit" },
    review: { type: "review", decision: "CLEAR", expectedRevisionHash: "h1" },
    sign: { type: "sign", expectedRevisionHash: "h1" },
    return: { type: "return", comment: "请修改" },
    publish: { type: "publish", expectedRevisionHash: "h1" },
    schedule: { type: "schedule", publishAt: new Date("2026-03-03T00:00:00Z"), expectedRevisionHash: "h1" },
    unschedule: { type: "unschedule" },
    withdraw: { type: "withdraw", reason: "EXPIRED" },
    discardDraft: { type: "discardDraft" },
    reopen: { type: "reopen" },
  };

  for (const [type, action] of Object.entries(sample)) {
    const forbiddenStates = ITEM_STATES.filter((s) => !ACTION_SOURCE_STATES[type as WorkflowAction["type"]].includes(s));
    for (const state of forbiddenStates) {
      it(`${type} is refused in ${state}`, () => {
        const d = decide(state, action, { actor: clerk, item: makeItem(), now: NOW });
        expectFail(d, "INVALID_TRANSITION");
        if (!d.ok) {
          expect(d.message).toContain(ITEM_STATE_LABELS[state]);
          expect(d.message).toContain(WORKFLOW_ACTION_LABELS[action.type]);
        }
      });
    }
  }

  it("WITHDRAWN is final: no action applies", () => {
    for (const action of Object.values(sample)) {
      expectFail(decide("WITHDRAWN", action, { actor: director, item: makeItem(), now: NOW }), "INVALID_TRANSITION");
    }
  });

  it("ADMIN has no editorial power", () => {
    const item = signedItem();
    expectFail(decide("DRAFT", { type: "submit" }, { actor: admin, item, now: NOW }), "FORBIDDEN");
    expectFail(decide("PENDING_REVIEW", sample.review, { actor: admin, item, now: NOW }), "FORBIDDEN");
    expectFail(decide("PENDING_SIGNOFF", sample.publish, { actor: admin, item, now: NOW }), "FORBIDDEN");
    expectFail(decide("PENDING_SIGNOFF", sample.sign, { actor: admin, item: makeItem({ reviews: [cleared()] }), now: NOW }), "FORBIDDEN");
  });

  it("the system actor may only publish due scheduled items", () => {
    for (const [state, action] of [
      ["DRAFT", sample.submit],
      ["PENDING_SIGNOFF", sample.publish],
      ["PENDING_SIGNOFF", sample.sign],
      ["SCHEDULED", sample.unschedule],
      ["PUBLISHED", sample.withdraw],
    ] as const) {
      expectFail(
        decide(state, action, { actor: system, item: signedItem({ publishedRevision: { id: "r0", hash: "h0" } }), now: NOW }),
        "FORBIDDEN",
        /系统任务/,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------
// Each action
// ---------------------------------------------------------------------------------------

describe("edit", () => {
  const action = (hash = "h2", base = "r1"): WorkflowAction => ({ type: "edit", baseRevisionId: base, revision: { id: "r2", hash } });

  it("a clerk of the department edits a draft; the editor becomes a contributor", () => {
    const d = decide("DRAFT", action(), { actor: clerk2, item: makeItem(), now: NOW });
    expect(expectOk(d).next).toBe("DRAFT");
    expect(effectTypes(d)).toEqual(["SET_WORKING_REVISION", "ADD_CONTRIBUTOR"]);
    expect(effect(d, "ADD_CONTRIBUTOR").userId).toBe("clerk-zhou");
  });

  it("only clerks of the item's department may edit", () => {
    for (const actor of [reviewer, director, otherClerk, admin]) {
      expectFail(decide("DRAFT", action(), { actor, item: makeItem(), now: NOW }), "FORBIDDEN", /信息员/);
    }
  });

  it("an edit based on an outdated revision is refused (concurrent edits)", () => {
    expectFail(decide("DRAFT", action("h2", "r0"), { actor: clerk, item: makeItem(), now: NOW }), "STALE_REVISION");
  });

  it("requires the new revision", () => {
    const bad = { type: "edit", baseRevisionId: "r1", revision: { id: "", hash: "" } } as WorkflowAction;
    expectFail(decide("DRAFT", bad, { actor: clerk, item: makeItem(), now: NOW }), "INVALID_INPUT");
  });

  it("editing an item with approvals reports the approvals it invalidates", () => {
    const steps = stepsFor("MAJOR");
    const item = makeItem({
      signoffSteps: steps,
      reviews: [cleared("h1"), cleared("h0", "rev-old")],
      signatures: [signature("dir-zhao", steps[0]!, "h1"), signature("dir-zhao", steps[0]!, "h0")],
    });
    const d = decide("DRAFT", action("h2"), { actor: clerk, item, now: NOW });
    const inv = effect(d, "INVALIDATE_APPROVALS");
    expect(inv.reviews).toEqual([cleared("h1")]);
    expect(inv.signatures).toEqual([signature("dir-zhao", steps[0]!, "h1")]);
  });

  it("saving unchanged content invalidates nothing", () => {
    const item = signedItem();
    const d = decide("DRAFT", action("h1"), { actor: clerk, item, now: NOW });
    expect(effectTypes(d)).not.toContain("INVALIDATE_APPROVALS");
  });

  it("editing a published item starts a new version and leaves the old one live", () => {
    const live = { id: "r1", hash: "h1" };
    const item = makeItem({ publishedRevision: live, contributorIds: [] });
    const d = decide("PUBLISHED", action(), { actor: clerk, item, now: NOW });
    expect(expectOk(d).next).toBe("DRAFT");
    expect(effect(d, "START_NEW_VERSION").liveRevision).toEqual(live);
    expect(effect(d, "SET_WORKING_REVISION").revision).toEqual({ id: "r2", hash: "h2" });
  });
});

describe("submit", () => {
  it("sends a draft to the confidentiality review; the submitter becomes a contributor", () => {
    const d = decide("DRAFT", { type: "submit" }, { actor: clerk2, item: makeItem(), now: NOW });
    expect(expectOk(d).next).toBe("PENDING_REVIEW");
    expect(effect(d, "RECORD_SUBMISSION")).toEqual({ type: "RECORD_SUBMISSION", submittedBy: "clerk-zhou", revisionHash: "h1", at: NOW });
    expect(effect(d, "ADD_CONTRIBUTOR").userId).toBe("clerk-zhou");
  });

  it("only a clerk of the department may submit", () => {
    for (const actor of [reviewer, director, otherClerk]) {
      expectFail(decide("DRAFT", { type: "submit" }, { actor, item: makeItem(), now: NOW }), "FORBIDDEN");
    }
  });
});

describe("review", () => {
  const ctx = (item = makeItem(), actor: Actor = reviewer) => ({ actor, item, now: NOW });
  const review = (extra: Record<string, unknown>) => ({ type: "review", expectedRevisionHash: "h1", ...extra }) as WorkflowAction;

  it("CLEAR 可以公开 → 待签发, bound to the reviewed content", () => {
    const d = decide("PENDING_REVIEW", review({ decision: "CLEAR", comment: "  无涉密内容  " }), ctx());
    expect(expectOk(d).next).toBe("PENDING_SIGNOFF");
    expect(effect(d, "RECORD_REVIEW")).toEqual({
      type: "RECORD_REVIEW",
      review: { reviewerId: "rev-wang", decision: "CLEAR", revisionHash: "h1", decidedAt: NOW },
      exemptions: [],
      comment: "无涉密内容",
    });
  });

  it("PARTIAL 部分公开 requires the redacted revision and switches the item to it", () => {
    const redacted = { id: "r1-redacted", hash: "h1r" };
    expectFail(decide("PENDING_REVIEW", review({ decision: "PARTIAL", exemptions: ["THIRD_PARTY"] }), ctx()), "INVALID_INPUT", /部分公开/);
    expectFail(
      decide(
        "PENDING_REVIEW",
        review({ decision: "PARTIAL", redactedRevision: { id: "r1", hash: "h1" }, exemptions: ["THIRD_PARTY"] }),
        ctx(),
      ),
      "INVALID_INPUT",
      /须与送审版本不同/,
    );
    expectFail(
      decide("PENDING_REVIEW", review({ decision: "PARTIAL", redactedRevision: redacted, exemptions: [] }), ctx()),
      "INVALID_INPUT",
      /依据/,
    );
    const d = decide("PENDING_REVIEW", review({ decision: "PARTIAL", redactedRevision: redacted, exemptions: ["THIRD_PARTY"] }), ctx());
    expect(expectOk(d).next).toBe("PENDING_SIGNOFF");
    expect(effect(d, "SET_WORKING_REVISION").revision).toEqual(redacted);
    expect(effect(d, "RECORD_REVIEW").review.revisionHash).toBe("h1r");
    expect(effect(d, "RECORD_REVIEW").exemptions).toEqual(["THIRD_PARTY"]);
  });

  it("WITHHOLD 不予公开 requires at least one valid exemption and schedules the re-assessment", () => {
    expectFail(decide("PENDING_REVIEW", review({ decision: "WITHHOLD", exemptions: [] }), ctx()), "INVALID_INPUT", /至少选择一项/);
    expectFail(decide("PENDING_REVIEW", review({ decision: "WITHHOLD" }), ctx()), "INVALID_INPUT");
    expectFail(
      decide("PENDING_REVIEW", review({ decision: "WITHHOLD", exemptions: ["TOP_SECRET"] }), ctx()),
      "INVALID_INPUT",
      /依据不正确/,
    );
    const d = decide(
      "PENDING_REVIEW",
      review({ decision: "WITHHOLD", exemptions: ["STATE_SECRET", "PROCESS_INFO", "STATE_SECRET"] }),
      ctx(),
    );
    expect(expectOk(d).next).toBe("WITHHELD");
    expect(effect(d, "RECORD_REVIEW").exemptions).toEqual(["STATE_SECRET", "PROCESS_INFO"]);
    expect(effect(d, "SET_REASSESSMENT_DUE").dueOn).toBe("2027-03-02");
  });

  it("accepts every exemption code of §3", () => {
    for (const code of [
      "STATE_SECRET",
      "LAW_FORBIDDEN",
      "SAFETY_STABILITY",
      "THIRD_PARTY",
      "INTERNAL_AFFAIRS",
      "PROCESS_INFO",
      "ENFORCEMENT_FILE",
    ]) {
      expect(decide("PENDING_REVIEW", review({ decision: "WITHHOLD", exemptions: [code] }), ctx()).ok).toBe(true);
    }
  });

  it("a new version of a published item cannot be withheld (return it, or withdraw the live one)", () => {
    const item = makeItem({ publishedRevision: { id: "r0", hash: "h0" } });
    expectFail(
      decide("PENDING_REVIEW", review({ decision: "WITHHOLD", exemptions: ["STATE_SECRET"] }), ctx(item)),
      "INVALID_TRANSITION",
      /撤回/,
    );
  });

  it("REFER 提请保密部门 keeps the item pending and flags it; a later decision clears the flag", () => {
    expectFail(decide("PENDING_REVIEW", review({ decision: "REFER", comment: "  " }), ctx()), "INVALID_INPUT", /说明/);
    const sim = new Sim();
    sim.state = "PENDING_REVIEW";
    const d = sim.do(reviewer, review({ decision: "REFER", comment: "涉及军事设施位置，提请市保密局审查" }));
    expect(d.ok && d.next).toBe("PENDING_REVIEW");
    expect(sim.item.referral).toEqual({ note: "涉及军事设施位置，提请市保密局审查", referredAt: NOW });
    const after = sim.do(reviewer, review({ decision: "CLEAR" }));
    expect(effectTypes(after)).toContain("CLEAR_REFERRAL");
    expect(sim.item.referral).toBeNull();
    expect(sim.state).toBe("PENDING_SIGNOFF");
  });

  it("refuses a decision on content that changed since the reviewer opened it", () => {
    expectFail(
      decide("PENDING_REVIEW", { type: "review", decision: "CLEAR", expectedRevisionHash: "h0" }, ctx()),
      "STALE_REVISION",
      /刷新/,
    );
  });

  it("only a reviewer of the item's department may review", () => {
    for (const actor of [clerk, director, staff("rev-x", { role: "REVIEWER", departmentId: "dept-health" })]) {
      expectFail(decide("PENDING_REVIEW", review({ decision: "CLEAR" }), ctx(makeItem(), actor)), "FORBIDDEN", /保密审查员/);
    }
  });

  it("separation of duties: nobody reviews what they wrote, edited or submitted", () => {
    const item = makeItem({ contributorIds: ["clerk-li", "rev-wang"] });
    expectFail(decide("PENDING_REVIEW", review({ decision: "CLEAR" }), ctx(item)), "SEPARATION_OF_DUTIES", /本人经办/);
  });

  it("separation of duties: a signer of this item may not also review it", () => {
    const both = staff("rev-wang", { role: "REVIEWER", departmentId: DEPT }, { role: "DIRECTOR", departmentId: DEPT });
    const steps = stepsFor("GENERAL");
    const item = makeItem({ signatures: [signature("rev-wang", steps[0]!)] });
    expectFail(decide("PENDING_REVIEW", review({ decision: "CLEAR" }), ctx(item, both)), "SEPARATION_OF_DUTIES");
  });

  it("limits comment length", () => {
    expectFail(decide("PENDING_REVIEW", review({ decision: "CLEAR", comment: "字".repeat(2001) }), ctx()), "INVALID_INPUT", /2000/);
  });
});

describe("sign", () => {
  const sign = (hash = "h1"): WorkflowAction => ({ type: "sign", expectedRevisionHash: hash });
  const ctx = (actor: Actor, item: WorkflowItem) => ({ actor, item, now: NOW });

  it("一般信息: the director's signature completes the sign-off", () => {
    const d = decide("PENDING_SIGNOFF", sign(), ctx(director, makeItem({ reviews: [cleared()] })));
    expect(expectOk(d).next).toBe("PENDING_SIGNOFF");
    expect(effect(d, "RECORD_SIGNATURE").signature).toEqual({
      signerId: "dir-zhao",
      stepNo: 1,
      role: "DIRECTOR",
      departmentId: DEPT,
      revisionHash: "h1",
      signedAt: NOW,
    });
    expect(effectTypes(d)).toContain("SIGNOFF_COMPLETE");
  });

  it("重大信息: the principal must wait for the director, then completes it", () => {
    const steps = stepsFor("MAJOR");
    const item = makeItem({ reviews: [cleared()], signoffSteps: steps });
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(principal, item)), "INVALID_TRANSITION", /尚未轮到您.*第1步.*第2步/);
    const first = decide("PENDING_SIGNOFF", sign(), ctx(director, item));
    expect(effectTypes(first)).not.toContain("SIGNOFF_COMPLETE");
    const second = decide("PENDING_SIGNOFF", sign(), ctx(principal, { ...item, signatures: [signature("dir-zhao", steps[0]!)] }));
    expect(effect(second, "RECORD_SIGNATURE").signature.stepNo).toBe(2);
    expect(effectTypes(second)).toContain("SIGNOFF_COMPLETE");
  });

  it("特别重大: the bureau's principal cannot stand in for the city's", () => {
    const steps = stepsFor("CRITICAL");
    const item = makeItem({
      reviews: [cleared()],
      signoffSteps: steps,
      signatures: [signature("dir-zhao", steps[0]!), signature("pri-qian", steps[1]!)],
    });
    const bureauPrincipal2 = staff("pri-other", { role: "PRINCIPAL", departmentId: DEPT });
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(bureauPrincipal2, item)), "FORBIDDEN", /第3步/);
    expect(effectTypes(decide("PENDING_SIGNOFF", sign(), ctx(mayor, item)))).toContain("SIGNOFF_COMPLETE");
  });

  it("refuses people without the step's role", () => {
    const item = makeItem({ reviews: [cleared()] });
    for (const actor of [clerk, reviewer2, admin, staff("dir-x", { role: "DIRECTOR", departmentId: "dept-health" })]) {
      expectFail(decide("PENDING_SIGNOFF", sign(), ctx(actor, item)), "FORBIDDEN");
    }
  });

  it("separation of duties: an author, the reviewer, or a signer of another step may not sign", () => {
    const steps = stepsFor("MAJOR");
    const dirAndPri = staff("dir-zhao", { role: "DIRECTOR", departmentId: DEPT }, { role: "PRINCIPAL", departmentId: DEPT });
    const item = makeItem({ reviews: [cleared()], signoffSteps: steps });
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(director, { ...item, contributorIds: ["dir-zhao"] })), "SEPARATION_OF_DUTIES");
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(director, { ...item, reviews: [cleared("h1", "dir-zhao")] })), "SEPARATION_OF_DUTIES");
    const afterStep1 = { ...item, signatures: [signature("dir-zhao", steps[0]!)] };
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(dirAndPri, afterStep1)), "SEPARATION_OF_DUTIES", /第1步.*第2步/);
  });

  it("refuses when everything is already signed", () => {
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(director, signedItem())), "INVALID_TRANSITION", /已完成全部签发/);
  });

  it("refuses stale content, missing review, or missing steps", () => {
    const item = makeItem({ reviews: [cleared()] });
    expectFail(decide("PENDING_SIGNOFF", sign("h0"), ctx(director, item)), "STALE_REVISION");
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(director, makeItem({ reviews: [cleared("h0")] }))), "INVALID_TRANSITION", /保密审查/);
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(director, { ...item, signoffSteps: [] })), "INVALID_TRANSITION", /签发步骤/);
  });

  it("the latest review of the content is the one that counts", () => {
    const withheldLater = { ...cleared(), decision: "WITHHOLD" as const, decidedAt: new Date("2026-03-01T05:00:00Z") };
    const item = makeItem({ reviews: [cleared(), withheldLater] });
    expectFail(decide("PENDING_SIGNOFF", sign(), ctx(director, item)), "INVALID_TRANSITION", /保密审查/);
  });

  it("records the signer's comment (批示)", () => {
    const d = decide(
      "PENDING_SIGNOFF",
      { type: "sign", expectedRevisionHash: "h1", comment: "同意发布" },
      ctx(director, makeItem({ reviews: [cleared()] })),
    );
    expect(effect(d, "RECORD_SIGNATURE").comment).toBe("同意发布");
  });
});

describe("refusals for missing or bad input name the form field", () => {
  const field = (d: Decision) => (d.ok ? undefined : d.field);
  it("points each INVALID_INPUT at the field the form shows it next to", () => {
    const review = (extra: Record<string, unknown>) => ({ type: "review", expectedRevisionHash: "h1", ...extra }) as WorkflowAction;
    const ctx = { actor: reviewer, item: makeItem(), now: NOW };
    expect(field(decide("PENDING_REVIEW", review({ decision: "WITHHOLD", exemptions: [] }), ctx))).toBe("exemptions");
    expect(field(decide("PENDING_REVIEW", review({ decision: "REFER", comment: " " }), ctx))).toBe("comment");
    expect(field(decide("PENDING_REVIEW", review({ decision: "PARTIAL", exemptions: ["THIRD_PARTY"] }), ctx))).toBe("redactedBody");
    expect(field(decide("PENDING_REVIEW", { type: "return", comment: "" }, ctx))).toBe("comment");
    expect(field(decide("PENDING_REVIEW", { type: "return", comment: "长".repeat(2001) }, ctx))).toBe("comment");
    const signed = { actor: clerk, item: signedItem(), now: NOW };
    expect(
      field(decide("PENDING_SIGNOFF", { type: "schedule", publishAt: new Date(NOW.getTime() - 1), expectedRevisionHash: "h1" }, signed)),
    ).toBe("publishAt");
    const live = { actor: director, item: makeItem({ publishedRevision: { id: "r1", hash: "h1" } }), now: NOW };
    expect(field(decide("PUBLISHED", { type: "withdraw", reason: "SUPERSEDED", replacementItemId: " " }, live))).toBe("replacementItemId");
    expect(field(decide("PUBLISHED", { type: "withdraw", reason: "NONSENSE" } as unknown as WorkflowAction, live))).toBe("reason");
    // Refusals that are not about one field carry none.
    expect(field(decide("PENDING_REVIEW", review({ decision: "CLEAR" }), { ...ctx, actor: clerk }))).toBeUndefined();
  });
});

describe("return 退回", () => {
  const ret = (comment = "第二段数据有误，请核实"): WorkflowAction => ({ type: "return", comment });

  it("a reviewer returns an item under review, with a required comment", () => {
    const d = decide("PENDING_REVIEW", ret(), { actor: reviewer, item: makeItem(), now: NOW });
    expect(expectOk(d).next).toBe("DRAFT");
    expect(effect(d, "RECORD_RETURN")).toEqual({
      type: "RECORD_RETURN",
      by: "rev-wang",
      fromState: "PENDING_REVIEW",
      comment: "第二段数据有误，请核实",
      at: NOW,
    });
    expectFail(decide("PENDING_REVIEW", ret("   "), { actor: reviewer, item: makeItem(), now: NOW }), "INVALID_INPUT", /退回意见/);
    expectFail(
      decide("PENDING_REVIEW", { type: "return" } as WorkflowAction, { actor: reviewer, item: makeItem(), now: NOW }),
      "INVALID_INPUT",
    );
  });

  it("any signer of the chain may return, including the parent government's", () => {
    const item = makeItem({ reviews: [cleared()], signoffSteps: stepsFor("CRITICAL") });
    for (const actor of [director, principal, mayor, reviewer]) {
      expect(decide("PENDING_SIGNOFF", ret(), { actor, item, now: NOW }).ok).toBe(true);
    }
  });

  it("people outside the review and sign-off may not return", () => {
    const item = makeItem({ reviews: [cleared()] });
    for (const actor of [clerk, admin, principal /* not in a GENERAL chain */, cityDirector]) {
      expectFail(decide("PENDING_SIGNOFF", ret(), { actor, item, now: NOW }), "FORBIDDEN");
    }
  });

  it("returning a scheduled item cancels the schedule", () => {
    const item = signedItem({ scheduledAt: new Date("2026-03-05T00:00:00Z") });
    expect(effectTypes(decide("SCHEDULED", ret(), { actor: director, item, now: NOW }))).toEqual(["RECORD_RETURN", "CLEAR_SCHEDULE"]);
  });
});

describe("publish and schedule", () => {
  const publish: WorkflowAction = { type: "publish", expectedRevisionHash: "h1" };

  it("publishes a reviewed and fully signed item", () => {
    const d = decide("PENDING_SIGNOFF", publish, { actor: clerk, item: signedItem(), now: NOW });
    expect(expectOk(d).next).toBe("PUBLISHED");
    expect(effect(d, "PUBLISH_REVISION")).toEqual({
      type: "PUBLISH_REVISION",
      revision: { id: "r1", hash: "h1" },
      publishedAt: NOW,
      replacesRevisionId: null,
    });
  });

  it("refuses before sign-off is complete, naming the missing step", () => {
    const steps = stepsFor("MAJOR");
    const item = makeItem({ reviews: [cleared()], signoffSteps: steps, signatures: [signature("dir-zhao", steps[0]!)] });
    expectFail(decide("PENDING_SIGNOFF", publish, { actor: clerk, item, now: NOW }), "SIGNOFF_INCOMPLETE", /第2步（主要领导）/);
  });

  it("refuses when signatures were made on other content", () => {
    const steps = stepsFor("GENERAL");
    const item = makeItem({ reviews: [cleared()], signatures: [signature("dir-zhao", steps[0]!, "h0")] });
    expectFail(decide("PENDING_SIGNOFF", publish, { actor: clerk, item, now: NOW }), "SIGNOFF_INCOMPLETE");
  });

  it("requires the hash of what is being published", () => {
    expectFail(decide("PENDING_SIGNOFF", { type: "publish" }, { actor: clerk, item: signedItem(), now: NOW }), "INVALID_INPUT");
    expectFail(
      decide("PENDING_SIGNOFF", { type: "publish", expectedRevisionHash: "h0" }, { actor: clerk, item: signedItem(), now: NOW }),
      "STALE_REVISION",
    );
  });

  it("clerks and leaders of the department may publish; reviewers and outsiders may not", () => {
    for (const actor of [clerk, director, principal])
      expect(decide("PENDING_SIGNOFF", publish, { actor, item: signedItem(), now: NOW }).ok).toBe(true);
    for (const actor of [reviewer, otherClerk, mayor])
      expectFail(decide("PENDING_SIGNOFF", publish, { actor, item: signedItem(), now: NOW }), "FORBIDDEN");
  });

  it("schedules a signed item for a future time", () => {
    const at = new Date("2026-03-05T00:00:00Z");
    const d = decide(
      "PENDING_SIGNOFF",
      { type: "schedule", publishAt: at, expectedRevisionHash: "h1" },
      { actor: clerk, item: signedItem(), now: NOW },
    );
    expect(expectOk(d).next).toBe("SCHEDULED");
    expect(effect(d, "SET_SCHEDULE")).toEqual({ type: "SET_SCHEDULE", publishAt: at, revisionHash: "h1" });
  });

  it("refuses a past or invalid time, and unsigned items", () => {
    const ctx = { actor: clerk, item: signedItem(), now: NOW };
    expectFail(
      decide("PENDING_SIGNOFF", { type: "schedule", publishAt: NOW, expectedRevisionHash: "h1" }, ctx),
      "INVALID_INPUT",
      /晚于当前时间/,
    );
    expectFail(decide("PENDING_SIGNOFF", { type: "schedule", publishAt: new Date("x"), expectedRevisionHash: "h1" }, ctx), "INVALID_INPUT");
    expectFail(
      decide(
        "PENDING_SIGNOFF",
        { type: "schedule", publishAt: new Date("2026-03-05T00:00:00Z"), expectedRevisionHash: "h1" },
        { ...ctx, item: makeItem({ reviews: [cleared()] }) },
      ),
      "SIGNOFF_INCOMPLETE",
    );
  });

  it("reschedules and unschedules", () => {
    const item = signedItem({ scheduledAt: new Date("2026-03-05T00:00:00Z") });
    const later = new Date("2026-03-06T00:00:00Z");
    expect(
      expectOk(decide("SCHEDULED", { type: "schedule", publishAt: later, expectedRevisionHash: "h1" }, { actor: clerk, item, now: NOW }))
        .next,
    ).toBe("SCHEDULED");
    const d = decide("SCHEDULED", { type: "unschedule" }, { actor: director, item, now: NOW });
    expect(expectOk(d).next).toBe("PENDING_SIGNOFF");
    expect(effectTypes(d)).toEqual(["CLEAR_SCHEDULE"]);
    expectFail(decide("SCHEDULED", { type: "unschedule" }, { actor: reviewer, item, now: NOW }), "FORBIDDEN");
  });

  it("the scheduler publishes when due, and not before", () => {
    const item = signedItem({ scheduledAt: new Date("2026-03-05T00:00:00Z") });
    expectFail(decide("SCHEDULED", { type: "publish" }, { actor: system, item, now: new Date("2026-03-04T23:59:59Z") }), "NOT_DUE");
    const d = decide("SCHEDULED", { type: "publish" }, { actor: system, item, now: new Date("2026-03-05T00:00:00Z") });
    expect(expectOk(d).next).toBe("PUBLISHED");
    expect(effectTypes(d)).toEqual(["CLEAR_SCHEDULE", "PUBLISH_REVISION"]);
  });

  it("the scheduler still refuses content whose approvals no longer hold", () => {
    const item = signedItem({ scheduledAt: NOW, workingRevision: { id: "r9", hash: "h9" } });
    expectFail(decide("SCHEDULED", { type: "publish" }, { actor: system, item, now: NOW }), "INVALID_TRANSITION");
  });

  it("staff may publish a scheduled item early", () => {
    const item = signedItem({ scheduledAt: new Date("2026-03-05T00:00:00Z") });
    expect(expectOk(decide("SCHEDULED", publish, { actor: director, item, now: NOW })).next).toBe("PUBLISHED");
  });
});

describe("withdraw 撤回", () => {
  const live = { id: "r1", hash: "h1" };
  const published = () => makeItem({ publishedRevision: live, contributorIds: [] });

  it("发布错误 → the public page is gone (410)", () => {
    const d = decide(
      "PUBLISHED",
      { type: "withdraw", reason: "PUBLISHED_IN_ERROR", note: "误发内部文件" },
      { actor: director, item: published(), now: NOW },
    );
    expect(expectOk(d).next).toBe("WITHDRAWN");
    expect(effect(d, "WITHDRAW")).toEqual({
      type: "WITHDRAW",
      revision: live,
      reason: "PUBLISHED_IN_ERROR",
      publicPage: "GONE",
      replacementItemId: null,
      note: "误发内部文件",
      at: NOW,
    });
  });

  it("已被替代 → requires the replacement item and points to it", () => {
    const ctx = { actor: director, item: published(), now: NOW };
    expectFail(decide("PUBLISHED", { type: "withdraw", reason: "SUPERSEDED", replacementItemId: " " }, ctx), "INVALID_INPUT", /替代/);
    expectFail(decide("PUBLISHED", { type: "withdraw", reason: "SUPERSEDED" } as WorkflowAction, ctx), "INVALID_INPUT");
    expectFail(decide("PUBLISHED", { type: "withdraw", reason: "SUPERSEDED", replacementItemId: "item-1" }, ctx), "INVALID_INPUT", /本身/);
    const d = decide("PUBLISHED", { type: "withdraw", reason: "SUPERSEDED", replacementItemId: "item-2" }, ctx);
    expect(effect(d, "WITHDRAW")).toMatchObject({ publicPage: "REPLACED", replacementItemId: "item-2" });
  });

  it("已失效/废止 → the page stays with a notice", () => {
    const d = decide("PUBLISHED", { type: "withdraw", reason: "EXPIRED" }, { actor: principal, item: published(), now: NOW });
    expect(effect(d, "WITHDRAW")).toMatchObject({ publicPage: "NOTICE", note: null });
  });

  it("requires a known reason", () => {
    const bad = { type: "withdraw", reason: "BORED" } as unknown as WorkflowAction;
    expectFail(decide("PUBLISHED", bad, { actor: director, item: published(), now: NOW }), "INVALID_INPUT", /撤回原因/);
  });

  it("only leaders of the department may withdraw (disclosure:withdraw in lib/auth/permissions.ts)", () => {
    // The reviewer included: the role map grants them no withdrawal, so neither do the rules.
    for (const actor of [clerk, reviewer, admin, mayor]) {
      expectFail(decide("PUBLISHED", { type: "withdraw", reason: "EXPIRED" }, { actor, item: published(), now: NOW }), "FORBIDDEN");
    }
  });

  it("nothing to withdraw before first publication", () => {
    expectFail(
      decide("PENDING_SIGNOFF", { type: "withdraw", reason: "EXPIRED" }, { actor: director, item: makeItem(), now: NOW }),
      "INVALID_TRANSITION",
      /尚未公开/,
    );
  });

  it("withdrawing while a new version is pending discards that version", () => {
    const item = makeItem({
      publishedRevision: live,
      workingRevision: { id: "r2", hash: "h2" },
      scheduledAt: new Date("2026-03-05T00:00:00Z"),
    });
    const d = decide("SCHEDULED", { type: "withdraw", reason: "PUBLISHED_IN_ERROR" }, { actor: director, item, now: NOW });
    expect(effectTypes(d)).toEqual(["DISCARD_WORKING_REVISION", "CLEAR_SCHEDULE", "WITHDRAW"]);
    expect(effect(d, "DISCARD_WORKING_REVISION").revision).toEqual({ id: "r2", hash: "h2" });
    expect(effect(d, "WITHDRAW").revision).toEqual(live);
  });
});

describe("discardDraft and reopen", () => {
  it("abandoning a new version puts the live one back to work", () => {
    const live = { id: "r1", hash: "h1" };
    const item = makeItem({ publishedRevision: live, workingRevision: { id: "r2", hash: "h2" } });
    const d = decide("DRAFT", { type: "discardDraft" }, { actor: clerk, item, now: NOW });
    expect(expectOk(d).next).toBe("PUBLISHED");
    expect(expectOk(d).effects).toEqual([
      { type: "DISCARD_WORKING_REVISION", revision: { id: "r2", hash: "h2" } },
      { type: "SET_WORKING_REVISION", revision: live },
    ]);
    expectFail(decide("DRAFT", { type: "discardDraft" }, { actor: reviewer, item, now: NOW }), "FORBIDDEN");
  });

  it("a never-published draft has nothing to go back to", () => {
    expectFail(decide("DRAFT", { type: "discardDraft" }, { actor: clerk, item: makeItem(), now: NOW }), "INVALID_TRANSITION", /删除草稿/);
  });

  it("a reviewer reopens a withheld item for re-assessment (Art. 18)", () => {
    const d = decide("WITHHELD", { type: "reopen", comment: "年度复查" }, { actor: reviewer2, item: makeItem(), now: NOW });
    expect(expectOk(d).next).toBe("PENDING_REVIEW");
    expect(expectOk(d).effects).toEqual([
      { type: "RECORD_REOPEN", by: "rev-feng", at: NOW, comment: "年度复查" },
      { type: "CLEAR_REASSESSMENT_DUE" },
    ]);
    expectFail(decide("WITHHELD", { type: "reopen" }, { actor: clerk, item: makeItem(), now: NOW }), "FORBIDDEN");
  });
});

describe("reReviewDueDate", () => {
  it("defaults to twelve months after the decision, on the Beijing calendar date", () => {
    expect(reReviewDueDate(new Date("2026-03-02T02:00:00Z"))).toBe("2027-03-02");
    // 2026-03-01 17:30 UTC is already 2026-03-02 in Beijing.
    expect(reReviewDueDate(new Date("2026-03-01T17:30:00Z"))).toBe("2027-03-02");
    expect(reReviewDueDate("2026-03-02")).toBe("2027-03-02");
  });

  it("takes another period and clamps to month ends", () => {
    expect(reReviewDueDate("2026-08-31", 6)).toBe("2027-02-28");
    expect(reReviewDueDate("2024-02-29", 12)).toBe("2025-02-28");
    expect(reReviewDueDate("2026-01-31", 1)).toBe("2026-02-28");
    expect(reReviewDueDate("2027-11-30", 3)).toBe("2028-02-29");
  });

  it("rejects nonsense", () => {
    expect(() => reReviewDueDate("2026-03-02", 0)).toThrow(RangeError);
    expect(() => reReviewDueDate("2026-03-02", 1.5)).toThrow(RangeError);
    expect(() => reReviewDueDate("2026-02-30")).toThrow(RangeError);
    expect(() => reReviewDueDate(new Date("nope"))).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------
// Whole lifecycles
// ---------------------------------------------------------------------------------------

describe("lifecycles", () => {
  it("一般信息: draft → review → sign → publish", () => {
    const sim = new Sim();
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(clerk, { type: "publish", expectedRevisionHash: sim.hash });
    expect(sim.state).toBe("PUBLISHED");
    expect(liveRevision(sim.state, sim.item)).toEqual({ id: "r1", hash: "h1" });
  });

  it("特别重大 + 负面: every level of the escalation chain signs, in order", () => {
    const chain = [
      { departmentId: DEPT, role: "DIRECTOR" as const },
      { departmentId: DEPT, role: "PRINCIPAL" as const },
      { departmentId: CITY, role: "DIRECTOR" as const },
      { departmentId: CITY, role: "PRINCIPAL" as const },
    ];
    const sim = new Sim(makeItem({ signoffSteps: stepsFor("CRITICAL", true, chain) }));
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    expectFail(sim.try(mayor, { type: "sign", expectedRevisionHash: sim.hash }), "INVALID_TRANSITION", /尚未轮到您/);
    for (const signer of [director, principal, cityDirector]) {
      expect(effectTypes(sim.do(signer, { type: "sign", expectedRevisionHash: sim.hash }))).toEqual(["RECORD_SIGNATURE"]);
      expectFail(sim.try(clerk, { type: "publish", expectedRevisionHash: sim.hash }), "SIGNOFF_INCOMPLETE");
    }
    expect(effectTypes(sim.do(mayor, { type: "sign", expectedRevisionHash: sim.hash }))).toContain("SIGNOFF_COMPLETE");
    sim.do(clerk, { type: "publish", expectedRevisionHash: sim.hash });
    expect(sim.state).toBe("PUBLISHED");
    expect(sim.item.signatures).toEqual([]); // a new cycle starts after publication
  });

  it("editing after approval invalidates it: the director must sign the new content again", () => {
    const sim = new Sim(makeItem({ signoffSteps: stepsFor("MAJOR") }));
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(principal, { type: "return", comment: "请补充政策依据" });
    expect(sim.state).toBe("DRAFT");

    const edited = sim.do(clerk2, { type: "edit", baseRevisionId: "r1", revision: { id: "r2", hash: "h2" } });
    expect(effect(edited, "INVALIDATE_APPROVALS").signatures.map((s) => s.signerId)).toEqual(["dir-zhao"]);
    expect(effect(edited, "INVALIDATE_APPROVALS").reviews.map((r) => r.reviewerId)).toEqual(["rev-wang"]);

    sim.do(clerk2, { type: "submit" });
    // The old clearance does not carry over to new content.
    expectFail(sim.try(director, { type: "sign", expectedRevisionHash: "h1" }), "INVALID_TRANSITION");
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    expectFail(sim.try(principal, { type: "sign", expectedRevisionHash: sim.hash }), "INVALID_TRANSITION", /尚未轮到您/);
    expect(effect(sim.do(director, { type: "sign", expectedRevisionHash: sim.hash }), "RECORD_SIGNATURE").signature.revisionHash).toBe(
      "h2",
    );
    sim.do(principal, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(clerk, { type: "publish", expectedRevisionHash: sim.hash });
    expect(liveRevision(sim.state, sim.item)).toEqual({ id: "r2", hash: "h2" });
  });

  it("a return without an edit keeps the signatures but repeats the confidentiality review", () => {
    const sim = new Sim(makeItem({ signoffSteps: stepsFor("MAJOR") }));
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(principal, { type: "return", comment: "暂缓，待会议研究后再报" });
    sim.do(clerk, { type: "submit" });
    expect(sim.state).toBe("PENDING_REVIEW");
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    const d = sim.do(principal, { type: "sign", expectedRevisionHash: sim.hash });
    expect(effect(d, "RECORD_SIGNATURE").signature.stepNo).toBe(2);
    expect(effectTypes(d)).toContain("SIGNOFF_COMPLETE");
  });

  it("a new version of a published item: the old one stays live until the new one is signed off", () => {
    const sim = new Sim();
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(clerk, { type: "publish", expectedRevisionHash: sim.hash });
    const v1 = { id: "r1", hash: "h1" };

    sim.do(clerk2, { type: "edit", baseRevisionId: "r1", revision: { id: "r2", hash: "h2" } });
    expect(sim.state).toBe("DRAFT");
    expect(hasPendingVersion(sim.state, sim.item)).toBe(true);
    expect(liveRevision(sim.state, sim.item)).toEqual(v1);

    sim.do(clerk2, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    expect(liveRevision(sim.state, sim.item)).toEqual(v1);
    // Last cycle's signer signs the new version: a new cycle, the same step.
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    expect(sim.state).toBe("PENDING_SIGNOFF");
    expect(liveRevision(sim.state, sim.item)).toEqual(v1);

    const d = sim.do(clerk, { type: "publish", expectedRevisionHash: sim.hash });
    expect(effect(d, "PUBLISH_REVISION")).toMatchObject({ revision: { id: "r2", hash: "h2" }, replacesRevisionId: "r1" });
    expect(liveRevision(sim.state, sim.item)).toEqual({ id: "r2", hash: "h2" });
    expect(hasPendingVersion(sim.state, sim.item)).toBe(false);
  });

  it("a returned or abandoned new version never disturbs the live one", () => {
    const v1 = { id: "r1", hash: "h1" };
    const sim = new Sim(makeItem({ publishedRevision: v1, contributorIds: [] }));
    sim.state = "PUBLISHED";
    sim.do(clerk, { type: "edit", baseRevisionId: "r1", revision: { id: "r2", hash: "h2" } });
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "return", comment: "新版本含个人身份证号，请删除" });
    expect(liveRevision(sim.state, sim.item)).toEqual(v1);
    sim.do(clerk, { type: "discardDraft" });
    expect(sim.state).toBe("PUBLISHED");
    expect(sim.item.workingRevision).toEqual(v1);
    expect(hasPendingVersion(sim.state, sim.item)).toBe(false);
  });

  it("withheld, re-assessed a year later, then partly disclosed", () => {
    const sim = new Sim();
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "WITHHOLD", exemptions: ["PROCESS_INFO"], expectedRevisionHash: sim.hash });
    expect(sim.state).toBe("WITHHELD");
    expect(liveRevision(sim.state, sim.item)).toBeNull();
    sim.now = new Date("2027-03-02T02:00:00Z");
    sim.do(reviewer2, { type: "reopen", comment: "到期复查" });
    sim.do(reviewer2, {
      type: "review",
      decision: "PARTIAL",
      redactedRevision: { id: "r1-redacted", hash: "h1r" },
      exemptions: ["THIRD_PARTY"],
      expectedRevisionHash: sim.hash,
    });
    expect(sim.item.workingRevision).toEqual({ id: "r1-redacted", hash: "h1r" });
    // Either reviewer has taken part, so neither may sign even with a director grant.
    const reviewerDirector = staff("rev-wang", { role: "DIRECTOR", departmentId: DEPT });
    expectFail(sim.try(reviewerDirector, { type: "sign", expectedRevisionHash: sim.hash }), "SEPARATION_OF_DUTIES");
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(clerk, { type: "publish", expectedRevisionHash: sim.hash });
    expect(liveRevision(sim.state, sim.item)).toEqual({ id: "r1-redacted", hash: "h1r" });
  });

  it("scheduled publication is done by the scheduler when due", () => {
    const sim = new Sim();
    sim.do(clerk, { type: "submit" });
    sim.do(reviewer, { type: "review", decision: "CLEAR", expectedRevisionHash: sim.hash });
    sim.do(director, { type: "sign", expectedRevisionHash: sim.hash });
    sim.do(clerk, { type: "schedule", publishAt: new Date("2026-03-03T00:00:00Z"), expectedRevisionHash: sim.hash });
    expect(sim.state).toBe("SCHEDULED");
    expect(liveRevision(sim.state, sim.item)).toBeNull();
    expectFail(sim.try(system, { type: "publish" }), "NOT_DUE");
    sim.now = new Date("2026-03-03T00:00:05Z");
    sim.do(system, { type: "publish" });
    expect(sim.state).toBe("PUBLISHED");
    expect(sim.item.scheduledAt).toBeNull();
  });
});
