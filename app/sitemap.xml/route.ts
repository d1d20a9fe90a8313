import { escapeHtml, requestOrigin } from "@/lib/disclosure/public-http";
import { itemPath } from "@/lib/disclosure/public-params";
import { publicSitemapEntries } from "@/lib/disclosure/public-queries";
import { getCategoryTree } from "@/lib/site/catalog";
import { categoryHref, type CategoryNode } from "@/lib/site/category-tree";
import { getPublicDepartments } from "@/lib/site/departments";
import { PUBLIC_NAV } from "@/lib/site/navigation";

export const dynamic = "force-dynamic";

/** A sitemap holds at most 50,000 URLs; the newest items fill what the fixed pages leave. */
const MAX_URLS = 50_000;

/**
 * GET /sitemap.xml: the public pages (navigation, categories, departments) and the newest
 * published items. Older items stay reachable through the catalogue's pages, which are
 * listed here too. (For a catalogue far above 50,000 items, split into a sitemap index.)
 */
export async function GET(req: Request) {
  const origin = requestOrigin(req);
  const [tree, departments] = await Promise.all([getCategoryTree().catch(() => []), getPublicDepartments().catch(() => [])]);
  const pages = new Set<string>([...PUBLIC_NAV.map((n) => n.href), "/xxgk/departments", "/search"]);
  const walk = (nodes: readonly CategoryNode[]) => {
    for (const n of nodes) {
      pages.add(categoryHref(n.code));
      walk(n.children);
    }
  };
  walk(tree);
  for (const d of departments) pages.add(`/xxgk/departments/${encodeURIComponent(d.id)}`);
  const items = await publicSitemapEntries(MAX_URLS - pages.size);

  const urls = [
    ...[...pages].map((p) => `  <url><loc>${escapeHtml(origin + p)}</loc></url>`),
    ...items.map((i) => `  <url><loc>${escapeHtml(origin + itemPath(i.id))}</loc><lastmod>${i.lastModified.toISOString()}</lastmod></url>`),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=0, must-revalidate",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
