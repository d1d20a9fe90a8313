import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/client";
import { buildCategoryTree, type CategoryNode } from "./category-tree";

/** Cache tag of the category tree; revalidate it when categories change. */
export const CATEGORIES_TAG = "categories";

const loadCategoryRows = unstable_cache(
  async () =>
    db().category.findMany({
      select: { id: true, code: true, name: true, article: true, description: true, parentId: true, sortOrder: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
  ["site-categories", "v1"],
  // The time limit is a safety net for writers that forget to revalidate.
  { tags: [CATEGORIES_TAG], revalidate: 300 },
);

/** The whole 法定主动公开内容 tree, cached under the tag "categories". */
export async function getCategoryTree(): Promise<CategoryNode[]> {
  return buildCategoryTree(await loadCategoryRows());
}
