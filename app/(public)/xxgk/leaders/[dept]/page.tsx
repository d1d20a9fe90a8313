import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StructuredMeta, XXGK_CRUMBS } from "@/components/public/structured-meta";
import { StructuredAsOfForm, StructuredLeaders } from "@/components/public/structured-leaders";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { leadersAsOf, parseAsOf } from "@/lib/structured/leaders";
import { currentRecords, departmentNames } from "@/lib/structured/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "领导分工" };

/** One government's or department's leaders, now or as of ?date=. */
export default async function DeptLeadersPage({
  params,
  searchParams,
}: {
  params: Promise<{ dept: string }>;
  searchParams: Promise<{ date?: string }>;
}) {
  const { dept } = await params;
  const depts = await departmentNames();
  const d = depts.get(dept);
  if (!d) notFound();
  const date = parseAsOf((await searchParams).date);
  const leaders = (await leadersAsOf(date)).filter((l) => l.departmentId === dept);
  // The 元数据 of the page: the most recently published leader record of this department —
  // only for the current view; in the "as of" view each card carries its own revision's 元数据.
  const latest = date
    ? undefined
    : (await currentRecords("LEADER"))
        .filter((r) => r.departmentId === dept)
        .sort((a, b) => (b.meta.publishedAt ?? "").localeCompare(a.meta.publishedAt ?? ""))[0];
  const path = `/xxgk/leaders/${dept}`;
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "领导分工", href: "/xxgk/leaders" }, { label: d.name }]} />
      <PageTitle
        title={`${d.name}领导分工`}
        description={date ? `${date} 时的领导分工情况。` : undefined}
        actions={
          <Link href={`/xxgk/functions/${dept}`} className="text-link underline underline-offset-4">
            机构职能
          </Link>
        }
      />
      {latest ? <StructuredMeta meta={latest.meta} /> : null}
      <StructuredAsOfForm action={path} date={date} />
      {leaders.length === 0 ? <Alert tone="info" role="none" title="没有领导分工记录" /> : <StructuredLeaders leaders={leaders} />}
    </>
  );
}
