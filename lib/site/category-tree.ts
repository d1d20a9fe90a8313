// Builds the 法定主动公开内容 category tree from flat rows. Pure, unit-tested.

/** A Category row as the public pages read it. */
export type CategoryRow = {
  id: string;
  code: string;
  name: string;
  article: string;
  description: string;
  parentId: string | null;
  sortOrder: number;
};

/** A node of the built tree. */
export type CategoryNode = Omit<CategoryRow, "parentId"> & {
  /** The node's own article, or the nearest ancestor's when its own is empty. */
  articleLabel: string;
  /** 0 for a top-level category. */
  depth: number;
  children: CategoryNode[];
};

/** Label shown when neither a category nor any ancestor names an article. */
export const LOCAL_CATEGORY_LABEL = "地方补充目录";

/**
 * Nests categories by parentId, ordered by sortOrder then code. A row whose
 * parent is missing (or that sits on a parent cycle) is shown at the top level
 * rather than dropped, so nothing published becomes unreachable.
 */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const childrenOf = new Map<string | null, CategoryRow[]>();
  for (const r of rows) {
    const parent = r.parentId && byId.has(r.parentId) && !onCycle(r, byId) ? r.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(r);
    childrenOf.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parentId: string | null, depth: number, inherited: string): CategoryNode[] =>
    (childrenOf.get(parentId) ?? [])
      .slice()
      .sort(compareRows)
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => {
        const articleLabel = r.article.trim() || inherited;
        return {
          id: r.id,
          code: r.code,
          name: r.name,
          article: r.article,
          description: r.description,
          sortOrder: r.sortOrder,
          articleLabel: articleLabel || LOCAL_CATEGORY_LABEL,
          depth,
          children: build(r.id, depth + 1, articleLabel),
        };
      });
  return build(null, 0, "");
}

/** Number of nodes in a tree (all levels). */
export function countCategories(nodes: readonly CategoryNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countCategories(c.children), 0);
}

/** Path segment for a category page: `/xxgk/catalog/{code}` (code URL-encoded). */
export function categoryHref(code: string): string {
  return `/xxgk/catalog/${encodeURIComponent(code)}`;
}

function compareRows(a: CategoryRow, b: CategoryRow): number {
  return a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** True when following parents from `row` comes back to `row`. */
function onCycle(row: CategoryRow, byId: Map<string, CategoryRow>): boolean {
  const visited = new Set<string>([row.id]);
  let cur = row.parentId ? byId.get(row.parentId) : undefined;
  while (cur) {
    if (visited.has(cur.id)) return cur.id === row.id;
    visited.add(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return false;
}
