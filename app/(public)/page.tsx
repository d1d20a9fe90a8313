import Link from "next/link";
import { DisclosureLatest } from "@/components/public/disclosure-latest";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { latestPublicDisclosures } from "@/lib/disclosure/public-queries";
import { getCategoryTree } from "@/lib/site/catalog";
import { categoryHref } from "@/lib/site/category-tree";
import { DEPARTMENT_GROUPS, departmentAnchor, getPublicDepartments } from "@/lib/site/departments";
import { safeLoad } from "@/lib/site/safe-load";
import { getSiteSettings } from "@/lib/site/settings";
import { DEPARTMENTS_SECTION, XXGK_SECTIONS } from "@/lib/site/xxgk-sections";

/** Home: the 政府信息公开 entry blocks, the category entry points and the departments. */
export default async function HomePage() {
  const [settings, treeLoad, departmentsLoad, latestLoad] = await Promise.all([
    getSiteSettings(),
    safeLoad(getCategoryTree),
    safeLoad(getPublicDepartments),
    safeLoad(() => latestPublicDisclosures(10)),
  ]);

  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="rounded-lg border border-line bg-surface p-5 sm:p-8">
        <h1 id="home-title" className="text-2xl font-bold text-ink sm:text-3xl">
          政府信息公开
        </h1>
        <p className="mt-3 max-w-3xl text-ink-soft sm:text-lg">
          {`依据《中华人民共和国政府信息公开条例》，${settings.hostOrg}在本平台集中发布法定主动公开的政府信息，并受理公民、法人和其他组织的政府信息公开申请。`}
        </p>
      </section>

      <DisclosureLatest load={latestLoad} headingId="home-latest" />

      <section aria-labelledby="home-entries">
        <h2 id="home-entries" className="mb-4 text-xl font-bold text-ink sm:text-2xl">
          公开栏目
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {[...XXGK_SECTIONS, DEPARTMENTS_SECTION].map((s) => (
            <li key={s.key} className="flex">
              <Card className="w-full" headingLevel={3} title={s.title} href={s.href} description={s.description} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-catalog">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="home-catalog" className="text-xl font-bold text-ink sm:text-2xl">
            法定主动公开内容
          </h2>
          <Link href="/xxgk/catalog" className="text-link underline underline-offset-4">
            查看完整目录<span aria-hidden="true"> ›</span>
          </Link>
        </div>
        {!treeLoad.ok ? (
          <LoadError message={treeLoad.message} errorId={treeLoad.errorId} />
        ) : treeLoad.data.length === 0 ? (
          <Alert tone="info" role="none" title="公开目录正在建设中" />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {treeLoad.data.map((c) => (
              <li key={c.id} className="rounded-md border border-line bg-surface p-4">
                <Link href={categoryHref(c.code)} className="font-bold text-link underline underline-offset-4">
                  {c.name}
                </Link>
                <p className="mt-1 text-sm text-muted">{c.articleLabel}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="home-departments">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="home-departments" className="text-xl font-bold text-ink sm:text-2xl">
            政府信息公开机构
          </h2>
          <Link href="/xxgk/departments" className="text-link underline underline-offset-4">
            查看机构联系方式<span aria-hidden="true"> ›</span>
          </Link>
        </div>
        {!departmentsLoad.ok ? (
          <LoadError message={departmentsLoad.message} errorId={departmentsLoad.errorId} />
        ) : departmentsLoad.data.length === 0 ? (
          <Alert tone="info" role="none" title="机构信息正在整理中" />
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            {DEPARTMENT_GROUPS.map((g) => {
              const list = departmentsLoad.data.filter((d) => d.kind === g.kind);
              if (list.length === 0) return null;
              return (
                <div key={g.kind} className="rounded-md border border-line bg-surface p-4">
                  <h3 className="mb-2 font-bold text-ink">{g.label}</h3>
                  <ul className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
                    {list.map((d) => (
                      <li key={d.id}>
                        <Link href={`/xxgk/departments#${departmentAnchor(d.code)}`} className="text-link underline underline-offset-4">
                          {d.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        )}
      </section>
    </div>
  );
}
