import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { SIGNOFF_ROLES, type SignoffRole } from "./rules/signoff-chain";

/**
 * Replaces a department's 逐级把关 chain for 负面信息. `levels` are "departmentId:ROLE",
 * lowest level first; an empty list restores the default chain.
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
    const before = await tx.disclosureEscalationLevel.findMany({ where: { departmentId }, orderBy: { level: "asc" } });
    await tx.disclosureEscalationLevel.deleteMany({ where: { departmentId } });
    if (parsed.length > 0) {
      await tx.disclosureEscalationLevel.createMany({
        data: parsed.map((p, i) => ({ departmentId, level: i + 1, levelDepartmentId: p.deptId, role: p.role })),
      });
    }
    await writeAudit(tx, {
      actorId: user.id,
      actorName: user.displayName,
      action: "disclosure.escalation.save",
      entityType: "Department",
      entityId: departmentId,
      ip: opts.ip,
      before: before.map((b) => `${b.levelDepartmentId}:${b.role}`),
      after: keys,
    });
  });
}
