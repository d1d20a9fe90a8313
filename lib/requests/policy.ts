// The one authorization policy for an on-request case (依申请公开): for an actor and the facts
// of one case it answers every case action at once. The case page draws its forms from it
// and every case verb's decide step calls `requireAllowed` on it, so a button is shown
// exactly when the verb would accept the click.
//
// Checks, in this order (the first refusal is the answer):
//   1. the role grants the action's permission (lib/auth/permissions.ts, the one role map);
//   2. the case's handling department is in the actor's acting scope (own department and below);
//   3. the case's status allows it now (rules/stages.ts, plus the few history facts it needs);
//   4. separation of duties: nobody signs or returns their own reply draft, nobody approves
//      the extension they asked for.
// Deadlines that need the working-day calendar (补正期限, 缴费期限) are checked by the verbs.

import type { Role } from "@/lib/auth/roles";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { ALLOWED, refused, type PolicyAnswers, type PolicyDecision } from "@/lib/verbs/policy";
import { STATUS_LABELS, isClosed, transition, type ApplicationAction, type TransitionContext } from "./rules/stages";

export const CASE_ACTIONS = [
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
  "decideExtension",
  "extensionNotice",
  "issueFee",
  "confirmPayment",
  "feeOverdue",
  "draftReply",
  "returnReply",
  "signReply",
  "deliver",
  "archive",
  "withdraw",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The permission each case action needs (the verbs' step 2 reads this table too). */
export const CASE_ACTION_PERMISSION: Record<CaseAction, Permission> = {
  confirm: "request:register",
  closeUnconfirmed: "request:register",
  assign: "request:register",
  split: "request:register",
  startReview: "request:register",
  accept: "request:register",
  attach: "request:register",
  requestCorrection: "request:register",
  receiveCorrection: "request:register",
  correctionOverdue: "request:register",
  startConsultation: "request:register",
  answerConsultation: "request:register",
  requestExtension: "request:register",
  decideExtension: "request:extend-approve",
  extensionNotice: "request:register",
  issueFee: "request:register",
  confirmPayment: "request:register",
  feeOverdue: "request:register",
  draftReply: "request:reply-draft",
  returnReply: "request:reply-sign",
  signReply: "request:reply-sign",
  deliver: "request:register",
  archive: "request:register",
  withdraw: "request:register",
};

/** The state-machine action (rules/stages.ts) behind a case action, where there is one. */
export const STAGE_ACTION: Partial<Record<CaseAction, ApplicationAction>> = {
  confirm: "CONFIRM_RECEIPT",
  closeUnconfirmed: "CLOSE_UNCONFIRMED",
  startReview: "START_REVIEW",
  accept: "ACCEPT",
  requestCorrection: "REQUEST_CORRECTION",
  receiveCorrection: "RECEIVE_CORRECTION",
  correctionOverdue: "CORRECTION_OVERDUE",
  startConsultation: "START_CONSULTATION",
  answerConsultation: "END_CONSULTATION",
  issueFee: "ISSUE_FEE_NOTICE",
  confirmPayment: "CONFIRM_PAYMENT",
  feeOverdue: "FEE_OVERDUE",
  returnReply: "RETURN_DRAFT",
  signReply: "SIGN_REPLY",
  deliver: "DELIVER",
  archive: "ARCHIVE",
  withdraw: "WITHDRAW",
};

export type CaseActor = {
  id: string;
  roles: readonly Role[];
  /** Departments the actor acts for (own and below; lib/auth/guard.ts departmentScope). */
  scope: readonly string[];
};

/** What the policy needs to know about a case (lib/requests/case-verb.ts caseFacts loads it). */
export type CaseFacts = {
  departmentId: string;
  status: ApplicationStatus;
  /** An extension of the reply period was approved (Art. 33: only once). */
  extended: boolean;
  /** A 补正 notice was sent (Art. 30: only once). */
  correctionRequested: boolean;
  /** Who asked for the extension waiting for approval; null when none waits. */
  pendingExtensionBy: string | null;
  /** An approved extension the applicant has not yet been told of. */
  extensionNoticeOwed: boolean;
  /** A fee notice was issued already. */
  hasFee: boolean;
  /** Who wrote the reply draft waiting for sign-off; null when none waits. */
  draftBy: string | null;
};

function stateOf(facts: CaseFacts, action: CaseAction): PolicyDecision {
  const ctx: TransitionContext = { extended: facts.extended, correctionRequested: facts.correctionRequested };
  const stage = STAGE_ACTION[action];
  if (stage) {
    const t = transition(facts.status, stage, ctx);
    if (!t.ok) return refused("STATE", t.message);
  }
  const s = facts.status;
  switch (action) {
    case "assign":
      return isClosed(s) || s === "ARCHIVED" ? refused("STATE", "申请已办结，不能再分办") : ALLOWED;
    case "split":
      return s === "REGISTERED" || s === "UNDER_REVIEW" ? ALLOWED : refused("STATE", "只能在登记或审核阶段拆分申请");
    case "attach":
      return s === "ARCHIVED" ? refused("STATE", "申请已归档，不能再上传材料") : ALLOWED;
    case "requestExtension":
      if (!transition(s, "EXTEND", ctx).ok) {
        return refused("STATE", s === "EXTENDED" ? "答复期限已经延长过一次，不能再次延长" : "只有办理中的申请可以申请延长答复期限");
      }
      return facts.pendingExtensionBy !== null ? refused("STATE", "已有待批准的延期申请") : ALLOWED;
    case "decideExtension":
      if (facts.pendingExtensionBy === null) return refused("STATE", "没有待批准的延期申请");
      return transition(s, "EXTEND", ctx).ok ? ALLOWED : refused("STATE", `申请处于“${STATUS_LABELS[s]}”状态，不能批准延期`);
    case "extensionNotice":
      return facts.extensionNoticeOwed ? ALLOWED : refused("STATE", "没有已批准且尚未告知的延期");
    case "issueFee":
      return facts.hasFee ? refused("STATE", "本申请已发出过收费通知") : ALLOWED;
    case "draftReply": {
      // Revising a draft that waits for sign-off is drafting again.
      if (s === "REPLY_DRAFTED") return ALLOWED;
      const t = transition(s, "DRAFT_REPLY", ctx);
      return t.ok ? ALLOWED : refused("STATE", t.message);
    }
    case "returnReply":
    case "signReply":
      return facts.draftBy === null ? refused("STATE", "没有待签发的答复稿") : ALLOWED;
    default:
      return ALLOWED;
  }
}

function dutiesOf(actor: CaseActor, facts: CaseFacts, action: CaseAction): PolicyDecision {
  if (action === "signReply" && facts.draftBy === actor.id) {
    return refused("SEPARATION_OF_DUTIES", "不能签发自己拟写的答复，请由其他负责人签发");
  }
  if (action === "returnReply" && facts.draftBy === actor.id) {
    return refused("SEPARATION_OF_DUTIES", "不能审核自己拟写的答复");
  }
  if (action === "decideExtension" && facts.pendingExtensionBy === actor.id) {
    return refused("SEPARATION_OF_DUTIES", "不能批准自己提出的延期申请，请由其他负责人审批");
  }
  return ALLOWED;
}

/** One action for one actor and case. */
export function decideCaseAction(actor: CaseActor, facts: CaseFacts, action: CaseAction): PolicyDecision {
  if (!hasPermission(actor.roles, CASE_ACTION_PERMISSION[action])) return refused("FORBIDDEN", "您没有执行该操作的权限");
  if (!actor.scope.includes(facts.departmentId)) return refused("OUT_OF_SCOPE", "该申请不在您的办理范围内");
  const state = stateOf(facts, action);
  if (!state.allowed) return state;
  return dutiesOf(actor, facts, action);
}

/**
 * Every case action answered for one actor and one case. `now` is accepted for the shape
 * shared with the other domains' policies; the calendar-dependent deadlines are the verbs'.
 */
export function casePolicy(actor: CaseActor, facts: CaseFacts, _now: Date = new Date()): PolicyAnswers<CaseAction> {
  return Object.fromEntries(CASE_ACTIONS.map((a) => [a, decideCaseAction(actor, facts, a)])) as Record<CaseAction, PolicyDecision>;
}
