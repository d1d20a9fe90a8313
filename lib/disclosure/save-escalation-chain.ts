import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { SIGNOFF_ROLES, type SignoffRole } from "./rules/signoff-chain";
import { sameStep } from "./rules/separation-of-duties";
import type { ImportanceTier } from "./rules/validity";
import { ancestorIdsOf, signoffPlanFor } from "./signoff-config";

/**
 * Replaces a department's 逐级把关 chain for 负面信息. `levels` are "departmentId:ROLE",
 * lowest level first; an empty list restores the default chain. Each level must be in
 * the department or one of its ancestors; the order they are signed in is by rank
 * (rules/signoff-chain.ts), whatever order they are listed in.
 */
export async function saveEscalationChain(user: SessionUser, departmentId: string, levels: string[], opts: { ip?: string } = {}) {
  await authorizeUser(user, "departments:manage", { action: "disclosure.escalation.save", ip: opts.ip });
  const parsed = levels
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [deptId, role] = l.split(":");
      return { deptId, role: role as SignoffRole };
    });
  if (parsed.some((p) => !p.deptId || !(SIGNOFF_ROLES as readonly string[]).includes(p.role))) {
    throw new ValidationError({ levels: ["每一级须为某单位的办公室主任/分管领导或主要领导"] });
  }
  const keys = parsed.map((p) => `${p.deptId}:${p.role}`);
  if (new Set(keys).size !== keys.length) throw new ValidationError({ levels: ["同一层级不能重复"] });
  if (parsed.length > 8) throw new ValidationError({ levels: ["逐级把关链最多8级"] });
  await db().$transaction(async (tx) => {
    const ids = [departmentId, ...parsed.map((p) => p.deptId)];
    const found = await tx.department.count({ where: { id: { in: [...new Set(ids)] } } });
    if (found !== new Set(ids).size) throw new ValidationError({ levels: ["所选机构不存在"] });
    // Only the department itself and the governments above it: a leader of any other
    // department cannot see the item (outside their scope), so such a level could never
    // be signed and the item would be stuck in sign-off.
    const lineOfAuthority = new Set([departmentId, ...(await ancestorIdsOf(tx, departmentId))]);
    const strayIndex = parsed.findIndex((p) => !lineOfAuthority.has(p.deptId));
    if (strayIndex >= 0) {
      throw new ValidationError({ levels: [`第${strayIndex + 1}级须为本机构或其上级机构的领导（其他机构的领导无权处理本机构的信息）`] });
    }
    const before = await tx.disclosureEscalationLevel.findMany({ where: { departmentId }, orderBy: { level: "asc" } });
    await tx.disclosureEscalationLevel.deleteMany({ where: { departmentId } });
    if (parsed.length > 0) {
      await tx.disclosureEscalationLevel.createMany({
        data: parsed.map((p, i) => ({ departmentId, level: i + 1, levelDepartmentId: p.deptId, role: p.role })),
      });
    }
    const renumbered = await renumberSignaturesInSignoff(tx, departmentId);
    await writeAudit(tx, {
      actorId: user.id,
      actorName: user.displayName,
      action: "disclosure.escalation.save",
      entityType: "Department",
      entityId: departmentId,
      ip: opts.ip,
      before: before.map((b) => `${b.levelDepartmentId}:${b.role}`),
      after: keys,
      detail: renumbered > 0 ? `${renumbered}个签发中信息的已有签发意见按新链重新编号` : undefined,
    });
  });
}

/**
 * Sign-off steps are computed from the live chain, so editing it renumbers the steps of
 * negative items already in sign-off. Signatures fill a step by level (role in a
 * department, `sameStep`), so those already given still count; this keeps their stored
 * step number in line with the new plan too, because the unique index
 * (itemId, cycle, stepNo, revisionHash) guards against two people filling one step — a
 * stale number would make the next signer's step collide with it. Signatures of a level
 * the new plan no longer has are numbered after the plan's last step. Items are locked,
 * as every transition locks them, so no signature is recorded against the old plan
 * meanwhile. Returns the number of signatures renumbered.
 */
async function renumberSignaturesInSignoff(tx: Tx, departmentId: string): Promise<number> {
  const items = await tx.$queryRaw<Array<{ id: string; cycle: number; tier: string }>>`
    SELECT i.id, i.cycle, r.tier::text AS tier FROM "DisclosureItem" i
    JOIN "DisclosureRevision" r ON r.id = i."workingRevisionId"
    WHERE i."departmentId" = ${departmentId} AND r.negative
      AND i.state IN ('PENDING_SIGNOFF', 'SCHEDULED')
    ORDER BY i.id FOR UPDATE OF i`;
  let changed = 0;
  for (const item of items) {
    const plan = await signoffPlanFor(tx, departmentId, item.tier as ImportanceTier, true);
    if (!plan.ok) continue; // the workflow reports the configuration error itself
    const sigs = await tx.disclosureSignature.findMany({ where: { itemId: item.id, cycle: item.cycle }, orderBy: { signedAt: "asc" } });
    const orphanLevels: string[] = [];
    const target = sigs.map((sig) => {
      const step = plan.steps.find((st) => sameStep(st, sig));
      if (step) return step.stepNo;
      const key = `${sig.departmentId}:${sig.role}`;
      if (!orphanLevels.includes(key)) orphanLevels.push(key);
      return plan.steps.length + 1 + orphanLevels.indexOf(key);
    });
    const moves = sigs.map((sig, i) => ({ id: sig.id, from: sig.stepNo, to: target[i] })).filter((m) => m.from !== m.to);
    // Two passes through unused negative numbers, so swapping numbers never collides.
    for (const [i, m] of moves.entries()) await tx.disclosureSignature.update({ where: { id: m.id }, data: { stepNo: -1 - i } });
    for (const m of moves) await tx.disclosureSignature.update({ where: { id: m.id }, data: { stepNo: m.to } });
    changed += moves.length;
  }
  return changed;
}
