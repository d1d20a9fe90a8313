import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructuredMeta, XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { feeRows } from "@/lib/structured/fees";
import { publishedRecord } from "@/lib/structured/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "收费项目" };

/** One fee item: standard, basis, payer, 减免, dates and its status. */
export default async function FeePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [record, rows] = await Promise.all([publishedRecord("FEE", id), feeRows()]);
  if (!record) notFound();
  const row = rows.find((r) => r.itemId === id);
  const predecessor = row?.predecessorItemId ? rows.find((r) => r.itemId === row.predecessorItemId) : undefined;
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[...XXGK_CRUMBS, { label: "行政事业性收费项目", href: "/xxgk/fees" }, { label: record.meta.title }]}
      />
      <PageTitle title={record.meta.title} />
      <StructuredMeta meta={record.meta} validity={record.meta.withdrawn ? undefined : row?.statusLabel} />
      {row?.status === "ADJUSTED" && row.successorItemId ? (
        <Alert tone="warning" role="none" className="mb-6" title="该收费项目已调整">
          {row.since ? `自 ${row.since} 起` : ""}执行新标准：
          <Link href={`/xxgk/fees/${row.successorItemId}`} className="text-link underline underline-offset-4">
            {row.successorName ?? "查看调整后的收费项目"}
          </Link>
        </Alert>
      ) : null}
      {row?.upcoming ? (
        <Alert
          tone="info"
          role="none"
          className="mb-6"
          title={
            row.upcoming.status === "CANCELLED" ? `该收费项目将于 ${row.upcoming.on} 取消` : `该收费项目将于 ${row.upcoming.on} 起调整`
          }
        >
          {row.upcoming.status === "ADJUSTED" && row.upcoming.successorItemId ? (
            <>
              新标准：
              <Link href={`/xxgk/fees/${row.upcoming.successorItemId}`} className="text-link underline underline-offset-4">
                {row.upcoming.successorName ?? "查看调整后的收费项目"}
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {row?.status === "CANCELLED" ? (
        <Alert tone="warning" role="none" className="mb-6" title={`该收费项目已于 ${row.since ?? "—"} 取消`} />
      ) : null}
      {predecessor ? (
        <p className="mb-4">
          本项目调整自：
          <Link href={`/xxgk/fees/${predecessor.itemId}`} className="text-link underline underline-offset-4">
            {predecessor.name}（原标准：{predecessor.standard}）
          </Link>
        </p>
      ) : null}
      {row ? (
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          {(
            [
              ["项目编码", row.code || "—"],
              ["收费单位", row.departmentName],
              ["收费标准", row.standard],
              ["标准说明", row.note || "—"],
              ["缴费对象", row.payer],
              ["减免政策", row.reductions || "无"],
              ["执行期限", `${row.validFrom} 起${row.validUntil ? `至 ${row.validUntil}` : ""}`],
            ] as const
          ).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-bold text-ink">{k}</dt>
              <dd className="text-ink" data-testid={k === "收费标准" ? "fee-detail-standard" : undefined}>
                {v}
              </dd>
            </div>
          ))}
          <dt className="font-bold text-ink">收费依据</dt>
          <dd>
            <ul className="list-disc ps-5">
              {row.legalBases.map((b, i) => (
                <li key={i}>
                  {b.itemId ? (
                    <Link href={`/xxgk/items/${b.itemId}`} className="text-link underline underline-offset-4">
                      {b.title}
                    </Link>
                  ) : (
                    b.title
                  )}
                  {b.documentNumber ? `（${b.documentNumber}）` : ""}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      ) : (
        // A redacted (部分公开) revision carries no structured data: show its published text.
        <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: record.meta.body }} />
      )}
    </>
  );
}
