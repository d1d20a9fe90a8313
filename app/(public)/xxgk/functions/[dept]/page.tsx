import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactLink } from "@/components/public/contact-link";
import { StructuredMeta, XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { departmentNames, publishedRecords } from "@/lib/structured/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "机构职能" };

/** One department's 机构职能 page. */
export default async function FunctionPage({ params }: { params: Promise<{ dept: string }> }) {
  const { dept } = await params;
  const [records, depts] = await Promise.all([publishedRecords("DEPARTMENT_PROFILE"), departmentNames()]);
  // The current record; a withdrawn one (page kept with a notice) only when there is no other.
  const r = records.find((x) => x.departmentId === dept && !x.meta.withdrawn) ?? records.find((x) => x.departmentId === dept);
  if (!r) notFound();
  const name = depts.get(dept)?.name ?? r.meta.title;
  const p = r.data;
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "机构职能", href: "/xxgk/functions" }, { label: name }]} />
      <PageTitle
        title={`${name}机构职能`}
        actions={
          <Link href={`/xxgk/leaders/${dept}`} className="text-link underline underline-offset-4">
            领导分工
          </Link>
        }
      />
      <StructuredMeta meta={r.meta} />
      {p ? (
        <div className="space-y-6">
          <section aria-labelledby="fn">
            <h2 id="fn" className="mb-2 text-xl font-bold">
              主要职能
            </h2>
            <ol className="list-decimal space-y-1 ps-6">
              {p.functions
                .split("\n")
                .filter(Boolean)
                .map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
            </ol>
          </section>
          <section aria-labelledby="units">
            <h2 id="units" className="mb-2 text-xl font-bold">
              内设机构
            </h2>
            {p.units.length ? (
              <dl className="space-y-2">
                {p.units.map((u) => (
                  <div key={u.name}>
                    <dt className="font-bold">{u.name}</dt>
                    <dd className="ps-4">{u.duties}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>无</p>
            )}
          </section>
          <section aria-labelledby="contact">
            <h2 id="contact" className="mb-2 text-xl font-bold">
              联系方式
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
              <dt className="text-muted">办公地址：</dt>
              <dd>
                {p.address}
                {p.postalCode ? `（邮编：${p.postalCode}）` : ""}
                {p.mapUrl ? (
                  <>
                    {" "}
                    <a href={p.mapUrl} className="text-link underline underline-offset-4">
                      查看地图
                    </a>
                  </>
                ) : null}
              </dd>
              <dt className="text-muted">办公时间：</dt>
              <dd>{p.officeHours}</dd>
              <dt className="text-muted">联系电话：</dt>
              <dd>
                <ContactLink kind="phone" value={p.phone} />
              </dd>
              <dt className="text-muted">传真：</dt>
              <dd>{p.fax || "—"}</dd>
              <dt className="text-muted">电子邮箱：</dt>
              <dd>{p.email ? <ContactLink kind="email" value={p.email} /> : "—"}</dd>
              <dt className="text-muted">负责人：</dt>
              <dd>{p.headName}</dd>
            </dl>
          </section>
        </div>
      ) : (
        <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: r.meta.body }} />
      )}
    </>
  );
}
