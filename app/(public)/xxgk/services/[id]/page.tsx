import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructuredFlowchart } from "@/components/public/structured-flowchart";
import { StructuredMeta, XXGK_CRUMBS } from "@/components/public/structured-meta";
import { StructuredPrintButton } from "@/components/public/structured-print-button";
import { StructuredPrintStyle } from "@/components/public/structured-print-style";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { Table } from "@/components/ui/table";
import { feeRows } from "@/lib/structured/fees";
import { departmentNames, publishedRecord } from "@/lib/structured/queries";
import { SERVICE_KIND_LABELS } from "@/lib/structured/rules/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "办事指南" };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [r, depts, fees] = await Promise.all([publishedRecord("SERVICE", id), departmentNames(), feeRows()]);
  if (!r) notFound();
  const s = r.data;
  const block = (title: string, text: string) => (
    <section className="break-inside-avoid">
      <h2 className="mb-1 mt-5 text-xl font-bold">{title}</h2>
      {text
        .split("\n")
        .filter(Boolean)
        .map((l, i) => (
          <p key={i}>{l}</p>
        ))}
    </section>
  );
  return (
    <>
      <StructuredPrintStyle />
      <Breadcrumbs
        className="no-print mb-4"
        items={[...XXGK_CRUMBS, { label: "办事指南", href: "/xxgk/services" }, { label: r.meta.title }]}
      />
      <PageTitle title={r.meta.title} actions={<StructuredPrintButton />} />
      <StructuredMeta meta={r.meta} />
      {s ? (
        <>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
            {(
              [
                ["事项编码", s.code],
                ["事项类型", SERVICE_KIND_LABELS[s.kind]],
                ["实施机构", depts.get(s.departmentId)?.name ?? ""],
                ["法定时限", `${s.statutoryDays} 个工作日`],
                ["承诺时限", `${s.promisedDays} 个工作日`],
                ["办理地点", s.place],
                ["办理时间", s.hours],
                ["咨询电话", s.phone],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-bold">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
            {s.onlineUrl ? (
              <>
                <dt className="font-bold">网上办理</dt>
                <dd>
                  <a href={s.onlineUrl} className="text-link underline underline-offset-4">
                    {s.onlineUrl}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          {block("设定依据", s.legalBasis)}
          {block("申请条件", s.conditions)}
          <section className="break-inside-avoid">
            <h2 className="mb-2 mt-5 text-xl font-bold">申请材料</h2>
            {s.materials.length ? (
              <Table caption="申请材料清单" captionHidden>
                <thead>
                  <tr>
                    <th scope="col">序号</th>
                    <th scope="col">材料名称</th>
                    <th scope="col">原件/复印件</th>
                    <th scope="col">份数</th>
                    <th scope="col">格式</th>
                    <th scope="col">来源</th>
                  </tr>
                </thead>
                <tbody>
                  {s.materials.map((m, i) => (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>{m.name}</td>
                      <td>{m.form}</td>
                      <td>{m.copies}</td>
                      <td>{m.format || "—"}</td>
                      <td>{m.source || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p>无需提交材料</p>
            )}
          </section>
          <section>
            <h2 className="mb-1 mt-5 text-xl font-bold">办理流程</h2>
            <StructuredFlowchart steps={s.steps} />
          </section>
          <section className="break-inside-avoid">
            <h2 className="mb-1 mt-5 text-xl font-bold">收费</h2>
            {s.feeItemIds.length ? (
              <ul className="list-disc ps-6">
                {s.feeItemIds.map((fid) => {
                  const f = fees.find((x) => x.itemId === fid);
                  // A linked fee that is not (or no longer) published has no public page to link to.
                  return (
                    <li key={fid}>
                      {f ? (
                        <>
                          <Link href={`/xxgk/fees/${fid}`} className="text-link underline underline-offset-4">
                            {f.name}
                          </Link>
                          {`：${f.standard}（${f.withdrawn ? "已撤回" : f.statusLabel}）`}
                        </>
                      ) : (
                        "收费项目（尚未公布）"
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p>不收费</p>
            )}
          </section>
          {block("办理进度查询", s.progressQuery || "—")}
          {block("监督投诉", s.complaints || "—")}
        </>
      ) : (
        <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: r.meta.body }} />
      )}
    </>
  );
}
