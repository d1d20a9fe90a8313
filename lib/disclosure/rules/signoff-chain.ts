// Tiered sign-off (签发): who must sign an item, in what order, and whether a given person
// may sign a given step.
//
// Local practice (reference §2.6): 一般信息 are signed by the office director / leader in
// charge; 重大信息 need the unit's principal leader in person; 特别重大 go higher still (the
// parent government's principal); 负面信息 go up level by level (逐级把关) along a chain that
// each department configures as data.
//
// Signatures are bound to the content hash of the revision they approved, so an edit after
// signing silently voids them (`validSignatures`) and the step has to be signed again.

import { hasGrant, STAFF_ROLE_LABELS, type Actor, type StaffRole } from "./actor";
import { checkSignerIndependence, sameStep, type ApprovalParticipation, type StepIdentity } from "./separation-of-duties";
import type { ImportanceTier } from "./validity";

/** Only leaders sign; review is a separate step (see workflow.ts). */
export const SIGNOFF_ROLES = ["DIRECTOR", "PRINCIPAL"] as const satisfies readonly StaffRole[];
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

export interface ChainLevel {
  departmentId: string;
  role: StaffRole;
}

export interface SignoffStep extends StepIdentity {
  stepNo: number; // 1-based, in signing order
  role: StaffRole;
  departmentId: string;
}

export interface SignatureRecord extends StepIdentity {
  signerId: string;
  /** Content hash of the revision that was signed (revision.ts `revisionHash`). */
  revisionHash: string;
  signedAt: Date;
}

export interface SignoffPlanInput {
  tier: ImportanceTier;
  negative: boolean;
  /** The department that owns the item. */
  departmentId: string;
  /** The government the department belongs to; needed for 特别重大. */
  parentDepartmentId: string | null;
  /** The department's configured 逐级把关 chain for 负面信息, lowest level first. */
  escalationChain: readonly ChainLevel[];
  /**
   * The department's ancestors, nearest first (parent government, then its parent …).
   * Ranks the levels of a 负面信息 chain; defaults to `[parentDepartmentId]`.
   */
  ancestorIds?: readonly string[];
}

export type SignoffPlan = { ok: true; steps: SignoffStep[] } | { ok: false; message: string };

export function buildSignoffSteps(input: SignoffPlanInput): SignoffPlan {
  const { tier, negative, departmentId, parentDepartmentId, escalationChain } = input;

  const tierLevels: ChainLevel[] = [{ departmentId, role: "DIRECTOR" }];
  if (tier === "MAJOR" || tier === "CRITICAL") tierLevels.push({ departmentId, role: "PRINCIPAL" });
  if (tier === "CRITICAL") {
    if (!parentDepartmentId) {
      return { ok: false, message: "本单位未配置上级政府，无法确定特别重大信息的签发层级，请联系系统管理员" };
    }
    tierLevels.push({ departmentId: parentDepartmentId, role: "PRINCIPAL" });
  }

  let levels = tierLevels;
  if (negative) {
    const bad = escalationChain.find((l) => !l.departmentId || !(SIGNOFF_ROLES as readonly StaffRole[]).includes(l.role));
    if (bad) {
      return { ok: false, message: "负面信息逐级把关链配置有误（每一级须为某单位的办公室主任/分管领导或主要领导），请联系系统管理员" };
    }
    // 逐级把关 climbs: the department itself, then its parent government, then higher;
    // within one department the director before the principal. Every level — from the
    // chain, or required by the tier but missing from a short or outdated chain (never
    // less oversight than the tier) — takes its place by that rank, so a level the chain
    // lacks is slotted in, not appended after a higher one.
    const ladder = [departmentId, ...(input.ancestorIds ?? (parentDepartmentId ? [parentDepartmentId] : []))];
    const rankOf = (l: ChainLevel) => ladder.indexOf(l.departmentId) * SIGNOFF_ROLES.length + SIGNOFF_ROLES.indexOf(l.role as SignoffRole);
    const stray = escalationChain.find((l) => !ladder.includes(l.departmentId));
    if (stray) {
      // A level outside the item's line of authority could never act on it (the item is
      // outside that leader's scope); the chain editor refuses such levels.
      return { ok: false, message: "负面信息逐级把关链中含有非本单位或其上级的层级，请联系系统管理员修改把关链配置" };
    }
    levels = [...escalationChain, ...tierLevels].sort((a, b) => rankOf(a) - rankOf(b));
  }

  const unique: ChainLevel[] = [];
  for (const level of levels) {
    if (!unique.some((u) => u.departmentId === level.departmentId && u.role === level.role)) unique.push(level);
  }
  return { ok: true, steps: unique.map((l, i) => ({ stepNo: i + 1, role: l.role, departmentId: l.departmentId })) };
}

/** Signatures that still count: those bound to the revision now under sign-off. */
export function validSignatures<S extends { revisionHash: string }>(signatures: readonly S[], currentRevisionHash: string): S[] {
  return signatures.filter((s) => s.revisionHash === currentRevisionHash);
}

/**
 * The first step, in order, that no (valid) signature fills; null when all are signed.
 * Pass `validSignatures(...)`, not the raw list, or invalidated approvals will count.
 */
export function nextStep(steps: readonly SignoffStep[], signatures: readonly StepIdentity[]): SignoffStep | null {
  const ordered = [...steps].sort((a, b) => a.stepNo - b.stepNo);
  return ordered.find((step) => !signatures.some((s) => sameStep(s, step))) ?? null;
}

export type CanSignResult = { ok: true } | { ok: false; code: "FORBIDDEN" | "SEPARATION_OF_DUTIES"; message: string };

/**
 * Whether this person may fill this step. It checks the person, not the order: the
 * workflow offers only `nextStep(...)` for signing.
 */
export function canSign(actor: Actor, step: SignoffStep, item: ApprovalParticipation): CanSignResult {
  if (actor.kind !== "staff") {
    return { ok: false, code: "FORBIDDEN", message: "签发须由领导本人进行" };
  }
  if (!hasGrant(actor, step.role, step.departmentId)) {
    return {
      ok: false,
      code: "FORBIDDEN",
      message: `第${step.stepNo}步须由相应单位的${STAFF_ROLE_LABELS[step.role]}签发，您没有该权限`,
    };
  }
  return checkSignerIndependence(actor.userId, step, item);
}
