import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { CASE_ACTIONS, casePolicy, decideCaseAction, type CaseAction, type CaseFacts } from "@/lib/requests/policy";

const OWN = "dept-own";
const OTHER = "dept-other";
const ME = "user-me";

const base: CaseFacts = {
  departmentId: OWN,
  status: "IN_PROGRESS",
  extended: false,
  correctionRequested: false,
  pendingExtensionBy: null,
  extensionNoticeOwed: false,
  hasFee: false,
  draftBy: null,
};

/** For each action, a case in which its state allows it (so the table tests roles and scope). */
const READY: Record<CaseAction, Partial<CaseFacts>> = {
  confirm: { status: "PENDING_CONFIRMATION" },
  closeUnconfirmed: { status: "PENDING_CONFIRMATION" },
  assign: { status: "REGISTERED" },
  split: { status: "REGISTERED" },
  startReview: { status: "REGISTERED" },
  accept: { status: "UNDER_REVIEW" },
  attach: { status: "REGISTERED" },
  requestCorrection: { status: "UNDER_REVIEW" },
  receiveCorrection: { status: "AWAITING_CORRECTION", correctionRequested: true },
  correctionOverdue: { status: "AWAITING_CORRECTION", correctionRequested: true },
  startConsultation: { status: "IN_PROGRESS" },
  answerConsultation: { status: "IN_CONSULTATION" },
  requestExtension: { status: "IN_PROGRESS" },
  decideExtension: { status: "IN_PROGRESS", pendingExtensionBy: "user-clerk" },
  extensionNotice: { status: "EXTENDED", extended: true, extensionNoticeOwed: true },
  issueFee: { status: "IN_PROGRESS" },
  confirmPayment: { status: "AWAITING_FEE", hasFee: true },
  feeOverdue: { status: "AWAITING_FEE", hasFee: true },
  draftReply: { status: "IN_PROGRESS" },
  returnReply: { status: "REPLY_DRAFTED", draftBy: "user-clerk" },
  signReply: { status: "REPLY_DRAFTED", draftBy: "user-clerk" },
  deliver: { status: "REPLY_SIGNED" },
  archive: { status: "DELIVERED" },
  withdraw: { status: "IN_PROGRESS" },
};

/** Who may do what, written out (not derived from the role map the policy reads). */
const CLERK_ACTIONS: CaseAction[] = [
  "confirm",
  "closeUnconfirmed",
  "assign",
  "split",
  "startReview",
  "accept",
  "attach",
  "requestCorrection",
  "receiveCorrection",
  "correctionOverdue",
  "startConsultation",
  "answerConsultation",
  "requestExtension",
  "extensionNotice",
  "issueFee",
  "confirmPayment",
  "feeOverdue",
  "draftReply",
  "deliver",
  "archive",
  "withdraw",
];
const MAY: Record<Role, readonly CaseAction[]> = {
  CLERK: CLERK_ACTIONS,
  REVIEWER: [],
  DIRECTOR: ["decideExtension", "returnReply", "signReply"],
  PRINCIPAL: [],
  ADMIN: [],
};

const ROLES: Role[] = ["CLERK", "REVIEWER", "DIRECTOR", "PRINCIPAL", "ADMIN"];
const rows = ROLES.flatMap((role) =>
  CASE_ACTIONS.flatMap((action) =>
    (["own", "other"] as const).map((where) => ({
      role,
      action,
      where,
      expected: !MAY[role].includes(action) ? "FORBIDDEN" : where === "own" ? "ALLOWED" : "OUT_OF_SCOPE",
    })),
  ),
);

describe("casePolicy: every role × every case action × own/other department", () => {
  it("covers the whole table", () => {
    expect(rows).toHaveLength(5 * CASE_ACTIONS.length * 2);
    expect(CASE_ACTIONS).toHaveLength(24);
  });

  it.each(rows)("$role $action ($where department) → $expected", ({ role, action, where, expected }) => {
    const facts = { ...base, ...READY[action], departmentId: where === "own" ? OWN : OTHER };
    const answers = casePolicy({ id: ME, roles: [role], scope: [OWN, "dept-own-child"] }, facts);
    const d = answers[action];
    if (expected === "ALLOWED") expect(d).toEqual({ allowed: true });
    else expect(d).toMatchObject({ allowed: false, code: expected });
    // Every refusal carries a Chinese reason to show.
    if (!d.allowed) expect(d.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("answers every action at once", () => {
    const answers = casePolicy({ id: ME, roles: ["CLERK"], scope: [OWN] }, base);
    expect(Object.keys(answers).sort()).toEqual([...CASE_ACTIONS].sort());
  });
});

describe("casePolicy: separation of duties", () => {
  const director = { id: ME, roles: ["DIRECTOR"] as Role[], scope: [OWN] };
  it("nobody signs or returns a reply draft they wrote", () => {
    const own = { ...base, status: "REPLY_DRAFTED" as const, draftBy: ME };
    expect(decideCaseAction(director, own, "signReply")).toMatchObject({ allowed: false, code: "SEPARATION_OF_DUTIES" });
    expect(decideCaseAction(director, own, "returnReply")).toMatchObject({ allowed: false, code: "SEPARATION_OF_DUTIES" });
    const theirs = { ...own, draftBy: "user-clerk" };
    expect(decideCaseAction(director, theirs, "signReply")).toEqual({ allowed: true });
  });
  it("nobody approves the extension they asked for", () => {
    const own = { ...base, pendingExtensionBy: ME };
    expect(decideCaseAction(director, own, "decideExtension")).toMatchObject({ allowed: false, code: "SEPARATION_OF_DUTIES" });
  });
  it("a clerk cannot sign: the role is checked before anything else", () => {
    const facts = { ...base, status: "REPLY_DRAFTED" as const, draftBy: "user-clerk" };
    expect(decideCaseAction({ id: ME, roles: ["CLERK"], scope: [OWN] }, facts, "signReply")).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("casePolicy: the case's state", () => {
  const clerk = { id: ME, roles: ["CLERK"] as Role[], scope: [OWN] };
  const state = (facts: Partial<CaseFacts>, action: CaseAction) => decideCaseAction(clerk, { ...base, ...facts }, action);

  it("follows rules/stages.ts", () => {
    expect(state({ status: "REGISTERED" }, "confirm")).toMatchObject({ allowed: false, code: "STATE" });
    expect(state({ status: "REGISTERED" }, "confirm")).toMatchObject({ reason: expect.stringContaining("已登记") });
    expect(state({ status: "ARCHIVED" }, "withdraw")).toMatchObject({ code: "STATE" });
    expect(state({ status: "REPLY_DRAFTED" }, "draftReply")).toEqual({ allowed: true });
    expect(state({ status: "REPLY_SIGNED" }, "draftReply")).toMatchObject({ code: "STATE" });
  });
  it("补正 only once, extension only once, one fee notice, one pending extension", () => {
    expect(state({ status: "UNDER_REVIEW", correctionRequested: true }, "requestCorrection")).toMatchObject({
      code: "STATE",
      reason: expect.stringContaining("一次性告知"),
    });
    expect(state({ status: "EXTENDED", extended: true }, "requestExtension")).toMatchObject({
      code: "STATE",
      reason: "答复期限已经延长过一次，不能再次延长",
    });
    expect(state({ pendingExtensionBy: "x" }, "requestExtension")).toMatchObject({ reason: "已有待批准的延期申请" });
    expect(state({ hasFee: true }, "issueFee")).toMatchObject({ reason: "本申请已发出过收费通知" });
    expect(state({}, "extensionNotice")).toMatchObject({ code: "STATE" });
  });
  it("split only before processing; no assignment or upload once closed or archived", () => {
    expect(state({ status: "IN_PROGRESS" }, "split")).toMatchObject({ code: "STATE" });
    expect(state({ status: "DELIVERED" }, "assign")).toMatchObject({ code: "STATE" });
    expect(state({ status: "ARCHIVED" }, "attach")).toMatchObject({ code: "STATE" });
    expect(state({ status: "DELIVERED" }, "attach")).toEqual({ allowed: true });
  });
  it("signing needs a draft waiting", () => {
    const director = { id: ME, roles: ["DIRECTOR"] as Role[], scope: [OWN] };
    expect(decideCaseAction(director, { ...base, status: "REPLY_DRAFTED", draftBy: null }, "signReply")).toMatchObject({
      code: "STATE",
      reason: "没有待签发的答复稿",
    });
  });
});
