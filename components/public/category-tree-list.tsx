import Link from "next/link";
import { categoryHref, type CategoryNode } from "@/lib/site/category-tree";
import { cx } from "@/components/ui/cx";

export type CategoryTreeListProps = {
  nodes: readonly CategoryNode[];
  /** Show descriptions under the names. Default true. */
  showDescriptions?: boolean;
};

/**
 * The 法定主动公开内容 tree as nested lists. Every category links to
 * /xxgk/catalog/{code} and shows its article label (第二十条第（n）项 …) as
 * text, so the structure is conveyed by nesting and indentation, not colour.
 */
export function CategoryTreeList({ nodes, showDescriptions = true }: CategoryTreeListProps) {
  if (nodes.length === 0) return null;
  return <Level nodes={nodes} showDescriptions={showDescriptions} />;
}

function Level({ nodes, showDescriptions }: { nodes: readonly CategoryNode[]; showDescriptions: boolean }) {
  const top = nodes[0]?.depth === 0;
  return (
    <ul className={cx(top ? "space-y-3" : "mt-2 space-y-1 border-s-2 border-line ps-4 sm:ps-6")}>
      {nodes.map((n) => (
        <li key={n.id} className={top ? "rounded-lg border border-line bg-surface p-4" : "py-1"}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link
              href={categoryHref(n.code)}
              className={cx("text-link underline underline-offset-4", top ? "text-lg font-bold" : "text-base")}
            >
              {n.name}
            </Link>
            <span className="rounded border border-line px-2 text-sm text-muted">{n.articleLabel}</span>
          </div>
          {showDescriptions && n.description && n.description !== n.name ? (
            <p className="mt-1 text-sm text-ink-soft">{n.description}</p>
          ) : null}
          {n.children.length ? <Level nodes={n.children} showDescriptions={showDescriptions} /> : null}
        </li>
      ))}
    </ul>
  );
}
