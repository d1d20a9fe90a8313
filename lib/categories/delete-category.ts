import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { InvalidTransitionError, NotFoundError } from "@/lib/errors";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import type { DeleteCategoryInput } from "./category-schema";
import { categoryUsage, isCategoryInUse } from "./category-usage";
import { lockCategory } from "./save-category";
import { isSystemCategoryCode } from "./system-codes";

/**
 * Deletes a category that nothing refers to: no sub-categories, no disclosure revision
 * (any item, any version) and no public search document. Revisions carry the category id
 * without a foreign key, so the check here is what keeps them from dangling.
 */
export async function deleteCategory(actor: SessionUser, input: DeleteCategoryInput, meta: { ip: string }) {
  await authorizeUser(actor, "categories:manage", { action: "category.delete", ip: meta.ip });
  return db().$transaction(async (tx) => {
    const before = await lockCategory(tx, input.id);
    if (!before) throw new NotFoundError("该分类不存在");
    const children = await tx.category.count({ where: { parentId: before.id } });
    if (children > 0) throw new InvalidTransitionError(`该分类下还有 ${children} 个下级分类，请先删除或移走下级分类`);
    if (isSystemCategoryCode(before.code)) {
      throw new InvalidTransitionError(`分类 ${before.code} 由系统功能（结构化公开、公开制度或年度报告）引用，不能删除`);
    }
    const usage = await categoryUsage(tx, before.id);
    if (isCategoryInUse(usage)) {
      throw new InvalidTransitionError(`该分类已有 ${usage.revisions} 个信息版本使用（其中公开 ${usage.searchDocuments} 条），不能删除`);
    }
    await tx.category.delete({ where: { id: before.id } });
    await writeAudit(tx, { actorId: actor.id, actorName: actor.displayName, action: "category.delete", entityType: "Category", entityId: before.id, ip: meta.ip, before });
    await notifyCatalogueChanged(tx, `category:${before.id}`);
    return before;
  });
}
