// The disclosure item state machine: what may happen to an item, who may do it, and what
// must be recorded when it happens. Pure: the calling verb loads the facts, calls
// `decide`, and persists `next` and `effects` in one transaction with the audit entry.
//
//   DRAFT             ─submit→ PENDING_REVIEW
//   PENDING_REVIEW    ─review CLEAR | PARTIAL→ PENDING_SIGNOFF
//                     ─review REFER→ PENDING_REVIEW (flagged, awaiting the secrecy authority)
//                     ─review WITHHOLD→ WITHHELD ─reopen (Art. 18 re-assessment)→ PENDING_REVIEW
//   PENDING_SIGNOFF   ─sign→ PENDING_SIGNOFF (one step at a time, in order)
//                     ─publish (all steps signed)→ PUBLISHED
//                     ─schedule (all steps signed)→ SCHEDULED ─publish (when due)→ PUBLISHED
//                                                             ─unschedule→ PENDING_SIGNOFF
//   PENDING_REVIEW | PENDING_SIGNOFF | SCHEDULED ─return (comment required)→ DRAFT
//   DRAFT | PUBLISHED ─edit→ DRAFT
//   DRAFT with a live version ─discardDraft→ PUBLISHED
//   any state with a live revision ─withdraw (reason required)→ WITHDRAWN (final)
//
// New versions of a published item. An item has two revision pointers: the *published*
// revision (what the public sees) and the *working* revision (what the workflow is
// about). Editing a PUBLISHED item creates a new working revision and moves the item back
// to DRAFT, but leaves the published revision in place: the public keeps seeing the old
// version throughout review and sign-off, and only `publish` swaps the pointer. So
// "published with a pending new version" is expressed as: a state of DRAFT,
// PENDING_REVIEW, PENDING_SIGNOFF or SCHEDULED together with `publishedRevision !== null`
// (see `hasPendingVersion`). Returning the new version leaves the old one live;
// `discardDraft` abandons the new version and puts the item back to PUBLISHED. The one
// decision refused for a new version is WITHHOLD: the item is already public, so the
// reviewer either returns the new version, or someone withdraws the live one.
//
// Approvals are bound to content. Each review and signature records the hash of the
// revision it approved and counts only while the working revision has that hash. An edit
// (only possible in DRAFT, so after a return) therefore voids every earlier approval
// without anyone having to remember to reset them; resubmitting unchanged content keeps
// the signatures but always goes through the confidentiality review again (Art. 17: every
// release is reviewed).

import { grantsAny, hasGrant, STAFF_ROLE_LABELS, type StaffActor } from "./actor";
import { addMonths, civilDateInShanghai, type CivilDate } from "@/lib/calendar/civil-date";
import type { ProactiveExemptionCode as ExemptionCode } from "@/lib/law/exemptions";
import { checkReviewerIndependence, sameStep } from "./separation-of-duties";
import { canSign, nextStep, validSignatures, type SignatureRecord } from "./signoff-chain";
import {
  checkFresh,
  fail,
  isClearing,
  ok,
  optionalComment,
  parseExemptions,
  requireClearingReview,
  requireGrant,
  requiredComment,
  requireSignedOff,
} from "./workflow-checks";
import {
  ACTION_PERMISSIONS,
  ITEM_STATE_LABELS,
  WITHDRAWAL_REASONS,
  WITHDRAWN_PAGE_BEHAVIOUR,
  WORKFLOW_ACTION_LABELS,
  type Decision,
  type ItemState,
  type WorkflowAction,
  type WorkflowActionType,
  type WorkflowContext,
  type WorkflowEffect,
  type WorkflowItem,
} from "./workflow-model";

export * from "./workflow-model";

/** The states each action may start from (the actor and the facts are checked after). */
export const ACTION_SOURCE_STATES: Readonly<Record<WorkflowActionType, readonly ItemState[]>> = {
  edit: ["DRAFT", "PUBLISHED"],
  submit: ["DRAFT"],
  review: ["PENDING_REVIEW"],
  sign: ["PENDING_SIGNOFF"],
  return: ["PENDING_REVIEW", "PENDING_SIGNOFF", "SCHEDULED"],
  publish: ["PENDING_SIGNOFF", "SCHEDULED"],
  schedule: ["PENDING_SIGNOFF", "SCHEDULED"],
  unschedule: ["SCHEDULED"],
  // Only while a revision is live; checked in `withdraw`.
  withdraw: ["DRAFT", "PENDING_REVIEW", "PENDING_SIGNOFF", "SCHEDULED", "PUBLISHED"],
  discardDraft: ["DRAFT"],
  reopen: ["WITHHELD"],
};

// Who does what, within the item's department: ACTION_PERMISSIONS (workflow-model.ts), read
// through the one role → permission map in lib/auth/permissions.ts.
const EDITORS = ACTION_PERMISSIONS.edit;
const REVIEWERS = ACTION_PERMISSIONS.review;
const PUBLISHERS = ACTION_PERMISSIONS.publish;
const WITHDRAWERS = ACTION_PERMISSIONS.withdraw;

export const DEFAULT_REASSESSMENT_MONTHS = 12;

export function decide(state: ItemState, action: WorkflowAction, context: WorkflowContext): Decision {
  if (!ACTION_SOURCE_STATES[action.type].includes(state)) {
    return fail("INVALID_TRANSITION", `信息当前为“${ITEM_STATE_LABELS[state]}”状态，不能${WORKFLOW_ACTION_LABELS[action.type]}`);
  }
  const { actor } = context;
  if (actor.kind === "system") {
    return action.type === "publish" && state === "SCHEDULED"
      ? publish(state, action, context)
      : fail("FORBIDDEN", "系统任务只能发布已到预定时间的定时发布信息");
  }
  const ctx = { ...context, actor };
  switch (action.type) {
    case "edit":
      return edit(state, action, ctx);
    case "submit":
      return submit(ctx);
    case "review":
      return review(action, ctx);
    case "sign":
      return sign(action, ctx);
    case "return":
      return returnToDraft(state, action, ctx);
    case "publish":
      return publish(state, action, ctx);
    case "schedule":
      return schedule(action, ctx);
    case "unschedule":
      return unschedule(ctx);
    case "withdraw":
      return withdraw(state, action, ctx);
    case "discardDraft":
      return discardDraft(ctx);
    case "reopen":
      return reopen(action, ctx);
  }
}

type StaffContext = WorkflowContext & { actor: StaffActor };
type ActionOf<T extends WorkflowActionType> = Extract<WorkflowAction, { type: T }>;

// ---------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------

/**
 * decide() is the last gate before a transition is written, and an action is assembled from
 * request input by a verb: a field the type promises is re-checked anyway (a verb bug or a
 * cast must not produce a review without a revision). This reads it as possibly missing.
 */
function unchecked<T>(value: T): T | undefined {
  return value;
}

function edit(state: ItemState, action: ActionOf<"edit">, { actor, item }: StaffContext): Decision {
  const denied = requireGrant(actor, EDITORS, item, "编辑信息");
  if (denied) return denied;
  const revision = unchecked(action.revision);
  if (!revision?.id || !revision.hash) return fail("INVALID_INPUT", "缺少修改后的版本");
  // Two clerks editing at once: the second save must not silently overwrite the first.
  if (action.baseRevisionId !== item.workingRevision.id) {
    return fail("STALE_REVISION", "该信息已被他人修改，请刷新页面，在最新版本的基础上重新修改");
  }
  const effects: WorkflowEffect[] = [];
  if (state === "PUBLISHED" && item.publishedRevision) {
    effects.push({ type: "START_NEW_VERSION", liveRevision: item.publishedRevision });
  }
  effects.push({ type: "SET_WORKING_REVISION", revision: action.revision });
  effects.push({ type: "ADD_CONTRIBUTOR", userId: actor.userId });
  if (action.revision.hash !== item.workingRevision.hash) {
    const reviews = item.reviews.filter((r) => r.revisionHash === item.workingRevision.hash && isClearing(r));
    const signatures = validSignatures(item.signatures, item.workingRevision.hash);
    if (reviews.length > 0 || signatures.length > 0) {
      effects.push({ type: "INVALIDATE_APPROVALS", reviews, signatures });
    }
  }
  return ok("DRAFT", effects);
}

function submit({ actor, item, now }: StaffContext): Decision {
  const denied = requireGrant(actor, EDITORS, item, "提交审查");
  if (denied) return denied;
  const effects: WorkflowEffect[] = [
    { type: "RECORD_SUBMISSION", submittedBy: actor.userId, revisionHash: item.workingRevision.hash, at: now },
    // Whoever submits vouches for the content, so they may not approve it either.
    { type: "ADD_CONTRIBUTOR", userId: actor.userId },
  ];
  if (item.referral) effects.push({ type: "CLEAR_REFERRAL" });
  return ok("PENDING_REVIEW", effects);
}

function review(action: ActionOf<"review">, { actor, item, now }: StaffContext): Decision {
  const denied = requireGrant(actor, REVIEWERS, item, "进行保密审查");
  if (denied) return denied;

  let exemptions: ExemptionCode[] = [];
  if (action.decision === "PARTIAL" || action.decision === "WITHHOLD") {
    const parsed = parseExemptions(action.exemptions);
    if (typeof parsed === "string") return fail("INVALID_INPUT", parsed, "exemptions");
    exemptions = parsed;
  }
  const commentResult =
    action.decision === "REFER"
      ? requiredComment(action.comment, "提请保密部门审查时，请说明提请的事项和理由")
      : optionalComment(action.comment);
  if (!commentResult.ok) return commentResult;
  const comment = commentResult.text;
  if (action.decision === "PARTIAL") {
    const redacted = unchecked(action.redactedRevision);
    if (!redacted?.id || !redacted.hash) return fail("INVALID_INPUT", "部分公开须提供删除不予公开内容后的版本", "redactedBody");
    if (redacted.id === item.workingRevision.id || redacted.hash === item.workingRevision.hash) {
      return fail("INVALID_INPUT", "部分公开的版本须与送审版本不同（应已删除不予公开的内容）", "redactedBody");
    }
  }

  const stale = checkFresh(action.expectedRevisionHash, item);
  if (stale) return stale;
  const sod = checkReviewerIndependence(actor.userId, item);
  if (!sod.ok) return sod;

  if (action.decision === "WITHHOLD" && item.publishedRevision) {
    return fail(
      "INVALID_TRANSITION",
      "该信息已有公开版本，不能对新版本作出不予公开决定：新版本不宜公开的，请退回修改；已公开的内容需要撤下的，请使用撤回",
    );
  }

  const revisionHash = action.decision === "PARTIAL" ? action.redactedRevision.hash : item.workingRevision.hash;
  const effects: WorkflowEffect[] = [];
  if (action.decision === "PARTIAL") effects.push({ type: "SET_WORKING_REVISION", revision: action.redactedRevision });
  effects.push({
    type: "RECORD_REVIEW",
    review: { reviewerId: actor.userId, decision: action.decision, revisionHash, decidedAt: now },
    exemptions,
    comment,
  });

  switch (action.decision) {
    case "REFER":
      effects.push({ type: "SET_REFERRAL", note: comment ?? "", at: now });
      return ok("PENDING_REVIEW", effects);
    case "WITHHOLD":
      if (item.referral) effects.push({ type: "CLEAR_REFERRAL" });
      effects.push({ type: "SET_REASSESSMENT_DUE", dueOn: reReviewDueDate(now) });
      return ok("WITHHELD", effects);
    case "CLEAR":
    case "PARTIAL":
      if (item.referral) effects.push({ type: "CLEAR_REFERRAL" });
      return ok("PENDING_SIGNOFF", effects);
  }
}

function sign(action: ActionOf<"sign">, { actor, item, now }: StaffContext): Decision {
  const comment = optionalComment(action.comment);
  if (!comment.ok) return comment;
  const stale = checkFresh(action.expectedRevisionHash, item);
  if (stale) return stale;
  const notReviewed = requireClearingReview(item);
  if (notReviewed) return notReviewed;
  if (item.signoffSteps.length === 0) return fail("INVALID_TRANSITION", "未能确定签发步骤，请联系系统管理员检查签发配置");

  const valid = validSignatures(item.signatures, item.workingRevision.hash);
  const step = nextStep(item.signoffSteps, valid);
  if (!step) return fail("INVALID_TRANSITION", "该信息已完成全部签发，请发布或设置定时发布");

  const allowed = canSign(actor, step, item);
  if (!allowed.ok) {
    // A leader of a later step is told to wait, not that they lack the right.
    const later = item.signoffSteps.find(
      (s) => s.stepNo > step.stepNo && hasGrant(actor, s.role, s.departmentId) && !valid.some((v) => sameStep(v, s)),
    );
    if (allowed.code === "FORBIDDEN" && later) {
      return fail(
        "INVALID_TRANSITION",
        `尚未轮到您签发：请等待第${step.stepNo}步（${STAFF_ROLE_LABELS[step.role]}）签发后，再签发第${later.stepNo}步`,
      );
    }
    return allowed;
  }

  const signature: SignatureRecord = {
    signerId: actor.userId,
    stepNo: step.stepNo,
    role: step.role,
    departmentId: step.departmentId,
    revisionHash: item.workingRevision.hash,
    signedAt: now,
  };
  const effects: WorkflowEffect[] = [{ type: "RECORD_SIGNATURE", signature, comment: comment.text }];
  if (nextStep(item.signoffSteps, [...valid, signature]) === null) effects.push({ type: "SIGNOFF_COMPLETE" });
  return ok("PENDING_SIGNOFF", effects);
}

function returnToDraft(state: ItemState, action: ActionOf<"return">, { actor, item, now }: StaffContext): Decision {
  const isReviewer = grantsAny(actor, REVIEWERS, item.departmentId);
  const isSigner = item.signoffSteps.some((s) => hasGrant(actor, s.role, s.departmentId));
  if (!isReviewer && !isSigner) return fail("FORBIDDEN", "只有保密审查人员或签发领导可以退回该信息");
  const comment = requiredComment(action.comment, "请填写退回意见，说明需要修改的内容");
  if (!comment.ok) return comment;
  const effects: WorkflowEffect[] = [{ type: "RECORD_RETURN", by: actor.userId, fromState: state, comment: comment.text ?? "", at: now }];
  if (state === "SCHEDULED") effects.push({ type: "CLEAR_SCHEDULE" });
  if (item.referral) effects.push({ type: "CLEAR_REFERRAL" });
  return ok("DRAFT", effects);
}

function publish(state: ItemState, action: ActionOf<"publish">, { actor, item, now }: WorkflowContext): Decision {
  if (actor.kind === "staff") {
    const denied = requireGrant(actor, PUBLISHERS, item, "发布信息");
    if (denied) return denied;
    if (!action.expectedRevisionHash) return fail("INVALID_INPUT", "缺少所发布版本的校验信息，请刷新页面后重试");
    const stale = checkFresh(action.expectedRevisionHash, item);
    if (stale) return stale;
  } else if (!item.scheduledAt || now.getTime() < item.scheduledAt.getTime()) {
    return fail("NOT_DUE", "尚未到预定的发布时间");
  }
  const notReady = requireSignedOff(item);
  if (notReady) return notReady;

  const effects: WorkflowEffect[] = [];
  if (state === "SCHEDULED") effects.push({ type: "CLEAR_SCHEDULE" });
  effects.push({
    type: "PUBLISH_REVISION",
    revision: item.workingRevision,
    publishedAt: now,
    replacesRevisionId: item.publishedRevision?.id ?? null,
  });
  return ok("PUBLISHED", effects);
}

function schedule(action: ActionOf<"schedule">, { actor, item, now }: StaffContext): Decision {
  const denied = requireGrant(actor, PUBLISHERS, item, "设置定时发布");
  if (denied) return denied;
  if (!(action.publishAt instanceof Date) || Number.isNaN(action.publishAt.getTime())) {
    return fail("INVALID_INPUT", "请填写有效的定时发布时间", "publishAt");
  }
  if (action.publishAt.getTime() <= now.getTime()) return fail("INVALID_INPUT", "定时发布时间须晚于当前时间", "publishAt");
  const stale = checkFresh(action.expectedRevisionHash, item);
  if (stale) return stale;
  const notReady = requireSignedOff(item);
  if (notReady) return notReady;
  return ok("SCHEDULED", [{ type: "SET_SCHEDULE", publishAt: action.publishAt, revisionHash: item.workingRevision.hash }]);
}

function unschedule({ actor, item }: StaffContext): Decision {
  const denied = requireGrant(actor, PUBLISHERS, item, "取消定时发布");
  if (denied) return denied;
  // Back to "signed, not yet published": the signatures still hold for this content.
  return ok("PENDING_SIGNOFF", [{ type: "CLEAR_SCHEDULE" }]);
}

function withdraw(state: ItemState, action: ActionOf<"withdraw">, { actor, item, now }: StaffContext): Decision {
  const live = item.publishedRevision;
  if (!live) {
    return fail("INVALID_TRANSITION", "该信息尚未公开，无需撤回；如不再发布，请退回或取消定时发布");
  }
  const denied = requireGrant(actor, WITHDRAWERS, item, "撤回已发布信息");
  if (denied) return denied;
  const note = optionalComment(action.note);
  if (!note.ok) return note;

  let replacementItemId: string | null = null;
  if (action.reason === "SUPERSEDED") {
    replacementItemId = unchecked(action.replacementItemId)?.trim() || null;
    if (!replacementItemId) return fail("INVALID_INPUT", "以“已被替代”撤回时，请选择替代该信息的新信息", "replacementItemId");
    if (replacementItemId === item.id) return fail("INVALID_INPUT", "替代信息不能是该信息本身", "replacementItemId");
  } else if (!WITHDRAWAL_REASONS.includes(action.reason)) {
    return fail("INVALID_INPUT", "请选择撤回原因", "reason");
  }

  const effects: WorkflowEffect[] = [];
  // A new version still in the workflow dies with the item.
  if (item.workingRevision.id !== live.id) effects.push({ type: "DISCARD_WORKING_REVISION", revision: item.workingRevision });
  if (state === "SCHEDULED") effects.push({ type: "CLEAR_SCHEDULE" });
  if (item.referral) effects.push({ type: "CLEAR_REFERRAL" });
  effects.push({
    type: "WITHDRAW",
    revision: live,
    reason: action.reason,
    publicPage: WITHDRAWN_PAGE_BEHAVIOUR[action.reason],
    replacementItemId,
    note: note.text,
    at: now,
  });
  return ok("WITHDRAWN", effects);
}

function discardDraft({ actor, item }: StaffContext): Decision {
  const live = item.publishedRevision;
  if (!live) return fail("INVALID_TRANSITION", "该信息尚未发布，没有可恢复的公开版本；如不再需要，请删除草稿");
  const denied = requireGrant(actor, EDITORS, item, "放弃修改");
  if (denied) return denied;
  const effects: WorkflowEffect[] = [];
  if (item.workingRevision.id !== live.id) effects.push({ type: "DISCARD_WORKING_REVISION", revision: item.workingRevision });
  effects.push({ type: "SET_WORKING_REVISION", revision: live });
  return ok("PUBLISHED", effects);
}

function reopen(action: ActionOf<"reopen">, { actor, item, now }: StaffContext): Decision {
  const denied = requireGrant(actor, REVIEWERS, item, "重新审查不予公开的信息");
  if (denied) return denied;
  const comment = optionalComment(action.comment);
  if (!comment.ok) return comment;
  return ok("PENDING_REVIEW", [
    { type: "RECORD_REOPEN", by: actor.userId, at: now, comment: comment.text },
    { type: "CLEAR_REASSESSMENT_DUE" },
  ]);
}

// ---------------------------------------------------------------------------------------
// Re-assessment of withheld items (Art. 18) and derived views
// ---------------------------------------------------------------------------------------

/**
 * The date by which a withheld item must be re-assessed: `months` calendar months after
 * the decision, on the China calendar date of `decidedAt` (a Date is converted at UTC+8;
 * a "YYYY-MM-DD" string is taken as that date). End-of-month dates clamp (08-31 → 02-28).
 * The 12-month default is local practice, not statute — keep it configurable.
 */
export function reReviewDueDate(decidedAt: Date | CivilDate, months: number = DEFAULT_REASSESSMENT_MONTHS): CivilDate {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a positive integer, got ${months}`);
  return addMonths(decidedAt instanceof Date ? civilDateInShanghai(decidedAt) : decidedAt, months);
}

/** The revision the public sees, or null (never published, or withdrawn). */
export function liveRevision(state: ItemState, item: Pick<WorkflowItem, "publishedRevision">) {
  return state === "WITHDRAWN" ? null : item.publishedRevision;
}

/** True when a published item has a new version somewhere in the workflow. */
export function hasPendingVersion(state: ItemState, item: Pick<WorkflowItem, "publishedRevision">): boolean {
  return item.publishedRevision !== null && ["DRAFT", "PENDING_REVIEW", "PENDING_SIGNOFF", "SCHEDULED"].includes(state);
}
