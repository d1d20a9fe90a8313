// The checks `decide` (workflow.ts) runs before allowing an action, and its result
// constructors. Each returns a failure Decision or null/ok, so the rules read as a list.

import type { Permission } from "@/lib/auth/permissions";
import { isProactiveExemptionCode, type ProactiveExemptionCode as ExemptionCode } from "@/lib/law/exemptions";
import { grantsAny, rolesGranting, STAFF_ROLE_LABELS, type StaffActor } from "./actor";
import { nextStep, validSignatures } from "./signoff-chain";
import type { Decision, ItemState, ReviewRecord, WorkflowEffect, WorkflowErrorCode, WorkflowItem } from "./workflow-model";

const MAX_COMMENT_CHARS = 2000;

/** The actor must hold one of `permissions` through a role in the item's department. */
export function requireGrant(actor: StaffActor, permissions: readonly Permission[], item: WorkflowItem, what: string): Decision | null {
  if (grantsAny(actor, permissions, item.departmentId)) return null;
  const names = rolesGranting(permissions)
    .map((r) => STAFF_ROLE_LABELS[r])
    .join("、");
  return fail("FORBIDDEN", `只有本单位的${names}可以${what}`);
}

export function checkFresh(expectedRevisionHash: string | undefined, item: WorkflowItem): Decision | null {
  return expectedRevisionHash === item.workingRevision.hash
    ? null
    : fail("STALE_REVISION", "该信息的内容已更新，请刷新页面查看最新版本后再操作");
}

export function isClearing(r: ReviewRecord): boolean {
  return r.decision === "CLEAR" || r.decision === "PARTIAL";
}

/** The latest review of the working revision's content must be CLEAR or PARTIAL. */
export function requireClearingReview(item: WorkflowItem): Decision | null {
  const latest = item.reviews
    .filter((r) => r.revisionHash === item.workingRevision.hash)
    .reduce<ReviewRecord | null>((a, r) => (a === null || r.decidedAt.getTime() >= a.decidedAt.getTime() ? r : a), null);
  return latest && isClearing(latest) ? null : fail("INVALID_TRANSITION", "该版本尚未通过保密审查");
}

export function requireSignedOff(item: WorkflowItem): Decision | null {
  const notReviewed = requireClearingReview(item);
  if (notReviewed) return notReviewed;
  if (item.signoffSteps.length === 0) return fail("INVALID_TRANSITION", "未能确定签发步骤，请联系系统管理员检查签发配置");
  const step = nextStep(item.signoffSteps, validSignatures(item.signatures, item.workingRevision.hash));
  return step ? fail("SIGNOFF_INCOMPLETE", `尚未完成签发：还需第${step.stepNo}步（${STAFF_ROLE_LABELS[step.role]}）签发`) : null;
}

export function parseExemptions(input: readonly unknown[] | undefined): ExemptionCode[] | string {
  if (!Array.isArray(input) || input.length === 0) return "请至少选择一项不予公开的依据";
  if (!input.every(isProactiveExemptionCode)) return "不予公开的依据不正确";
  return [...new Set(input)];
}

export type Failure = Extract<Decision, { ok: false }>;
export type CommentResult = { ok: true; text: string | null } | Failure;

export function optionalComment(input: string | undefined): CommentResult {
  const text = typeof input === "string" ? input.trim() : "";
  if ([...text].length > MAX_COMMENT_CHARS) return fail("INVALID_INPUT", `意见不能超过${MAX_COMMENT_CHARS}字`, "comment");
  return { ok: true, text: text || null };
}

export function requiredComment(input: string | undefined, missing: string): CommentResult {
  const result = optionalComment(input);
  return result.ok && result.text === null ? fail("INVALID_INPUT", missing, "comment") : result;
}

export function ok(next: ItemState, effects: WorkflowEffect[]): Decision {
  return { ok: true, next, effects };
}

export function fail(code: WorkflowErrorCode, message: string, field?: string): Failure {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}
