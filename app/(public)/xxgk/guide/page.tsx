import type { Metadata } from "next";
import Link from "next/link";
import { ContactLink } from "@/components/public/contact-link";
import { LoadError } from "@/components/public/load-error";
import { chinaDate, StructuredMeta, XXGK_CRUMBS } from "@/components/public/structured-meta";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { categoryHref } from "@/lib/site/category-tree";
import { currentRecords, departmentNames, publishedHistory } from "@/lib/structured/queries";
import type { GuideData, GuideOffice } from "@/lib/structured/rules/guide";
import { safeLoad } from "@/lib/site/safe-load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "政府信息公开指南" };

const paras = (s: string) =>
  s
    .split("\n")
    .filter(Boolean)
    .map((l, i) => (
      <p key={i} className="mb-2 indent-8">
        {l}
      </p>
    ));

function Office({ o }: { o: GuideOffice }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
      <dt className="text-muted">名称：</dt>
      <dd>{o.name}</dd>
      <dt className="text-muted">办公地址：</dt>
      <dd>
        {o.address}
        {o.postalCode ? `（邮编：${o.postalCode}）` : ""}
      </dd>
      <dt className="text-muted">办公时间：</dt>
      <dd>{o.officeHours}</dd>
      <dt className="text-muted">联系电话：</dt>
      <dd>
        <ContactLink kind="phone" value={o.phone} />
      </dd>
      <dt className="text-muted">传真：</dt>
      <dd>{o.fax || "—"}</dd>
      <dt className="text-muted">电子邮箱：</dt>
      <dd>{o.email ? <ContactLink kind="email" value={o.email} /> : "—"}</dd>
    </dl>
  );
}

/**
 * 政府信息公开指南 (Art. 12): a government's current published version (?gov=<departmentId>;
 * default: the top of the department tree), its earlier versions listed by date (each
 * viewable with ?v=<revisionId>), and links to the other governments' guides.
 */
export default async function GuidePage({ searchParams }: { searchParams: Promise<{ v?: string; gov?: string }> }) {
  const { v, gov } = await searchParams;
  const load = await safeLoad(async () => {
    const [records, depts] = await Promise.all([currentRecords("GUIDE"), departmentNames()]);
    // The county government's guide (the top of the department tree) comes first.
    const sorted = [...records].sort(
      (a, b) =>
        (depts.get(a.departmentId)?.parentId ? 1 : 0) - (depts.get(b.departmentId)?.parentId ? 1 : 0) ||
        (depts.get(a.departmentId)?.sortOrder ?? 999) - (depts.get(b.departmentId)?.sortOrder ?? 999),
    );
    const current = (gov ? sorted.find((r) => r.departmentId === gov) : sorted[0]) ?? null;
    const versions = current ? (await publishedHistory("GUIDE")).filter((h) => h.itemId === current.meta.itemId).reverse() : [];
    const others = sorted
      .filter((r) => r !== current)
      .map((r) => ({ id: r.departmentId, name: depts.get(r.departmentId)?.name ?? r.meta.title }));
    return { current, versions, others, unknownGov: !!gov && !current };
  });
  const others = load.ok ? load.data.others : [];
  // The page of the guide shown: ?gov= kept on version links, except for the default guide.
  const base = gov && load.ok && load.data.current ? `/xxgk/guide?gov=${encodeURIComponent(gov)}` : "/xxgk/guide";
  const withV = (id: string) => `${base}${base.includes("?") ? "&" : "?"}v=${id}`;
  const g = load.ok ? load.data.current : null;
  const versions = load.ok ? load.data.versions : [];
  const picked = v && g && v !== g.meta.revisionId ? versions.find((x) => x.revisionId === v) : undefined;
  const data: GuideData | null = picked ? picked.data : (g?.data ?? null);
  const versionDate = picked ? chinaDate(picked.publishedAt) : chinaDate(g?.meta.publishedAt ?? null);
  return (
    <>
      <Breadcrumbs className="mb-4" items={[...XXGK_CRUMBS, { label: "政府信息公开指南" }]} />
      <PageTitle
        title={g?.meta.title ?? "政府信息公开指南"}
        description={g ? `${picked ? "历史版本" : "本版"}发布日期：${versionDate}` : undefined}
      />
      {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
      {load.ok && load.data.unknownGov ? <Alert tone="warning" role="none" className="mb-4" title="未找到该人民政府的公开指南" /> : null}
      {load.ok && !g && !load.data.unknownGov ? <Alert tone="info" role="none" title="公开指南正在编制中" /> : null}
      {v && g && !picked && v !== g.meta.revisionId ? (
        <Alert tone="warning" role="none" className="mb-4" title="未找到该历史版本，已显示现行版本" />
      ) : null}
      {picked ? (
        <Alert tone="warning" role="none" className="mb-4" title={`您正在查看 ${versionDate} 发布的历史版本，已不再执行`}>
          <Link href={base} className="text-link underline underline-offset-4">
            查看现行版本
          </Link>
        </Alert>
      ) : null}
      {g && data ? (
        <>
          <StructuredMeta
            meta={g.meta}
            extra={[
              ["版本日期", versionDate],
              ["版本", picked ? "历史版本" : "现行版本"],
            ]}
          />
          <article className="space-y-6">
            <section aria-labelledby="s1">
              <h2 id="s1" className="mb-2 text-xl font-bold">
                一、概述
              </h2>
              {paras(data.intro)}
            </section>
            <section aria-labelledby="s2">
              <h2 id="s2" className="mb-2 text-xl font-bold">
                二、主动公开
              </h2>
              <h3 className="mb-1 font-bold">（一）公开的范围、分类与编排</h3>
              <p className="mb-2">主动公开的政府信息按以下类目分类编排，每条信息均有唯一的索引号：</p>
              <ul className="mb-3 space-y-0.5">
                {data.categories.map((c) => (
                  <li key={c.code} style={{ paddingInlineStart: `${c.depth * 1.5}rem` }}>
                    <Link href={categoryHref(c.code)} className="text-link underline underline-offset-4">
                      {c.name}
                    </Link>
                    {c.article ? <span className="ms-2 text-sm text-muted">{c.article}</span> : null}
                  </li>
                ))}
              </ul>
              <h3 className="mb-1 font-bold">（二）公开渠道</h3>
              {paras(data.proactiveChannels)}
            </section>
            <section aria-labelledby="s3">
              <h2 id="s3" className="mb-2 text-xl font-bold">
                三、依申请公开
              </h2>
              {paras(data.requestNotes)}
              <p className="mb-2">
                <Link href="/ysqgk" className="text-link underline underline-offset-4">
                  在线提交政府信息公开申请
                </Link>
              </p>
              <h3 className="mb-1 font-bold">受理机构及地址</h3>
              <ul className="mb-3 list-disc ps-6">
                {data.requestPoints.map((p) => (
                  <li key={p.name}>
                    {p.name}：{p.address}，电话 {p.phone}
                  </li>
                ))}
              </ul>
              <h3 className="mb-1 font-bold">收费</h3>
              {paras(data.feesPolicy)}
            </section>
            <section aria-labelledby="s4">
              <h2 id="s4" className="mb-2 text-xl font-bold">
                四、政府信息公开工作机构
              </h2>
              <Office o={data.office} />
            </section>
            <section aria-labelledby="s6">
              <h2 id="s6" className="mb-2 text-xl font-bold">
                相关栏目
              </h2>
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                <li>
                  <Link href="/xxgk/functions" className="text-link underline underline-offset-4">
                    机构职能
                  </Link>
                </li>
                <li>
                  <Link href="/xxgk/leaders" className="text-link underline underline-offset-4">
                    领导分工
                  </Link>
                </li>
                <li>
                  <Link href="/xxgk/fees" className="text-link underline underline-offset-4">
                    行政事业性收费项目
                  </Link>
                </li>
                <li>
                  <Link href="/xxgk/services" className="text-link underline underline-offset-4">
                    办事指南
                  </Link>
                </li>
                <li>
                  <Link href="/xxgk/rules" className="text-link underline underline-offset-4">
                    政府信息公开制度
                  </Link>
                </li>
              </ul>
            </section>
            {data.remedies ? (
              <section aria-labelledby="s5">
                <h2 id="s5" className="mb-2 text-xl font-bold">
                  五、监督和救济
                </h2>
                {paras(data.remedies)}
              </section>
            ) : null}
          </article>
          {versions.length > 1 ? (
            <section aria-labelledby="versions" className="mt-8">
              <h2 id="versions" className="mb-2 text-xl font-bold">
                历次版本
              </h2>
              <ol className="list-disc ps-6" data-testid="guide-versions">
                {versions.map((x, i) => (
                  <li key={x.revisionId}>
                    {i === 0 ? (
                      <Link href={base} className="text-link underline underline-offset-4">
                        {chinaDate(x.publishedAt)} 发布（现行版本）
                      </Link>
                    ) : (
                      <Link href={withV(x.revisionId)} className="text-link underline underline-offset-4">
                        {chinaDate(x.publishedAt)} 发布
                      </Link>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </>
      ) : g ? (
        <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: g.meta.body }} />
      ) : null}
      {others.length ? (
        <section aria-labelledby="other-guides" className="mt-8">
          <h2 id="other-guides" className="mb-2 text-xl font-bold">
            其他人民政府的公开指南
          </h2>
          <ul className="list-disc ps-6" data-testid="other-guides">
            {others.map((o) => (
              <li key={o.id}>
                <Link href={`/xxgk/guide?gov=${o.id}`} className="text-link underline underline-offset-4">
                  {o.name}政府信息公开指南
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
