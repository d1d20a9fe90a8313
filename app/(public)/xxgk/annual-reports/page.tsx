import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { Table } from "@/components/ui/table";
import { listAnnualReports } from "@/lib/disclosure/annual-reports";
import { chinaDate } from "@/lib/disclosure/public-format";
import { itemPath, parseListQuery } from "@/lib/disclosure/public-params";
import {
  ANNUAL_REPORT_CATEGORY_CODE,
  ANNUAL_REPORT_DEADLINES,
  ANNUAL_REPORT_SECTIONS,
  groupAnnualReports,
} from "@/lib/disclosure/rules/annual-reports";
import { categoryHref } from "@/lib/site/category-tree";
import { getPublicDepartments } from "@/lib/site/departments";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "政府信息公开年报" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const select = "min-h-11 w-full rounded-md border-2 border-line bg-surface px-2 text-base text-ink sm:w-auto sm:max-w-xs";

/**
 * 政府信息公开工作年度报告 (Arts. 49–50): the published reports (category A1502), grouped by
 * the year they cover, newest first, and by publishing department; a GET filter by 发布机构.
 */
export default async function AnnualReportsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const parsed = parseListQuery({ department: sp.department });
  const departmentCode = parsed.ok ? parsed.query.department : undefined;

  const load = await safeLoad(async () => {
    const [list, departments] = await Promise.all([listAnnualReports(), getPublicDepartments()]);
    return { list, departments };
  });

  const list = load.ok ? load.data.list : null;
  const departments = load.ok ? load.data.departments : [];
  const order = departments.map((d) => d.id);
  const publishing = new Set((list?.reports ?? []).map((r) => r.department?.code).filter((c): c is string => !!c));
  const options = departments.filter((d) => publishing.has(d.code) || d.code === departmentCode);
  const selected = departmentCode ? departments.find((d) => d.code === departmentCode) : undefined;
  // An unknown department code filters nothing (the page says so).
  const rows = (list?.reports ?? []).filter((r) => !selected || r.department?.code === selected.code);
  const groups = groupAnnualReports(rows, order);

  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "政府信息公开年报" }]} />
      <PageTitle
        title="政府信息公开工作年度报告"
        description="各级行政机关每年公布上一年度的政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第四十九条、第五十条）。"
      />

      <section aria-labelledby="ar-about" className="mb-6 rounded-md border border-line bg-surface-muted p-4">
        <h2 id="ar-about" className="mb-2 text-lg font-bold">
          公布时限与报告内容
        </h2>
        <ul className="mb-3 list-disc space-y-1 ps-6">
          {ANNUAL_REPORT_DEADLINES.map((d) => (
            <li key={d.article}>
              {d.who}的上一年度年度报告，应当于<strong>{d.when}</strong>向社会公布（{d.article}）。
            </li>
          ))}
        </ul>
        <p className="mb-1">年度报告按照《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，包括以下六部分：</p>
        <ol className="grid gap-x-6 gap-y-0.5 sm:grid-cols-2">
          {ANNUAL_REPORT_SECTIONS.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>

      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}

      {load.ok ? (
        <form
          action="/xxgk/annual-reports"
          method="get"
          aria-label="筛选"
          className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-4"
        >
          <div className="flex w-full flex-col gap-1 sm:w-auto">
            <label htmlFor="filter-department" className="font-medium">
              发布机构
            </label>
            <select id="filter-department" name="department" defaultValue={selected?.code ?? ""} className={select}>
              <option value="">全部机构</option>
              {options.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-md border-2 border-brand bg-brand px-5 font-bold text-on-brand hover:bg-brand-strong"
          >
            筛选
          </button>
          {selected ? (
            <Link href="/xxgk/annual-reports" className="inline-flex min-h-11 items-center text-link underline underline-offset-4">
              显示全部机构
            </Link>
          ) : null}
        </form>
      ) : null}

      {!parsed.ok || (load.ok && departmentCode && !selected) ? (
        <Alert tone="warning" role="none" className="mb-4" title="未找到所选的发布机构，已显示全部机构的年度报告" />
      ) : null}

      {list && list.categoryKnown && list.truncated ? (
        <Alert tone="info" role="none" className="mb-4" title="年度报告较多，仅列出较近的部分">
          <Link href={categoryHref(ANNUAL_REPORT_CATEGORY_CODE)} className="text-link underline underline-offset-4">
            在法定主动公开内容中查看全部
          </Link>
        </Alert>
      ) : null}

      {list && groups.length === 0 ? (
        <Alert tone="info" role="none" title={selected ? `${selected.name}暂无公开的年度报告` : "暂无公开的年度报告"} />
      ) : null}

      {groups.length > 1 ? (
        <nav aria-label="按年度浏览" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {groups.map((g) => (
              <li key={g.year}>
                <a
                  href={`#y${g.year}`}
                  className="inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-3 text-link underline underline-offset-4"
                >
                  {g.year}年度
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {groups.length ? (
        <div className="space-y-8">
          {groups.map((g) => (
            <section key={g.year} aria-labelledby={`y${g.year}`}>
              <h2 id={`y${g.year}`} className="mb-3 text-xl font-bold">
                {g.year}年度
              </h2>
              <Table caption={`${g.year}年度政府信息公开工作年度报告（共 ${g.count} 份）`}>
                <thead>
                  <tr>
                    <th scope="col" className="whitespace-nowrap">
                      发布机构
                    </th>
                    <th scope="col">报告</th>
                    <th scope="col" className="whitespace-nowrap">
                      发布日期
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {g.departments.flatMap((d) =>
                    d.reports.map((r) => (
                      <tr key={r.id}>
                        <th scope="row" className="font-normal">
                          {d.department?.name ?? "—"}
                        </th>
                        <td>
                          <Link href={itemPath(r.id)} className="text-link underline underline-offset-4">
                            {r.title}
                          </Link>
                        </td>
                        <td className="whitespace-nowrap text-ink-soft">
                          <time dateTime={r.publishedAt.toISOString()}>{chinaDate(r.publishedAt)}</time>
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </Table>
            </section>
          ))}
        </div>
      ) : null}
    </>
  );
}
