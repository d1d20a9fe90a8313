import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { Table } from "@/components/ui/table";
import { currentRecords, departmentNames } from "@/lib/structured/queries";
import { SERVICE_KIND_LABELS } from "@/lib/structured/rules/service";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "办事指南" };

/** All service guides (第二十条第（五）项), searchable by name or code and filterable by department. */
export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ q?: string; dept?: string }> }) {
  const sp = await searchParams;
  const load = await safeLoad(async () => {
    const [records, depts] = await Promise.all([currentRecords("SERVICE"), departmentNames()]);
    return { records, depts };
  });
  const all = load.ok ? load.data.records : [];
  const depts = load.ok ? load.data.depts : undefined;
  const q = sp.q?.trim();
  const rows = all
    .filter((r) => (!sp.dept || r.departmentId === sp.dept) && (!q || r.data.name.includes(q) || r.data.code.includes(q)))
    .sort(
      (a, b) =>
        (depts?.get(a.departmentId)?.sortOrder ?? 999) - (depts?.get(b.departmentId)?.sortOrder ?? 999) ||
        a.data.code.localeCompare(b.data.code),
    );
  const deptOptions = [...new Set(all.map((r) => r.departmentId))].map((id) => [id, depts?.get(id)?.name ?? ""] as const);
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "办事指南" }]} />
      <PageTitle title="办事指南" description="办理行政许可和其他对外管理服务事项的依据、条件、程序（《条例》第二十条第（五）项）。" />
      <form
        method="get"
        role="search"
        aria-label="查询办事指南"
        className="mb-6 flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-4"
      >
        <div>
          <label htmlFor="svc-q" className="mb-1 block font-medium">
            事项名称或编码
          </label>
          <input id="svc-q" name="q" defaultValue={sp.q ?? ""} className="rounded border border-line px-3 py-2" />
        </div>
        <div>
          <label htmlFor="svc-dept" className="mb-1 block font-medium">
            实施机构
          </label>
          <select id="svc-dept" name="dept" defaultValue={sp.dept ?? ""} className="rounded border border-line px-3 py-2">
            <option value="">全部机构</option>
            {deptOptions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
          查询
        </button>
      </form>
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && rows.length === 0 ? <Alert tone="info" role="none" title="没有符合条件的办事指南" /> : null}
      {rows.length ? (
        <Table caption={`办事指南（共 ${rows.length} 项）`}>
          <thead>
            <tr>
              <th scope="col">事项名称</th>
              <th scope="col">事项编码</th>
              <th scope="col">类型</th>
              <th scope="col">实施机构</th>
              <th scope="col">承诺时限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.meta.itemId}>
                <th scope="row" className="font-normal">
                  <Link href={`/xxgk/services/${r.meta.itemId}`} className="text-link underline underline-offset-4">
                    {r.data.name}
                  </Link>
                </th>
                <td>{r.data.code}</td>
                <td>{SERVICE_KIND_LABELS[r.data.kind]}</td>
                <td>{depts?.get(r.departmentId)?.name}</td>
                <td>{r.data.promisedDays} 个工作日</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
