import { itemPath } from "@/lib/disclosure/public-params";
import { getPublicItem, publicSiteInfo } from "@/lib/disclosure/public-queries";
import { statusPage } from "@/lib/disclosure/public-http";

export const dynamic = "force-dynamic";

/**
 * 410 Gone for an item withdrawn as 发布错误 (the App Router cannot answer 410 from a
 * page, so the item page redirects here). Any other item goes back to its own page, so
 * this URL never claims more than the item page does.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const item = await getPublicItem(id);
  const { siteName } = await publicSiteInfo();
  if (item.view === "GONE") {
    return statusPage({
      status: 410,
      title: "该信息已撤回",
      message: `索引号为 ${item.indexNumber} 的政府信息因发布错误已撤回，不再提供查阅和下载。`,
      siteName,
    });
  }
  if (item.view === "HIDDEN") {
    return statusPage({ status: 404, title: "未找到该信息", message: "您访问的政府信息不存在或尚未公开。", siteName });
  }
  return new Response(null, { status: 303, headers: { Location: itemPath(id) } });
}
