// Pure helpers for <Pagination>. Unit-tested (tests/unit/site-pagination.test.ts).

export type PageSlot = number | "ellipsis";

/**
 * The page numbers to show: always the first and last page, `siblings` pages
 * either side of the current one, and "ellipsis" for each gap of 2+ pages
 * (a gap of exactly one page shows that page instead).
 */
export function pageSlots(current: number, total: number, siblings = 1): PageSlot[] {
  const last = Math.max(1, Math.floor(total));
  const cur = clampPage(current, last);
  const wanted = new Set<number>([1, last]);
  for (let p = cur - siblings; p <= cur + siblings; p++) if (p >= 1 && p <= last) wanted.add(p);
  const pages = [...wanted].sort((a, b) => a - b);
  const out: PageSlot[] = [];
  let prev: number | undefined;
  for (const p of pages) {
    if (prev !== undefined && p - prev === 2) out.push(p - 1);
    else if (prev !== undefined && p - prev > 2) out.push("ellipsis");
    out.push(p);
    prev = p;
  }
  return out;
}

/** Clamps a (possibly NaN) page number into 1..total. */
export function clampPage(page: number, total: number): number {
  const last = Math.max(1, Math.floor(total));
  if (!Number.isFinite(page)) return 1;
  return Math.min(last, Math.max(1, Math.floor(page)));
}

/**
 * Parses a `?page=` search-param value: a positive integer, else 1. Accepts the
 * `string | string[] | undefined` shape of Next's searchParams.
 */
export function parsePageParam(value: string | string[] | undefined): number {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !/^\d{1,6}$/.test(v)) return 1;
  return Math.max(1, Number(v));
}

/**
 * Builds the href of `page`: `basePath` with the other `searchParams` kept and
 * `pageParam` set (removed for page 1, so page 1 has one canonical URL).
 */
export function pageHref(
  basePath: string,
  page: number,
  searchParams: Record<string, string | string[] | undefined> = {},
  pageParam = "page",
): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === pageParam || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(key, v);
  }
  if (page > 1) qs.set(pageParam, String(page));
  const s = qs.toString();
  return s ? `${basePath}?${s}` : basePath;
}
