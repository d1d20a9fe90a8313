import { db } from "@/lib/db/client";
import { buildCategoryTree, type CategoryNode } from "@/lib/site/category-tree";

/** The whole category tree, read directly (staff pages must not see a cached copy). */
export async function loadCategoryTree(): Promise<CategoryNode[]> {
  const rows = await db().category.findMany({
    select: { id: true, code: true, name: true, article: true, description: true, parentId: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return buildCategoryTree(rows);
}

/** Depth-first, in display order. */
export function flattenTree(nodes: readonly CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/**
 * Categories as indented select options for "上级分类", leaving out `excludeId` and
 * everything below it (choosing one of those would make a cycle).
 */
export function parentOptions(tree: readonly CategoryNode[], excludeId?: string): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  const walk = (nodes: readonly CategoryNode[]) => {
    for (const n of nodes) {
      if (n.id === excludeId) continue;
      out.push({ value: n.id, label: `${"　".repeat(n.depth)}${n.code} ${n.name}` });
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}
