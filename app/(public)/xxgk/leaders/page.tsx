import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { XXGK_CRUMBS } from "@/components/public/structured-meta";
import { StructuredAsOfForm, StructuredLeaders } from "@/components/public/structured-leaders";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { leadersAsOf, parseAsOf } from "@/lib/structured/leaders";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "领导分工" };

/** Leaders of the government and every department, now or as of ?date=YYYY-MM-DD. */
export default async function LeadersPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const raw = (await searchParams).date;
  const date = parseAsOf(raw);
  const load = await safeLoad(() => leadersAsOf(date));
  const leaders = load.ok ? load.data : [];
  const groups = [...new Map(leaders.map((l) => [l.departmentId, l.departmentName])).entries()];
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "领导分工" }]} />
      <PageTitle title="领导分工" description={date ? `${date} 时的领导分工情况。` : "现任领导的姓名、职务、工作分工和分管单位。"} />
      <StructuredAsOfForm action="/xxgk/leaders" date={date} />
      {raw && !date ? (
        <Alert tone="warning" role="none" className="mb-4" title="日期格式不正确，已显示现任领导（格式：YYYY-MM-DD）" />
      ) : null}
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && leaders.length === 0 ? <Alert tone="info" role="none" title="该日期没有领导分工记录" /> : null}
      <div className="space-y-8">
        {groups.map(([id, name]) => (
          <section key={id} aria-labelledby={`g-${id}`}>
            <h2 id={`g-${id}`} className="mb-3 text-xl font-bold">
              <Link href={`/xxgk/leaders/${id}${date ? `?date=${date}` : ""}`} className="text-link underline underline-offset-4">
                {name}
              </Link>
            </h2>
            <StructuredLeaders leaders={leaders.filter((l) => l.departmentId === id)} />
          </section>
        ))}
      </div>
    </>
  );
}
