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
import { departmentAnchor, getPublicDepartments } from "@/lib/site/departments";
import { safeLoad } from "@/lib/site/safe-load";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const departmentPath = (id: string) => `/xxgk/departments/${encodeURIComponent(id)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const deps = await getPublicDepartments().catch(() => []);
  const d = deps.find((x) => x.id === id);
  return { title: d ? `${d.name}公开信息` : "政府信息公开机构" };
}

/** The items one department (发布机构) published, newest first, by 主题分类 and 发布年份. */
export default async function DepartmentItemsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const depsLoad = await safeLoad(getPublicDepartments);
  if (!depsLoad.ok) return <LoadError message={depsLoad.message} errorId={depsLoad.errorId} />;
  const dept = depsLoad.data.find((d) => d.id === id);
  if (!dept) notFound();

  const parsed = parseListQuery(sp);
  // A department picked in another form: go to its page.
  if (parsed.ok && parsed.query.department && parsed.query.department !== dept.code) {
    const other = depsLoad.data.find((d) => d.code === parsed.query.department);
    if (other) redirect(departmentPath(other.id));
  }
  const query = parsed.ok ? { ...parsed.query, department: dept.code, q: undefined } : null;
  const [listLoad, treeLoad, yearsLoad] = await Promise.all([
    query ? safeLoad(() => listPublicDisclosures(query)) : Promise.resolve(null),
    safeLoad(getCategoryTree),
    safeLoad(publicYears),
  ]);
  const basePath = departmentPath(dept.id);

  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[
          { label: "首页", href: "/" },
          { label: "政府信息公开", href: "/xxgk" },
          { label: "政府信息公开机构", href: "/xxgk/departments" },
          { label: dept.name },
        ]}
      />
      <PageTitle
        title={`${dept.name}公开信息`}
        description={
          <Link href={`/xxgk/departments#${departmentAnchor(dept.code)}`} className="text-link underline underline-offset-4">
            查看办公地址、办公时间和联系电话
          </Link>
        }
      />
      <DisclosureFilters
        action={basePath}
        categories={treeLoad.ok ? treeLoad.data : []}
        years={yearsLoad.ok ? yearsLoad.data : []}
        selected={{ category: query?.category, year: query?.year }}
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
          <Alert
            tone="info"
            role="none"
            title={listLoad.data.filtersKnown && listLoad.data.total > 0 ? "该页没有内容" : "暂无符合条件的公开信息"}
          />
        ) : (
          <>
            <DisclosureList rows={listLoad.data.items} caption={`${dept.name}公开信息列表`} hideDepartment />
            <DisclosurePagination basePath={basePath} keep={{ category: query?.category, year: query?.year }} result={listLoad.data} />
          </>
        )
      ) : null}
    </>
  );
}
