import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { currentRecords, departmentNames } from "@/lib/structured/queries";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "机构职能" };

/** Overview of every department's 机构职能 (第二十条第（二）项). */
export default async function FunctionsPage() {
  const load = await safeLoad(async () => {
    const [records, depts] = await Promise.all([currentRecords("DEPARTMENT_PROFILE"), departmentNames()]);
    return records.map((r) => ({ r, d: depts.get(r.departmentId) })).sort((a, b) => (a.d?.sortOrder ?? 999) - (b.d?.sortOrder ?? 999));
  });
  const list = load.ok ? load.data : [];
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "机构职能" }]} />
      <PageTitle
        title="机构职能"
        description="各机构的主要职能、内设机构、办公地址、办公时间、联系方式和负责人姓名（《条例》第二十条第（二）项）。"
      />
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && list.length === 0 ? <Alert tone="info" role="none" title="机构职能信息正在整理中" /> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {list.map(({ r, d }) => (
          <li key={r.meta.itemId} className="rounded-lg border border-line bg-surface p-5">
            <h2 className="text-lg font-bold">
              <Link href={`/xxgk/functions/${r.departmentId}`} className="text-link underline underline-offset-4">
                {d?.name ?? r.meta.title}
              </Link>
            </h2>
            <p className="mt-2 line-clamp-3 text-ink-soft">{r.data.functions.split("\n")[0]}</p>
            <p className="mt-2 text-sm text-muted">
              负责人：{r.data.headName}　电话：{r.data.phone}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
