import "server-only";
import { db } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import { buildCategoryTree, type CategoryNode } from "./category-tree";

/**
 * The whole 法定主动公开内容 tree. Kept in the public read cache, which the category
 * verbs clear with the catalogue notification on commit (as they clear the page cache),
 * so a renamed category never lingers on a cached page.
 */
export async function getCategoryTree(): Promise<CategoryNode[]> {
  const rows = await cachedCatalogue("site:categories", () =>
    db().category.findMany({
      select: { id: true, code: true, name: true, article: true, description: true, parentId: true, sortOrder: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
  );
  return buildCategoryTree(rows);
}
