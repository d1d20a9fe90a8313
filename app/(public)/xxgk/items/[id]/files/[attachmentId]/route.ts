import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { uploadDir } from "@/lib/disclosure/attachments";
import { contentDisposition } from "@/lib/disclosure/public-format";
import { statusPage } from "@/lib/disclosure/public-http";
import { itemPath } from "@/lib/disclosure/public-params";
import { getPublicAttachment, publicSiteInfo } from "@/lib/disclosure/public-queries";
import { ATTACHMENT_KIND_INFO, type AttachmentKind } from "@/lib/disclosure/rules/attachment-type";

export const dynamic = "force-dynamic";

const STORAGE_NAME = /^[0-9a-f]{32}\.[a-z]{3,4}$/;

/**
 * Download of an attachment of an item's *published* revision, under the same visibility
 * rule as the item page: 404 for unpublished/withheld items and foreign files, 410 for
 * 发布错误 withdrawals, 303 to the item page for 已被替代. Sent as an attachment with
 * nosniff and a sandbox CSP, so a file can never run as a page of this site.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await ctx.params;
  const r = await getPublicAttachment(id, attachmentId);
  if (r.view === "GONE") {
    const { siteName } = await publicSiteInfo();
    return statusPage({ status: 410, title: "该附件已撤回", message: "该附件所属的政府信息因发布错误已撤回，不再提供下载。", siteName });
  }
  if (r.view === "HIDDEN") {
    const { siteName } = await publicSiteInfo();
    return statusPage({ status: 404, title: "未找到该附件", message: "您要下载的附件不存在或尚未公开。", siteName });
  }
  if (r.view === "REPLACED") return new Response(null, { status: 303, headers: { Location: itemPath(r.itemId) } });

  const a = r.attachment;
  const etag = `"${a.sha256}"`;
  const common = {
    ETag: etag,
    // Revalidate every time: a withdrawal must stop downloads at once.
    "Cache-Control": "public, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: common });

  if (!STORAGE_NAME.test(a.storageName)) throw new Error(`bad storage name for attachment ${a.id}`);
  const file = path.join(uploadDir(), a.storageName);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    console.error(`[attachments] 附件文件缺失: ${a.id}`);
    const { siteName } = await publicSiteInfo();
    return statusPage({
      status: 500,
      title: "附件暂时无法下载",
      message: "附件文件暂时无法读取，请稍后再试或联系网站管理部门。",
      siteName,
    });
  }
  const ext = ATTACHMENT_KIND_INFO[a.kind as AttachmentKind].ext;
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      ...common,
      "Content-Type": a.mime || "application/octet-stream",
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(a.fileName, ext),
    },
  });
}
