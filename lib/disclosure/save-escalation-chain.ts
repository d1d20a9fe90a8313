import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { defineVerb, type VerbOptions } from "@/lib/verbs/define-verb";
import { SIGNOFF_ROLES, type SignoffRole } from "./rules/signoff-chain";
import { sameStep } from "./rules/separation-of-duties";
import type { ImportanceTier } from "./rules/validity";
import { ancestorIdsOf, signoffPlanFor } from "./signoff-config";

const LEVEL_MESSAGE = "每一级须为某单位的办公室主任/分管领导或主要领导";

type ChainInput = { departmentId: string; levels: Array<{ deptId: string; role: SignoffRole }> };

const chainLevels = z
  .array(z.string())
  .transform((levels) =>
    levels
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [deptId = "", role = ""] = l.split(":");
        return { deptId, role };
      }),
  )
  .pipe(
    z
      .array(z.object({ deptId: z.string().min(1, LEVEL_MESSAGE), role: z.enum(SIGNOFF_ROLES, { error: LEVEL_MESSAGE }) }))
      .max(8, "逐级把关链最多8级")
      .refine((ls) => new Set(ls.map((p) => `${p.deptId}:${p.role}`)).size === ls.length, "同一层级不能重复"),
  );

const saveChain = defineVerb<ChainInput, { before: string[] }, null, { renumbered: number; keys: string[] }>({
  action: "disclosure.escalation.save",
  entityType: "Department",
  permission: "departments:manage",
  entityId: (i) => i.departmentId,
  notFoundMessage: "所选机构不存在",
  load: async ({ tx, input }) => {
    const dept = await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } });
    if (!dept) return null;
    const before = await tx.disclosureEscalationLevel.findMany({ where: { departmentId: input.departmentId }, orderBy: { level: "asc" } });
    return { before: before.map((b) => `${b.levelDepartmentId}:${b.role}`) };
  },
  decide: async ({ tx, input: { departmentId, levels } }) => {
    const ids = [...new Set(levels.map((p) => p.deptId))];
    const found = await tx.department.count({ where: { id: { in: ids } } });
    if (found !== ids.length) throw new ValidationError({ levels: ["所选机构不存在"] });
    // Only the department itself and the governments above it: a leader of any other
    // department cannot see the item (outside their scope), so such a level could never
    // be signed and the item would be stuck in sign-off.
    const lineOfAuthority = new Set([departmentId, ...(await ancestorIdsOf(tx, departmentId))]);
    const strayIndex = levels.findIndex((p) => !lineOfAuthority.has(p.deptId));
    if (strayIndex >= 0) {
      throw new ValidationError({ levels: [`第${strayIndex + 1}级须为本机构或其上级机构的领导（其他机构的领导无权处理本机构的信息）`] });
    }
    return null;
  },
  apply: async ({ tx, input: { departmentId, levels } }) => {
    await tx.disclosureEscalationLevel.deleteMany({ where: { departmentId } });
    if (levels.length > 0) {
      await tx.disclosureEscalationLevel.createMany({
        data: levels.map((p, i) => ({ departmentId, level: i + 1, levelDepartmentId: p.deptId, role: p.role })),
      });
    }
    const renumbered = await renumberSignaturesInSignoff(tx, departmentId);
    return { renumbered, keys: levels.map((p) => `${p.deptId}:${p.role}`) };
  },
  audit: ({ loaded, result }) => ({
    before: loaded.before,
    after: result.keys,
    detail: result.renumbered > 0 ? `${result.renumbered}个签发中信息的已有签发意见按新链重新编号` : undefined,
  }),
});

/**
 * Replaces a department's 逐级把关 chain for 负面信息. `levels` are "departmentId:ROLE",
 * lowest level first; an empty list restores the default chain. Each level must be in
 * the department or one of its ancestors; the order they are signed in is by rank
 * (rules/signoff-chain.ts), whatever order they are listed in.
 */
export async function saveEscalationChain(
  user: SessionUser | null | undefined,
  departmentId: string,
  levels: string[],
  opts: VerbOptions = {},
) {
  const parsed = chainLevels.safeParse(levels);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? LEVEL_MESSAGE;
    throw new ValidationError({ levels: [message] }, message);
  }
  await saveChain(user, { departmentId, levels: parsed.data }, opts);
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
