import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { chinaDate, XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { Table } from "@/components/ui/table";
import { VALIDITY_LABELS, type Validity } from "@/lib/disclosure/rules/validity";
import { rulesDocuments } from "@/lib/structured/rules-documents";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "政府信息公开制度" };

/** 公开制度: the rules documents published in category A1501. */
export default async function RulesPage() {
  const load = await safeLoad(rulesDocuments);
  const docs = load.ok ? load.data : [];
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "政府信息公开制度" }]} />
      <PageTitle title="政府信息公开制度" description="本机关政府信息公开工作的制度文件，包括保密审查、主动公开、依申请公开等工作规定。" />
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && docs.length === 0 ? <Alert tone="info" role="none" title="暂无公开的制度文件" /> : null}
      {docs.length ? (
        <Table caption={`制度文件（共 ${docs.length} 件）`}>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">文号</th>
              <th scope="col">发布机构</th>
              <th scope="col">发布日期</th>
              <th scope="col">有效性</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.itemId}>
                <th scope="row" className="font-normal">
                  <Link href={`/xxgk/items/${d.itemId}`} className="text-link underline underline-offset-4">
                    {d.title}
                  </Link>
                </th>
                <td>{d.documentNumber ?? "—"}</td>
                <td>{d.publisher}</td>
                <td className="whitespace-nowrap">{chinaDate(d.publishedAt)}</td>
                <td>{d.withdrawn ? "已撤回" : VALIDITY_LABELS[d.validity as Validity]}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
