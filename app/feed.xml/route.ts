import { escapeHtml, requestOrigin } from "@/lib/disclosure/public-http";
import { itemPath } from "@/lib/disclosure/public-params";
import { publicFeedEntries, publicSiteInfo } from "@/lib/disclosure/public-queries";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

// XML 1.0 forbids most control characters even when escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const x = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));

/** Atom feed of the newest 50 published disclosures (GET /feed.xml). */
export async function GET(req: Request) {
  const origin = requestOrigin(req);
  const [entries, settings] = await Promise.all([publicFeedEntries(FEED_SIZE), publicSiteInfo()]);
  const updated = entries.reduce((m, e) => (e.updatedAt > m ? e.updatedAt : m), entries[0]?.updatedAt ?? new Date(0));
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${x(settings.siteName)}政府信息公开 · 最新公开</title>
  <subtitle>${x(settings.hostOrg)}最新主动公开的政府信息</subtitle>
  <id>${x(origin)}/feed.xml</id>
  <link rel="self" type="application/atom+xml" href="${x(origin)}/feed.xml"/>
  <link rel="alternate" type="text/html" href="${x(origin)}/xxgk"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${x(settings.hostOrg)}</name></author>
${entries
  .map(
    (e) => `  <entry>
    <title>${x(e.title)}</title>
    <id>${x(origin + itemPath(e.id))}</id>
    <link rel="alternate" type="text/html" href="${x(origin + itemPath(e.id))}"/>
    <published>${e.publishedAt.toISOString()}</published>
    <updated>${(e.updatedAt > e.publishedAt ? e.updatedAt : e.publishedAt).toISOString()}</updated>
    ${e.department ? `<author><name>${x(e.department.name)}</name></author>` : ""}
    ${e.category ? `<category term="${x(e.category.code)}" label="${x(e.category.name)}"/>` : ""}
    <summary>${x([e.indexNumber && `索引号：${e.indexNumber}`, e.documentNumber && `文号：${e.documentNumber}`, e.summary].filter(Boolean).join("　"))}</summary>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=0, must-revalidate",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
