import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import type { CategoryInput } from "./category-schema";
import { categoryUsage, isCategoryInUse } from "./category-usage";
import { isSystemCategoryCode } from "./system-codes";

export const DUPLICATE_CODE_MESSAGE = "该分类代码已被使用";
export const CYCLE_MESSAGE = "不能把分类设为自己或下级分类的下级";

/**
 * Create or update a node of the 法定主动公开内容 tree. Refuses a duplicate code, a missing
 * parent and cycles; once any disclosure revision uses the category its code is fixed,
 * because the code is part of every 索引号 issued under it (索引号 must stay stable).
 */
export async function saveCategory(actor: SessionUser, input: CategoryInput, meta: { ip: string }) {
  await authorizeUser(actor, "categories:manage", { action: "category.save", ip: meta.ip });
  const { id, ...data } = input;
  try {
    return await db().$transaction(async (tx) => {
      const before = id ? await lockCategory(tx, id) : null;
      if (id && !before) throw new NotFoundError("该分类不存在");

      const clash = await tx.category.findUnique({ where: { code: data.code }, select: { id: true } });
      if (clash && clash.id !== id) throw new ValidationError({ code: [DUPLICATE_CODE_MESSAGE] });

      if (before && before.code !== data.code) {
        if (isSystemCategoryCode(before.code)) {
          throw new ValidationError({ code: [`分类代码 ${before.code} 由系统功能（结构化公开、公开制度或年度报告）引用，不能修改`] });
        }
        const usage = await categoryUsage(tx, before.id);
        if (isCategoryInUse(usage)) {
          throw new ValidationError({
            code: [`该分类已有 ${usage.revisions} 个信息版本使用，分类代码是索引号的组成部分，已使用的分类不能修改代码（名称等仍可修改）`],
          });
        }
      }

      if (data.parentId) {
        // FOR SHARE: a concurrent deleteCategory of the parent waits for this save (and then
        // sees the new child) or has already removed it (and this save is refused).
        const parent = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Category" WHERE id = ${data.parentId} FOR SHARE`;
        if (!parent.length) throw new ValidationError({ parentId: ["上级分类不存在"] });
        if (id) await refuseCycle(tx, id, data.parentId);
      }

      if (before) {
        const after = await tx.category.update({ where: { id: before.id }, data });
        await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "category.update", entityType: "Category", entityId: before.id, ip: meta.ip, before, after });
        // Category names appear on public pages: clear the cached ones on commit.
        await notifyCatalogueChanged(tx, `category:${before.id}`);
        return after;
      }
      const created = await tx.category.create({ data });
      await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "category.create", entityType: "Category", entityId: created.id, ip: meta.ip, after: created });
      await notifyCatalogueChanged(tx, `category:${created.id}`);
      return created;
    });
  } catch (e) {
    // Two saves with the same new code at the same moment: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new ValidationError({ code: [DUPLICATE_CODE_MESSAGE] });
    throw e;
  }
}

/** Locks the row for the rest of the transaction (concurrent edits of one category queue up). */
export async function lockCategory(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Category" WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) return null;
  return tx.category.findUnique({ where: { id } });
}

/** Walks up from the new parent; meeting the category itself would close a cycle. */
async function refuseCycle(tx: Tx, id: string, parentId: string) {
  // `seen` also stops the walk on a cycle already in the data (not through `id`).
  const seen = new Set<string>();
  for (let cur: string | null = parentId; cur && !seen.has(cur); ) {
    if (cur === id) throw new ValidationError({ parentId: [CYCLE_MESSAGE] });
    seen.add(cur);
    const row: { parentId: string | null } | null = await tx.category.findUnique({ where: { id: cur }, select: { parentId: true } });
    cur = row?.parentId ?? null;
  }
}
