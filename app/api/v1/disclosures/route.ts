import { publicMessage } from "@/lib/errors";
import { apiListItem } from "@/lib/disclosure/public-api";
import { apiJson, requestOrigin } from "@/lib/disclosure/public-http";
import { parseListQuery } from "@/lib/disclosure/public-params";
import { findPublicCategory, findPublicDepartmentByCode, listPublicDisclosures } from "@/lib/disclosure/public-queries";
import { searchApiResponse } from "@/lib/search/api";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/disclosures?category=&department=&year=&page=&pageSize=&after=&before=
 * The public catalogue, newest first (docs/api.md). With `q`, the full-text search of
 * lib/search answers instead (same item shape, plus its own paging limits).
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const origin = requestOrigin(req);
  try {
    // With `q`, the search domain answers (same item fields, plus snippets and facets).
    if (url.searchParams.get("q")?.trim()) return await searchApiResponse(url.searchParams, origin);

    const parsed = parseListQuery(url.searchParams);
    if (!parsed.ok) return apiJson({ error: parsed.error, fieldErrors: parsed.fieldErrors }, 400);
    const q = parsed.query;
    const unknown: Record<string, string[]> = {};
    const [cat, dep] = await Promise.all([
      q.category ? findPublicCategory(q.category) : Promise.resolve(undefined),
      q.department ? findPublicDepartmentByCode(q.department) : Promise.resolve(undefined),
    ]);
    if (cat === null) unknown.category = ["未知的主题分类代码"];
    if (dep === null) unknown.department = ["未知的发布机构代码"];
    if (Object.keys(unknown).length) return apiJson({ error: "查询参数有误", fieldErrors: unknown }, 400);

    const r = await listPublicDisclosures(q);
    return apiJson({
      items: r.items.map((i) => apiListItem(origin, i)),
      total: r.total,
      page: r.page,
      pageSize: r.pageSize,
      totalPages: r.totalPages,
      nextCursor: r.nextCursor,
      prevCursor: r.prevCursor,
    });
  } catch (e) {
    const { message, status } = publicMessage(e);
    return apiJson({ error: message }, status);
  }
}
