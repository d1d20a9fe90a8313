import { defineVerb } from "@/lib/verbs/define-verb";
import { requireAllowed } from "@/lib/verbs/policy";
import { adminPolicy } from "@/lib/auth/admin-policy";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import { deleteCategorySchema } from "./category-schema";
import { categoryFacts, lockCategory } from "./save-category";

/**
 * Deletes a category that nothing refers to: no sub-categories, no disclosure revision
 * (any item, any version) and no public search document. Revisions carry the category id
 * without a foreign key, so the policy's `category.delete` answer (from the facts read
 * under the row lock) is what keeps them from dangling.
 */
export const deleteCategory = defineVerb({
  action: "category.delete",
  entityType: "Category",
  permission: "categories:manage",
  input: deleteCategorySchema,
  entityId: (input) => input.id,
  notFoundMessage: "该分类不存在",
  load: async ({ tx, input }) => {
    const before = await lockCategory(tx, input.id);
    return before && { before, facts: await categoryFacts(tx, before) };
  },
  decide: ({ actor, loaded }) => {
    requireAllowed(adminPolicy(actor, { category: loaded.facts }), "category.delete");
  },
  apply: async ({ tx, loaded }) => {
    await tx.category.delete({ where: { id: loaded.before.id } });
    await notifyCatalogueChanged(tx, `category:${loaded.before.id}`);
    return loaded.before;
  },
  audit: ({ loaded }) => ({ before: loaded.before }),
});
