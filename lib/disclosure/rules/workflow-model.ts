// The vocabulary of the item workflow: states, actions, effects and the facts `decide`
// needs. Kept apart from workflow.ts so that file reads as the rules alone.

import type { Actor } from "./actor";
import type { ExemptionCode } from "./exemptions";
import type { SignatureRecord, SignoffStep } from "./signoff-chain";

// ---------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------

export const ITEM_STATES = [
  "DRAFT",
  "PENDING_REVIEW",
  "PENDING_SIGNOFF",
  "SCHEDULED",
  "PUBLISHED",
  "WITHHELD",
  "WITHDRAWN",
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABELS: Readonly<Record<ItemState, string>> = {
  DRAFT: "草稿",
  PENDING_REVIEW: "待保密审查",
  PENDING_SIGNOFF: "待签发",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  WITHHELD: "不予公开",
  WITHDRAWN: "已撤回",
};

// ---------------------------------------------------------------------------------------
// Review decisions and withdrawal reasons
// ---------------------------------------------------------------------------------------

export const REVIEW_DECISIONS = ["CLEAR", "PARTIAL", "WITHHOLD", "REFER"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = {
  CLEAR: "可以公开",
  PARTIAL: "部分公开",
  WITHHOLD: "不予公开",
  REFER: "提请保密部门审查",
};

export const WITHDRAWAL_REASONS = ["PUBLISHED_IN_ERROR", "SUPERSEDED", "EXPIRED"] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
export const WITHDRAWAL_REASON_LABELS: Readonly<Record<WithdrawalReason, string>> = {
  PUBLISHED_IN_ERROR: "发布错误",
  SUPERSEDED: "已被替代",
  EXPIRED: "已失效/废止",
};

/**
 * What the public page of a withdrawn item does:
 * GONE     — answer 410 Gone; the content must not be served any more (it was an error);
 * REPLACED — a short page (or redirect) pointing to the replacement item;
 * NOTICE   — the page stays, marked with a withdrawal notice, so citizens can still read
 *            what applied before.
 */
export type WithdrawnPageBehaviour = "GONE" | "REPLACED" | "NOTICE";
export const WITHDRAWN_PAGE_BEHAVIOUR: Readonly<Record<WithdrawalReason, WithdrawnPageBehaviour>> = {
  PUBLISHED_IN_ERROR: "GONE",
  SUPERSEDED: "REPLACED",
  EXPIRED: "NOTICE",
};

// ---------------------------------------------------------------------------------------
// Facts about the item
// ---------------------------------------------------------------------------------------

export interface RevisionRef {
  id: string;
  /** revision.ts `revisionHash` of the revision's content. */
  hash: string;
}

export interface ReviewRecord {
  reviewerId: string;
  decision: ReviewDecision;
  /** Hash of the revision the decision is about (for PARTIAL: the redacted revision). */
  revisionHash: string;
  decidedAt: Date;
}

/**
 * What `decide` needs to know about an item, besides its state (passed separately, so
 * there is one source for it). Records are those of the current version cycle — since
 * the item was last published — not the item's whole history.
 */
export interface WorkflowItem {
  id: string;
  /** The department that owns the item; CLERK/REVIEWER/publishing grants are checked here. */
  departmentId: string;
  /** The revision going through the workflow; equals `publishedRevision` when nothing is pending. */
  workingRevision: RevisionRef;
  /** The revision the public sees; null until first published. */
  publishedRevision: RevisionRef | null;
  /**
   * Authors of every revision of the item (all version cycles) and everyone who submitted
   * any version: nobody reviews or signs an item they authored or edited. Leave out the
   * author of a redacted revision made for a PARTIAL review decision: redacting is part of
   * reviewing, and counting it would bar that reviewer from ever reviewing the item again.
   */
  contributorIds: readonly string[];
  reviews: readonly ReviewRecord[];
  signatures: readonly SignatureRecord[];
  /**
   * The sign-off steps for the working revision, from `buildSignoffSteps` on its tier and
   * 负面 flag. Recompute when the working revision changes.
   */
  signoffSteps: readonly SignoffStep[];
  /** Set while the review is referred to the secrecy authority (REFER). */
  referral: { note: string; referredAt: Date } | null;
  /** Set while SCHEDULED. */
  scheduledAt: Date | null;
}

export interface WorkflowContext {
  actor: Actor;
  item: WorkflowItem;
  /** The current instant, passed in: the rules never read the clock. */
  now: Date;
}

// ---------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------

/** The content hash the actor was shown; a mismatch means someone changed it meanwhile. */
interface Guarded {
  expectedRevisionHash: string;
}

export type ReviewVerdict =
  | { decision: "CLEAR"; comment?: string }
  | {
      decision: "PARTIAL";
      /**
       * The redacted revision that will be published instead. The verb creates it in the
       * same transaction as the decision; it becomes the working revision and the review
       * is bound to its hash.
       */
      redactedRevision: RevisionRef;
      /** Grounds for what was redacted (Art. 37 asks for the reasons). */
      exemptions: readonly ExemptionCode[];
      comment?: string;
    }
  | { decision: "WITHHOLD"; exemptions: readonly ExemptionCode[]; comment?: string }
  | { decision: "REFER"; comment: string };

export type WorkflowAction =
  | { type: "edit"; baseRevisionId: string; revision: RevisionRef }
  | { type: "submit" }
  | ({ type: "review" } & Guarded & ReviewVerdict)
  | ({ type: "sign"; comment?: string } & Guarded)
  | { type: "return"; comment: string }
  | { type: "publish"; expectedRevisionHash?: string }
  | ({ type: "schedule"; publishAt: Date } & Guarded)
  | { type: "unschedule" }
  | { type: "withdraw"; reason: "PUBLISHED_IN_ERROR" | "EXPIRED"; note?: string }
  | { type: "withdraw"; reason: "SUPERSEDED"; replacementItemId: string; note?: string }
  | { type: "discardDraft" }
  | { type: "reopen"; comment?: string };
export type WorkflowActionType = WorkflowAction["type"];

export const WORKFLOW_ACTION_LABELS: Readonly<Record<WorkflowActionType, string>> = {
  edit: "编辑",
  submit: "提交审查",
  review: "保密审查",
  sign: "签发",
  return: "退回",
  publish: "发布",
  schedule: "定时发布",
  unschedule: "取消定时发布",
  withdraw: "撤回",
  discardDraft: "放弃修改",
  reopen: "重新审查",
};

// ---------------------------------------------------------------------------------------
// Outcome
// ---------------------------------------------------------------------------------------

/** What the calling verb must persist, in order, in the same transaction as the state. */
export type WorkflowEffect =
  | { type: "SET_WORKING_REVISION"; revision: RevisionRef }
  | { type: "ADD_CONTRIBUTOR"; userId: string }
  | { type: "START_NEW_VERSION"; liveRevision: RevisionRef }
  /** Approvals bound to the replaced content; they no longer count (for the audit trail and notices). */
  | { type: "INVALIDATE_APPROVALS"; reviews: ReviewRecord[]; signatures: SignatureRecord[] }
  | { type: "RECORD_SUBMISSION"; submittedBy: string; revisionHash: string; at: Date }
  | {
      type: "RECORD_REVIEW";
      review: ReviewRecord;
      exemptions: ExemptionCode[];
      comment: string | null;
    }
  | { type: "SET_REFERRAL"; note: string; at: Date }
  | { type: "CLEAR_REFERRAL" }
  | { type: "SET_REASSESSMENT_DUE"; dueOn: string }
  | { type: "CLEAR_REASSESSMENT_DUE" }
  | { type: "RECORD_REOPEN"; by: string; at: Date; comment: string | null }
  | { type: "RECORD_SIGNATURE"; signature: SignatureRecord; comment: string | null }
  | { type: "SIGNOFF_COMPLETE" }
  | { type: "RECORD_RETURN"; by: string; fromState: ItemState; comment: string; at: Date }
  | { type: "SET_SCHEDULE"; publishAt: Date; revisionHash: string }
  | { type: "CLEAR_SCHEDULE" }
  | { type: "PUBLISH_REVISION"; revision: RevisionRef; publishedAt: Date; replacesRevisionId: string | null }
  | { type: "DISCARD_WORKING_REVISION"; revision: RevisionRef }
  | {
      type: "WITHDRAW";
      revision: RevisionRef;
      reason: WithdrawalReason;
      publicPage: WithdrawnPageBehaviour;
      replacementItemId: string | null;
      note: string | null;
      at: Date;
    };

export const WORKFLOW_ERROR_CODES = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "SEPARATION_OF_DUTIES",
  "STALE_REVISION",
  "INVALID_INPUT",
  "SIGNOFF_INCOMPLETE",
  "NOT_DUE",
] as const;
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

export type Decision =
  | { ok: true; next: ItemState; effects: WorkflowEffect[] }
  /** `field`: the form field an INVALID_INPUT refusal is about (shown next to it). */
  | { ok: false; code: WorkflowErrorCode; message: string; field?: string };
