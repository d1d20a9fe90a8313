import { Pagination } from "@/components/ui/pagination";
import type { PublicListPage } from "@/lib/disclosure/public-queries";

export type DisclosurePaginationProps = {
  basePath: string;
  /** Filter parameters to keep in every link (empty values are dropped). */
  keep: Record<string, string | number | undefined>;
  result: Pick<PublicListPage, "page" | "totalPages" | "total" | "nextCursor" | "prevCursor">;
};

/**
 * Page links for the catalogue. 上一页/下一页 (and the neighbouring numbers) carry a keyset
 * cursor (`after`/`before`), so paging on never scans; other numbers are plain `?page=N`,
 * which the query reads from the nearer end of the list. Works without JavaScript.
 */
export function DisclosurePagination({ basePath, keep, result }: DisclosurePaginationProps) {
  const href = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(keep)) if (v !== undefined && v !== "") qs.set(k, String(v));
    if (p > 1) qs.set("page", String(p));
    if (p === result.page + 1 && result.nextCursor) qs.set("after", result.nextCursor);
    else if (p === result.page - 1 && p > 1 && result.prevCursor) qs.set("before", result.prevCursor);
    const s = qs.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return <Pagination page={result.page} totalPages={result.totalPages} basePath={basePath} hrefForPage={href} totalItems={result.total} />;
}
