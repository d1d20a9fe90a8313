// Search parameters from a URL (the /search page and GET /api/v1/disclosures?q=…). Pure.
//
// The URL holds the whole state: q, sort, page and one value per facet (category and
// department by code, year, validity). A facet value is a single choice, so the count shown
// next to it is exactly the number of results after choosing it.

import { VALIDITIES, type Validity } from "@/lib/disclosure/rules/validity";
import { MAX_QUERY_CHARS } from "./query";

export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE_SIZE = 50;
/** Results beyond the first MAX_SEARCH_PAGE pages are not offered: narrow the search instead. */
export const MAX_SEARCH_PAGE = 50;

export const SORTS = ["relevance", "newest"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchParams {
  q: string;
  category?: string;
  department?: string;
  year?: number;
  validity?: Validity;
  sort: Sort;
  page: number;
  pageSize: number;
}

export type ParsedSearch = { ok: true; params: SearchParams; notices: string[] } | { ok: false; error: string };

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

function get(input: Input, key: string): string | undefined {
  const v = input instanceof URLSearchParams ? input.get(key) : input[key];
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" && x.trim() !== "" ? x.trim() : undefined;
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Parses search parameters. `strict` (the API) answers 400 with a Chinese message for a
 * malformed value; the page is lenient and falls back to a default, saying so.
 */
export function parseSearchParams(input: Input, opts: { strict?: boolean } = {}): ParsedSearch {
  const notices: string[] = [];
  const problem = (msg: string): ParsedSearch | null => {
    if (opts.strict) return { ok: false, error: msg };
    notices.push(msg);
    return null;
  };

  const rawQ = get(input, "q") ?? "";
  let q = rawQ;
  if ([...rawQ].length > MAX_QUERY_CHARS) {
    // Cut rather than refuse: the first words of a pasted paragraph are still a search.
    q = [...rawQ].slice(0, MAX_QUERY_CHARS).join("");
    notices.push(`检索词过长，仅使用前${MAX_QUERY_CHARS}个字`);
  }

  const out: SearchParams = { q, sort: "relevance", page: 1, pageSize: SEARCH_PAGE_SIZE };

  for (const key of ["category", "department"] as const) {
    const v = get(input, key);
    if (v === undefined) continue;
    if (CODE.test(v)) out[key] = v;
    else {
      const r = problem(key === "category" ? "主题分类代码格式不正确" : "发布机构代码格式不正确");
      if (r) return r;
    }
  }

  const year = get(input, "year");
  if (year !== undefined) {
    const n = /^\d{4}$/.test(year) ? Number(year) : NaN;
    if (n >= 1949 && n <= 2100) out.year = n;
    else {
      const r = problem("年份应为1949至2100之间的四位数字");
      if (r) return r;
    }
  }

  const validity = get(input, "validity");
  if (validity !== undefined) {
    if ((VALIDITIES as readonly string[]).includes(validity)) out.validity = validity as Validity;
    else {
      const r = problem(`有效性应为 ${VALIDITIES.join("、")} 之一`);
      if (r) return r;
    }
  }

  const sort = get(input, "sort");
  if (sort !== undefined) {
    if ((SORTS as readonly string[]).includes(sort)) out.sort = sort as Sort;
    else {
      const r = problem("排序方式应为 relevance 或 newest");
      if (r) return r;
    }
  }
  if (!q) out.sort = "newest";

  const page = get(input, "page");
  if (page !== undefined) {
    const n = /^\d{1,9}$/.test(page) ? Number(page) : NaN;
    if (!(n >= 1)) {
      const r = problem("页码应为正整数");
      if (r) return r;
    } else if (n > MAX_SEARCH_PAGE) {
      const r = problem(`仅提供前${MAX_SEARCH_PAGE}页结果，请增加检索词或筛选条件缩小范围`);
      if (r) return r;
      out.page = MAX_SEARCH_PAGE;
    } else out.page = n;
  }

  const size = get(input, "pageSize");
  if (size !== undefined) {
    const n = /^\d{1,9}$/.test(size) ? Number(size) : NaN;
    if (n >= 1 && n <= MAX_SEARCH_PAGE_SIZE) out.pageSize = n;
    else {
      const r = problem(`每页条数应为1至${MAX_SEARCH_PAGE_SIZE}之间的整数`);
      if (r) return r;
    }
  }

  return { ok: true, params: out, notices };
}

/** The URL of a search state (the page's links: facets, sort, pagination). */
export function searchHref(p: Partial<SearchParams>, base = "/search"): string {
  const u = new URLSearchParams();
  if (p.q) u.set("q", p.q);
  if (p.category) u.set("category", p.category);
  if (p.department) u.set("department", p.department);
  if (p.year) u.set("year", String(p.year));
  if (p.validity) u.set("validity", p.validity);
  if (p.q && p.sort === "newest") u.set("sort", "newest");
  if (p.page && p.page > 1) u.set("page", String(p.page));
  const s = u.toString();
  return s ? `${base}?${s}` : base;
}
