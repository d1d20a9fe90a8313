// The vocabulary of the disclosure domain: every enum's values (taken from the database
// enums, lib/generated/prisma/enums, so a value cannot exist in code and not in the schema)
// and its Chinese label. One place, so the form, the item page, the public catalogue and
// the API cannot disagree about what "REPEALED" is called. Pure: no I/O.

import {
  DisclosureItemState,
  DisclosureMode as DisclosureModeEnum,
  DisclosureReviewDecision,
  DisclosureScope as DisclosureScopeEnum,
  DisclosureTier,
  DisclosureValidity,
  DisclosureWithdrawalReason,
  DisclosureWithdrawnPage,
} from "@/lib/generated/prisma/enums";

/** The values of a database enum, in schema order, as a non-empty tuple (for z.enum and lists). */
function valuesOf<T extends string>(e: Readonly<Record<string, T>>): readonly [T, ...T[]] {
  const [first, ...rest] = Object.values(e);
  if (first === undefined) throw new Error("empty enum");
  return [first, ...rest];
}

// ---------------------------------------------------------------------------------------
// Workflow
// ---------------------------------------------------------------------------------------

export type ItemState = DisclosureItemState;
export const ITEM_STATES = valuesOf(DisclosureItemState);
export const ITEM_STATE_LABELS: Readonly<Record<ItemState, string>> = {
  DRAFT: "草稿",
  PENDING_REVIEW: "待保密审查",
  PENDING_SIGNOFF: "待签发",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  WITHHELD: "不予公开",
  WITHDRAWN: "已撤回",
};

export type ReviewDecision = DisclosureReviewDecision;
export const REVIEW_DECISIONS = valuesOf(DisclosureReviewDecision);
export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = {
  CLEAR: "可以公开",
  PARTIAL: "部分公开",
  WITHHOLD: "不予公开",
  REFER: "提请保密部门审查",
};

export type WithdrawalReason = DisclosureWithdrawalReason;
export const WITHDRAWAL_REASONS = valuesOf(DisclosureWithdrawalReason);
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
export type WithdrawnPageBehaviour = DisclosureWithdrawnPage;

/** The workflow actions on an item (the verbs and the item page's buttons). */
export const ITEM_ACTIONS = [
  "edit",
  "submit",
  "review",
  "sign",
  "return",
  "publish",
  "schedule",
  "unschedule",
  "withdraw",
  "discardDraft",
  "reopen",
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];
export const ITEM_ACTION_LABELS: Readonly<Record<ItemAction, string>> = {
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
// Item metadata (the "元数据" table above every item)
// ---------------------------------------------------------------------------------------

/** 有效性: an amended or repealed document stays online, marked, linking to what replaced it. */
export type Validity = DisclosureValidity;
export const VALIDITIES = valuesOf(DisclosureValidity);
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  VALID: "有效",
  AMENDED: "已修改",
  REPEALED: "已废止",
  EXPIRED: "已失效",
};

/** Importance tier; decides how far up the sign-off goes (see rules/signoff-chain.ts). */
export type ImportanceTier = DisclosureTier;
export const IMPORTANCE_TIERS = valuesOf(DisclosureTier);
export const IMPORTANCE_TIER_LABELS: Readonly<Record<ImportanceTier, string>> = {
  GENERAL: "一般信息",
  MAJOR: "重大信息",
  CRITICAL: "特别重大信息",
};
/** The 负面信息 flag is orthogonal to the tier: it adds level-by-level escalation. */
export const NEGATIVE_FLAG_LABEL = "负面信息";

/** 公开方式. */
export type DisclosureMode = DisclosureModeEnum;
export const DISCLOSURE_MODES = valuesOf(DisclosureModeEnum);
export const DISCLOSURE_MODE_LABELS: Readonly<Record<DisclosureMode, string>> = {
  PROACTIVE: "主动公开",
  ON_REQUEST: "依申请公开",
};

/** 公开范围. */
export type DisclosureScope = DisclosureScopeEnum;
export const DISCLOSURE_SCOPES = valuesOf(DisclosureScopeEnum);
export const DISCLOSURE_SCOPE_LABELS: Readonly<Record<DisclosureScope, string>> = {
  PUBLIC: "面向全社会",
  SPECIFIC_GROUP: "特定群体",
};
