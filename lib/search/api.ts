// The JSON form of a search, for GET /api/v1/disclosures?q=… (app/api/v1/disclosures/route.ts
// delegates here when `q` is present). Malformed parameters → 400 with a Chinese message;
// anything unexpected → 500 with a generic message and an error id (never a stack trace).

import { publicMessage } from "@/lib/errors";
import { apiListItem } from "@/lib/disclosure/public-api";
import { apiJson } from "@/lib/disclosure/public-http";
import { parseSearchParams } from "./params";
import { searchDisclosures, type SearchResult } from "./search";
import { partsToHtml } from "./snippet";

const dateFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The search result in the open API's shape: every item carries the catalogue list's fields
 * (lib/disclosure/public-api.ts apiListItem, so a client reads both the same way) plus the
 * marked title, the best-matching passage and its rank; facets count each filter's values.
 */
export function searchResultJson(r: SearchResult, origin = "") {
  return {
    query: {
      q: r.query,
      category: r.params.category ?? null,
      department: r.params.department ?? null,
      year: r.params.year ?? null,
      validity: r.params.validity ?? null,
      sort: r.params.sort,
    },
    notices: r.notices,
    total: r.total,
    page: r.params.page,
    pageSize: r.params.pageSize,
    totalPages: r.pages,
    items: r.items.map((h) => ({
      ...apiListItem(origin, { ...h, validity: h.validity.key }),
      publishedOn: dateFmt.format(h.publishedAt),
      /** Escaped HTML with <mark> around the matched words. */
      titleHtml: partsToHtml(h.titleParts),
      /** The best-matching passage: escaped HTML with <mark> around the matched words. */
      snippet: partsToHtml(h.snippetParts),
      rank: h.rank,
    })),
    facets: r.facets,
  };
}

/** Answers GET /api/v1/disclosures?q=… (absolute item links when `origin` is given). */
export async function searchApiResponse(searchParams: URLSearchParams, origin = ""): Promise<Response> {
  const parsed = parseSearchParams(searchParams, { strict: true });
  if (!parsed.ok) return apiJson({ error: parsed.error }, 400);
  try {
    const r = await searchDisclosures(parsed.params);
    r.notices.unshift(...parsed.notices);
    return apiJson(searchResultJson(r, origin));
  } catch (e) {
    const { message, errorId } = publicMessage(e);
    return apiJson({ error: message, errorId }, 500);
  }
}
