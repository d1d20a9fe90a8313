import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import { UNKNOWN_CALENDAR_REGION_MESSAGE, type DepartmentInput } from "./department-schema";

/** Create or update a department; refuses cycles in the tree and unknown calendar regions. */
export async function saveDepartment(actor: SessionUser, input: DepartmentInput, meta: { ip: string }) {
  await authorizeUser(actor, "departments:manage", { action: "department.save", ip: meta.ip });
  const { id, ...data } = input;
  return db().$transaction(async (tx) => {
    const clash = await tx.department.findUnique({ where: { code: data.code }, select: { id: true } });
    if (clash && clash.id !== id) throw new ValidationError({ code: ["该机构代码已被使用"] });
    // Checked here too (not only in the form schema): the region's deadlines must exist to be counted.
    const region = await tx.calendarRegion.findUnique({ where: { code: data.calendarRegion }, select: { code: true } });
    if (!region) throw new ValidationError({ calendarRegion: [UNKNOWN_CALENDAR_REGION_MESSAGE] });
    if (data.parentId) {
      const parent = await tx.department.findUnique({ where: { id: data.parentId }, select: { id: true } });
      if (!parent) throw new ValidationError({ parentId: ["上级机构不存在"] });
      if (id) {
        // Walk up from the new parent; meeting ourselves would make a cycle.
        for (let cur: string | null = data.parentId; cur; ) {
          if (cur === id) throw new ValidationError({ parentId: ["不能把机构设为自己或下级机构的下级"] });
          const row: { parentId: string | null } | null = await tx.department.findUnique({ where: { id: cur }, select: { parentId: true } });
          cur = row?.parentId ?? null;
        }
      }
    }
    if (id) {
      const before = await tx.department.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("该机构不存在");
      const after = await tx.department.update({ where: { id }, data: { ...data, shortName: data.shortName || null } });
      await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "department.update", entityType: "Department", entityId: id, ip: meta.ip, before, after });
      // Department names and contacts appear on public pages: clear the cached ones on commit.
      await notifyCatalogueChanged(tx, `department:${id}`);
      return after;
    }
    const created = await tx.department.create({ data: { ...data, shortName: data.shortName || null } });
    await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "department.create", entityType: "Department", entityId: created.id, ip: meta.ip, after: created });
    await notifyCatalogueChanged(tx, `department:${created.id}`);
    return created;
  });
}
