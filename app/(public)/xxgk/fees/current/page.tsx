import type { Metadata } from "next";
import { LoadError } from "@/components/public/load-error";
import { XXGK_CRUMBS } from "@/components/public/structured-meta";
import { StructuredFeeTable } from "@/components/public/structured-fee-table";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClasses } from "@/components/ui/button-styles";
import { PageTitle } from "@/components/ui/page-title";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { feeRows, filterFees } from "@/lib/structured/fees";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "现行行政事业性收费目录" };

/** All fees in force today. */
export default async function CurrentFeesPage() {
  const today = civilDateInShanghai(new Date());
  const load = await safeLoad(feeRows);
  const rows = load.ok ? filterFees(load.data, { current: true }, today) : [];
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[...XXGK_CRUMBS, { label: "行政事业性收费项目", href: "/xxgk/fees" }, { label: "现行收费目录" }]}
      />
      <PageTitle
        title="现行行政事业性收费目录"
        description={`截至 ${today} 正在执行的收费项目。`}
        actions={
          <>
            <a href="/xxgk/fees/download?format=xlsx" download className={buttonClasses("secondary")}>
              下载 Excel
            </a>
            <a href="/xxgk/fees/download?format=csv" download className={buttonClasses("secondary")}>
              下载 CSV
            </a>
          </>
        }
      />
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && rows.length === 0 ? <Alert tone="info" role="none" title="暂无现行收费项目" /> : null}
      {rows.length > 0 ? <StructuredFeeTable rows={rows} caption={`现行收费项目（共 ${rows.length} 项）`} /> : null}
    </>
  );
}
