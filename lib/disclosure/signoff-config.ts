import type { Db, Tx } from "@/lib/db/client";
import { buildSignoffSteps, type ChainLevel, type SignoffPlan } from "./rules/signoff-chain";
import type { ImportanceTier } from "./rules/validity";

/**
 * A department's 逐级把关 chain for 负面信息: the configured rows, or the default
 * DIRECTOR → PRINCIPAL of the department → PRINCIPAL of the parent government.
 */
export async function loadEscalationChain(
  c: Db | Tx,
  departmentId: string,
): Promise<{ chain: ChainLevel[]; configured: boolean; parentId: string | null }> {
  const [dept, rows] = await Promise.all([
    c.department.findUniqueOrThrow({ where: { id: departmentId }, select: { parentId: true } }),
    c.disclosureEscalationLevel.findMany({ where: { departmentId }, orderBy: { level: "asc" } }),
  ]);
  if (rows.length > 0) {
    return { chain: rows.map((r) => ({ departmentId: r.levelDepartmentId, role: r.role })), configured: true, parentId: dept.parentId };
  }
  const chain: ChainLevel[] = [
    { departmentId, role: "DIRECTOR" },
    { departmentId, role: "PRINCIPAL" },
  ];
  if (dept.parentId) chain.push({ departmentId: dept.parentId, role: "PRINCIPAL" });
  return { chain, configured: false, parentId: dept.parentId };
}

/** The department's ancestors, nearest first (its parent government, then that one's parent …). */
export async function ancestorIdsOf(c: Db | Tx, departmentId: string): Promise<string[]> {
  const rows = await c.$queryRaw<Array<{ id: string; depth: number }>>`
    WITH RECURSIVE up AS (
      SELECT d."parentId" AS id, 1 AS depth FROM "Department" d WHERE d.id = ${departmentId}
      UNION ALL
      SELECT p."parentId", up.depth + 1 FROM "Department" p JOIN up ON p.id = up.id
      WHERE up.depth < 32
    )
    SELECT id, depth FROM up WHERE id IS NOT NULL ORDER BY depth`;
  return rows.map((r) => r.id);
}

export async function signoffPlanFor(c: Db | Tx, departmentId: string, tier: ImportanceTier, negative: boolean): Promise<SignoffPlan> {
  const [{ chain, parentId }, ancestorIds] = await Promise.all([
    loadEscalationChain(c, departmentId),
    negative ? ancestorIdsOf(c, departmentId) : Promise.resolve(undefined),
  ]);
  return buildSignoffSteps({ tier, negative, departmentId, parentDepartmentId: parentId, escalationChain: chain, ancestorIds });
}
