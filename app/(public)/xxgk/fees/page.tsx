import type { Metadata } from "next";
import { LoadError } from "@/components/public/load-error";
import { XXGK_CRUMBS } from "@/components/public/structured-meta";
import { StructuredFeeFilters } from "@/components/public/structured-fee-filters";
import { StructuredFeeTable } from "@/components/public/structured-fee-table";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClasses } from "@/components/ui/button-styles";
import { LinkButton } from "@/components/ui/link-button";
import { PageTitle } from "@/components/ui/page-title";
import { feeRows, filterFees } from "@/lib/structured/fees";
import { PUBLIC_FEE_STATUSES, type PublicFeeStatus } from "@/lib/structured/rules/fee";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "行政事业性收费项目" };

type Search = { q?: string; dept?: string; status?: string };

/** The searchable, filterable fee schedule (第二十条第（八）项), cancelled and adjusted fees included. */
export default async function FeesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const status = (PUBLIC_FEE_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as PublicFeeStatus) : "";
  const load = await safeLoad(feeRows);
  const all = load.ok ? load.data : [];
  const rows = filterFees(all, { q: sp.q, departmentId: sp.dept, status });
  const departments = [...new Map(all.map((r) => [r.departmentId, r.departmentName])).entries()];
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "行政事业性收费项目" }]} />
      <PageTitle
        title="行政事业性收费项目"
        description="行政事业性收费项目及其依据、标准（《条例》第二十条第（八）项）。已取消或已调整的项目保留公布，并注明取消日期或调整后的项目。"
        actions={
          <>
            <LinkButton href="/xxgk/fees/current" variant="secondary">
              现行收费目录
            </LinkButton>
            <a href="/xxgk/fees/download?format=xlsx" download className={buttonClasses("secondary")}>
              下载 Excel
            </a>
            <a href="/xxgk/fees/download?format=csv" download className={buttonClasses("secondary")}>
              下载 CSV
            </a>
          </>
        }
      />
      <StructuredFeeFilters q={sp.q ?? ""} dept={sp.dept ?? ""} status={status} departments={departments} />
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && rows.length === 0 ? <Alert tone="info" role="none" title="没有符合条件的收费项目" /> : null}
      {rows.length > 0 ? <StructuredFeeTable rows={rows} caption={`收费项目（共 ${rows.length} 项）`} /> : null}
    </>
  );
}
