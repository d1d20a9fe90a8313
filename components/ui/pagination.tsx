import Link from "next/link";
import { cx } from "./cx";
import { clampPage, pageHref, pageSlots } from "./pagination-model";

export type PaginationProps = {
  /** Current page, 1-based (clamped into range). */
  page: number;
  /** Number of pages; nothing renders when it is ≤ 1. */
  totalPages: number;
  /** Path the page links point to, e.g. "/xxgk/catalog/A01". */
  basePath: string;
  /** Current search params to keep in the links (the page param is replaced). */
  searchParams?: Record<string, string | string[] | undefined>;
  /** Query parameter holding the page number. Default "page". */
  pageParam?: string;
  /** Overrides link building entirely (server components only). */
  hrefForPage?: (page: number) => string;
  /** Total number of items, shown as "共 N 条" when given. */
  totalItems?: number;
  className?: string;
};

const item = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-3 text-base";

/**
 * Link-based pagination (works without JavaScript): 首页 / 上一页 / numbers /
 * 下一页 / 尾页 inside <nav aria-label="分页">. The current page is marked
 * with aria-current="page" plus bold text and a border, not colour alone.
 */
export function Pagination({
  page,
  totalPages,
  basePath,
  searchParams,
  pageParam = "page",
  hrefForPage,
  totalItems,
  className,
}: PaginationProps) {
  const total = Math.max(1, Math.floor(totalPages));
  if (total <= 1 && totalItems === undefined) return null;
  const cur = clampPage(page, total);
  const href = hrefForPage ?? ((p: number) => pageHref(basePath, p, searchParams, pageParam));

  const edge = (target: number, label: string, disabled: boolean) =>
    disabled ? (
      <span className={cx(item, "cursor-not-allowed text-muted opacity-70")} aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link href={href(target)} className={cx(item, "bg-surface text-link hover:bg-brand-soft")}>
        {label}
      </Link>
    );

  return (
    <nav aria-label="分页" className={cx("mt-6", className)}>
      <ul className="flex flex-wrap items-center gap-2">
        {total > 1 ? (
          <>
            <li>{edge(1, "首页", cur === 1)}</li>
            <li>{edge(cur - 1, "上一页", cur === 1)}</li>
            {pageSlots(cur, total).map((slot, i) =>
              slot === "ellipsis" ? (
                <li key={`e${i}`} aria-hidden="true" className="px-1 text-muted">
                  …
                </li>
              ) : (
                <li key={slot}>
                  {slot === cur ? (
                    <Link
                      href={href(slot)}
                      aria-current="page"
                      className={cx(item, "border-2 border-brand bg-brand text-on-brand font-bold no-underline")}
                    >
                      <span className="sr-only">第</span>
                      {slot}
                      <span className="sr-only">页（当前页）</span>
                    </Link>
                  ) : (
                    <Link href={href(slot)} className={cx(item, "bg-surface text-link hover:bg-brand-soft")}>
                      <span className="sr-only">第</span>
                      {slot}
                      <span className="sr-only">页</span>
                    </Link>
                  )}
                </li>
              ),
            )}
            <li>{edge(cur + 1, "下一页", cur === total)}</li>
            <li>{edge(total, "尾页", cur === total)}</li>
          </>
        ) : null}
        <li className="ms-1 text-sm text-muted">
          第 {cur} / {total} 页{totalItems !== undefined ? `，共 ${totalItems} 条` : ""}
        </li>
      </ul>
    </nav>
  );
}
