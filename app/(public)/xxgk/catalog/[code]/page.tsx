import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DisclosureFilters } from "@/components/public/disclosure-filters";
import { DisclosureList } from "@/components/public/disclosure-list";
import { DisclosurePagination } from "@/components/public/disclosure-pagination";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { parseListQuery } from "@/lib/disclosure/public-params";
import { listPublicDisclosures, publicYears } from "@/lib/disclosure/public-queries";
import { getCategoryTree } from "@/lib/site/catalog";
import { categoryHref, type CategoryNode } from "@/lib/site/category-tree";
import { getPublicDepartments } from "@/lib/site/departments";
import { safeLoad } from "@/lib/site/safe-load";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Path from the root to the node with `code`, or null. */
function pathTo(nodes: readonly CategoryNode[], code: string): CategoryNode[] | null {
  for (const n of nodes) {
    if (n.code === code) return [n];
    const below = pathTo(n.children, code);
    if (below) return [n, ...below];
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const tree = await getCategoryTree().catch(() => []);
  const node = pathTo(tree, safeDecode(code))?.at(-1);
  return { title: node ? node.name : "法定主动公开内容" };
}

/**
 * One category of 法定主动公开内容 (including its sub-categories), newest first, filtered
 * by 发布机构 and 发布年份; keyset pagination (see DisclosurePagination).
 */
export default async function CatalogCategoryPage({ params, searchParams }: Props) {
  const { code: rawCode } = await params;
  const code = safeDecode(rawCode);
  const sp = await searchParams;

  const treeLoad = await safeLoad(getCategoryTree);
  if (!treeLoad.ok) return <LoadError message={treeLoad.message} errorId={treeLoad.errorId} />;
  const path = pathTo(treeLoad.data, code);
  const node = path?.at(-1);
  if (!path || !node) notFound();

  const parsed = parseListQuery(sp);
  // The category select of the filter form submits `category`: move to that category's page.
  if (parsed.ok && parsed.query.category && parsed.query.category !== code) {
    const qs = new URLSearchParams();
    if (parsed.query.department) qs.set("department", parsed.query.department);
    if (parsed.query.year) qs.set("year", String(parsed.query.year));
    const s = qs.toString();
    redirect(`${categoryHref(parsed.query.category)}${s ? `?${s}` : ""}`);
  }
  const query = parsed.ok ? { ...parsed.query, category: code, q: undefined } : null;

  const [listLoad, departmentsLoad, yearsLoad] = await Promise.all([
    query ? safeLoad(() => listPublicDisclosures(query)) : Promise.resolve(null),
    safeLoad(getPublicDepartments),
    safeLoad(publicYears),
  ]);
  const basePath = categoryHref(code);

  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[
          { label: "首页", href: "/" },
          { label: "政府信息公开", href: "/xxgk" },
          { label: "法定主动公开内容", href: "/xxgk/catalog" },
          ...path.slice(0, -1).map((n) => ({ label: n.name, href: categoryHref(n.code) })),
          { label: node.name },
        ]}
      />
      <PageTitle title={node.name} description={<span>{node.articleLabel}</span>} />
      {node.children.length ? (
        <nav aria-label="子分类" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {node.children.map((c) => (
              <li key={c.id}>
                <Link
                  href={categoryHref(c.code)}
                  className="inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-3 text-link underline underline-offset-4"
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <DisclosureFilters
        action={basePath}
        categories={treeLoad.data}
        departments={departmentsLoad.ok ? departmentsLoad.data : []}
        years={yearsLoad.ok ? yearsLoad.data : []}
        selected={{
          category: code,
          department: parsed.ok ? parsed.query.department : undefined,
          year: parsed.ok ? parsed.query.year : undefined,
        }}
      />
      {!parsed.ok ? (
        <Alert tone="error" title="筛选条件有误">
          <ul>
            {Object.values(parsed.fieldErrors)
              .flat()
              .map((m) => (
                <li key={m}>{m}</li>
              ))}
          </ul>
        </Alert>
      ) : listLoad && !listLoad.ok ? (
        <LoadError message={listLoad.message} errorId={listLoad.errorId} />
      ) : listLoad ? (
        listLoad.data.items.length === 0 ? (
          <Alert tone="info" role="none" title={listLoad.data.total === 0 ? "该分类下暂无公开信息" : "该页没有内容"}>
            {listLoad.data.total > 0 ? (
              <Link href={basePath} className="text-link underline underline-offset-4">
                返回第一页
              </Link>
            ) : null}
          </Alert>
        ) : (
          <>
            <DisclosureList rows={listLoad.data.items} caption={`${node.name}公开信息列表`} />
            <DisclosurePagination basePath={basePath} keep={{ department: query?.department, year: query?.year }} result={listLoad.data} />
          </>
        )
      ) : null}
    </>
  );
}
