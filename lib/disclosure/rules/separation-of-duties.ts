// Separation of duties (不得审核本人经办的信息; 级级负责、层层把关).
//
// Two rules, applied to the review and to every sign-off step:
//  1. nobody reviews or signs an item they wrote: any revision author, or whoever submitted it;
//  2. one person fills at most one approval step of an item — reviewing it and signing it,
//     or signing two steps, would let a single person stand for two levels of checking.
// Filling the *same* step again is allowed: after an edit invalidates a signature, the
// same director must be able to sign the new revision.
//
// For rule 2, "the item" means the current version cycle: the records since the item was
// last published. The director who signed last year's version may sign this year's
// amendment. Rule 1 looks at every cycle: the clerk who wrote the first version wrote
// much of any amendment, so they never review or sign the item.

import { STAFF_ROLE_LABELS, type StaffRole } from "./actor";

export interface ApprovalParticipation {
  /** Authors of every revision of the item (every version cycle), and everyone who submitted one. */
  contributorIds: readonly string[];
  /** Every review decision in this cycle, including REFER and invalidated ones. */
  reviews: readonly { reviewerId: string }[];
  /** Every signature in this cycle, including those invalidated by later edits. */
  signatures: readonly { signerId: string; stepNo: number; role: StaffRole; departmentId: string }[];
}

export interface StepIdentity {
  stepNo: number;
  role: StaffRole;
  departmentId: string;
}

export type SodResult = { ok: true } | { ok: false; code: "SEPARATION_OF_DUTIES"; message: string };

const OK: SodResult = { ok: true };
const deny = (message: string): SodResult => ({ ok: false, code: "SEPARATION_OF_DUTIES", message });

/**
 * Whether a signature fills a step: the same level (role in a department). The step
 * number is not compared: steps are computed from the live chain configuration, and an
 * administrator editing the 逐级把关 chain while an item is in sign-off renumbers its steps.
 * A level occurs at most once in a plan (buildSignoffSteps de-duplicates), so the level
 * identifies the step; comparing numbers would void the signatures already given and
 * then refuse their signers as "filling another step".
 */
export function sameStep(a: StepIdentity, b: StepIdentity): boolean {
  return a.role === b.role && a.departmentId === b.departmentId;
}

export function checkReviewerIndependence(userId: string, facts: ApprovalParticipation): SodResult {
  if (facts.contributorIds.includes(userId)) {
    return deny("您编辑或提交过该信息，不能对其进行保密审查（不得审核本人经办的信息）");
  }
  const signed = facts.signatures.find((s) => s.signerId === userId);
  if (signed) {
    return deny(`您已在该信息第${signed.stepNo}步签发，不能再进行保密审查（同一人不得承担两个审核环节）`);
  }
  return OK;
}

export function checkSignerIndependence(userId: string, step: StepIdentity, facts: ApprovalParticipation): SodResult {
  if (facts.contributorIds.includes(userId)) {
    return deny("您编辑或提交过该信息，不能签发（不得审核本人经办的信息）");
  }
  if (facts.reviews.some((r) => r.reviewerId === userId)) {
    return deny("您已对该信息进行过保密审查，不能再签发（同一人不得承担两个审核环节）");
  }
  const other = facts.signatures.find((s) => s.signerId === userId && !sameStep(s, step));
  if (other) {
    return deny(
      `您已在该信息第${other.stepNo}步以${STAFF_ROLE_LABELS[other.role]}身份签发，不能再承担第${step.stepNo}步（同一人不得承担两个审核环节）`,
    );
  }
  return OK;
}
