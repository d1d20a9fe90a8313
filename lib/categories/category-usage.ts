import type { Db, Tx } from "@/lib/db/client";

export type CategoryUsage = {
  /** Disclosure revisions (any item, any version, published or not) filed under the category. */
  revisions: number;
  /** Public search documents of the category (items citizens can see). */
  searchDocuments: number;
};

/**
 * How much of the catalogue refers to a category. Revisions are immutable and carry the
 * category id, and every 索引号 issued under the category contains its code, so any use
 * fixes the code and forbids deletion.
 */
export async function categoryUsage(c: Tx | Db, categoryId: string): Promise<CategoryUsage> {
  // Sequential: inside an interactive transaction the queries share one connection anyway.
  const revisions = await c.disclosureRevision.count({ where: { categoryId } });
  const searchDocuments = await c.searchDocument.count({ where: { categoryId } });
  return { revisions, searchDocuments };
}

export function isCategoryInUse(u: CategoryUsage): boolean {
  return u.revisions > 0 || u.searchDocuments > 0;
}
