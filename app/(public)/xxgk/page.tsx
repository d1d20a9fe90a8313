import type { Metadata } from "next";
import Link from "next/link";
import { DisclosureLatest } from "@/components/public/disclosure-latest";
import { LoadError } from "@/components/public/load-error";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { latestPublicDisclosures } from "@/lib/disclosure/public-queries";
import { getCategoryTree } from "@/lib/site/catalog";
import { categoryHref } from "@/lib/site/category-tree";
import { safeLoad } from "@/lib/site/safe-load";
import { DEPARTMENTS_SECTION, XXGK_SECTIONS } from "@/lib/site/xxgk-sections";

export const metadata: Metadata = { title: "政府信息公开" };

/** The 政府信息公开 column home: its fixed parts as cards. */
export default async function XxgkPage() {
  // The cards do not need the database; only the category list inside one does.
  const [treeLoad, latestLoad] = await Promise.all([safeLoad(getCategoryTree), safeLoad(() => latestPublicDisclosures(10))]);
  const tree = treeLoad.ok ? treeLoad.data : [];
  return (
    <>
      <Breadcrumbs className="mb-4" items={[{ label: "首页", href: "/" }, { label: "政府信息公开" }]} />
      <PageTitle
        title="政府信息公开"
        description="本栏目按照《中华人民共和国政府信息公开条例》和政府网站建设规范设置，包括公开指南、公开制度、法定主动公开内容、依申请公开和公开年报。"
      />
      <ul className="grid gap-5 lg:grid-cols-2">
        {XXGK_SECTIONS.map((s) => (
          <li key={s.key} className={s.key === "catalog" ? "flex lg:col-span-2" : "flex"}>
            <Card className="w-full" title={s.title} href={s.href} description={s.description}>
              {s.key === "catalog" && tree.length > 0 ? (
                <ul className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-2" aria-label="法定主动公开内容类目">
                  {tree.map((c) => (
                    <li key={c.id} className="flex flex-col border-b border-line pb-2">
                      <Link href={categoryHref(c.code)} className="text-link underline underline-offset-4">
                        {c.name}
                      </Link>
                      <span className="text-sm text-muted">{c.articleLabel}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.key === "catalog" && !treeLoad.ok ? <LoadError message={treeLoad.message} errorId={treeLoad.errorId} /> : null}
            </Card>
          </li>
        ))}
        <li className="flex">
          <Card
            className="w-full"
            title={DEPARTMENTS_SECTION.title}
            href={DEPARTMENTS_SECTION.href}
            description={DEPARTMENTS_SECTION.description}
          />
        </li>
      </ul>
      <div className="mt-10">
        <DisclosureLatest load={latestLoad} headingId="xxgk-latest" />
      </div>
    </>
  );
}
