// The vocabulary of the item workflow: states, actions, effects and the facts `decide`
// needs. Kept apart from workflow.ts so that file reads as the rules alone.

import type { Permission } from "@/lib/auth/permissions";
import type { ProactiveExemptionCode as ExemptionCode } from "@/lib/law/exemptions";
import {
  ITEM_ACTION_LABELS,
  type ItemAction,
  type ItemState,
  type ReviewDecision,
  type WithdrawalReason,
  type WithdrawnPageBehaviour,
} from "../labels";
import type { Actor } from "./actor";
import type { SignatureRecord, SignoffStep } from "./signoff-chain";

// ---------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------

export {
  ITEM_STATE_LABELS,
  ITEM_STATES,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  WITHDRAWAL_REASON_LABELS,
  WITHDRAWAL_REASONS,
  type ItemState,
  type ReviewDecision,
  type WithdrawalReason,
  type WithdrawnPageBehaviour,
} from "../labels";

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
// The labelled action list and the action union must name the same actions.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const _sameActions: SameKeys<WorkflowActionType, ItemAction> = true;

/** The action names, labelled once in ../labels.ts. */
export const WORKFLOW_ACTION_LABELS: Readonly<Record<WorkflowActionType, string>> = ITEM_ACTION_LABELS;

/**
 * Who may take each action: the permissions (lib/auth/permissions.ts) of which the actor
 * must hold one, through a role in the item's department. The one table the rules, the
 * item policy (lib/disclosure/policy.ts) and the verbs' permission step all read.
 * Publishing is mechanical once the leaders have signed, so the clerk who prepared the item
 * may press the button; returning is for the reviewer or a leader in the sign-off chain.
 * ADMIN is a platform role with no editorial power: content decisions stay with officials.
 */
export const ACTION_PERMISSIONS: Readonly<Record<WorkflowActionType, readonly [Permission, ...Permission[]]>> = {
  edit: ["disclosure:draft"],
  submit: ["disclosure:draft"],
  discardDraft: ["disclosure:draft"],
  review: ["disclosure:review"],
  reopen: ["disclosure:review"],
  sign: ["disclosure:sign", "disclosure:sign-major"],
  return: ["disclosure:review", "disclosure:sign", "disclosure:sign-major"],
  publish: ["disclosure:draft", "disclosure:sign", "disclosure:sign-major"],
  schedule: ["disclosure:draft", "disclosure:sign", "disclosure:sign-major"],
  unschedule: ["disclosure:draft", "disclosure:sign", "disclosure:sign-major"],
  withdraw: ["disclosure:withdraw"],
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
