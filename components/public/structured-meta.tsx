import type { PublicMeta } from "@/lib/structured/queries";

/** Formats an instant as a date in China (Asia/Shanghai). */
export function chinaDate(iso: string | null): string {
  if (!iso) return "—";
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The 元数据 block shown above every structured page (索引号, 发布机构, 发布日期, 有效性),
 * the same fields as above an ordinary catalogue item.
 */
export function StructuredMeta({ meta, validity, extra = [] }: { meta: PublicMeta; validity?: string; extra?: Array<[string, string]> }) {
  const rows: Array<[string, string]> = [
    ["索引号", meta.indexNumber],
    ["发布机构", meta.publisher],
    ["发布日期", chinaDate(meta.firstPublishedAt)],
    ...(meta.publishedAt && meta.publishedAt !== meta.firstPublishedAt ? ([["更新日期", chinaDate(meta.publishedAt)]] as Array<[string, string]>) : []),
    ["有效性", validity ?? meta.validity],
    ...extra,
  ];
  return (
    <>
    {meta.withdrawn ? (
      <p role="note" className="mb-4 rounded-md border-l-4 border-warning bg-surface-muted px-4 py-3 font-bold" data-testid="structured-withdrawn">
        本信息已撤回，仅供查阅，不再作为现行公开内容。
      </p>
    ) : null}
    <section aria-label="元数据" className="mb-6 rounded-md border border-line bg-surface-muted p-4 print:border-black">
      <dl className="grid gap-x-6 gap-y-1.5 sm:grid-cols-2" data-testid="structured-meta">
        {rows.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="whitespace-nowrap text-muted">{label}：</dt>
            <dd className="min-w-0 break-words text-ink">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
    </>
  );
}

/** Section breadcrumbs prefix shared by the structured pages. */
export const XXGK_CRUMBS = [
  { label: "首页", href: "/" },
  { label: "政府信息公开", href: "/xxgk" },
] as const;
