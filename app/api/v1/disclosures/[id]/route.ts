import { publicMessage } from "@/lib/errors";
import { apiItemDetail } from "@/lib/disclosure/public-api";
import { apiJson, requestOrigin } from "@/lib/disclosure/public-http";
import { itemPath } from "@/lib/disclosure/public-params";
import { getPublicItem } from "@/lib/structured/public-item";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/disclosures/{id}: one item's metadata, body and attachment download URLs,
 * with the same visibility rule as its page — 404 never published/withheld, 410 withdrawn
 * as 发布错误, `status: "REPLACED"` with the replacement for 已被替代 (docs/api.md).
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const origin = requestOrigin(req);
  try {
    const r = await getPublicItem(id);
    switch (r.view) {
      case "HIDDEN":
        return apiJson({ error: "未找到该信息" }, 404);
      case "GONE":
        return apiJson({ error: "该信息因发布错误已撤回", id: r.id, indexNo: r.indexNumber }, 410);
      case "REPLACED":
        return apiJson({
          id: r.id,
          status: "REPLACED",
          indexNo: r.indexNumber,
          title: r.title,
          withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
          note: r.note,
          replacement: r.replacement
            ? {
                id: r.replacement.id,
                indexNo: r.replacement.indexNumber,
                title: r.replacement.title,
                url: origin + itemPath(r.replacement.id),
              }
            : null,
          url: origin + itemPath(r.id),
        });
      default:
        return apiJson(apiItemDetail(origin, r));
    }
  } catch (e) {
    const { message, status } = publicMessage(e);
    return apiJson({ error: message }, status);
  }
}
