import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DisclosureAttachments } from "@/components/public/disclosure-attachments";
import { DisclosureMetadata } from "@/components/public/disclosure-metadata";
import { DisclosureNotices } from "@/components/public/disclosure-notices";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { chineseDate } from "@/lib/disclosure/public-format";
import { itemGonePath, itemPath } from "@/lib/disclosure/public-params";
import { getPublicItem } from "@/lib/structured/public-item";
import { categoryHref } from "@/lib/site/category-tree";
import { safeLoad } from "@/lib/site/safe-load";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const r = await getPublicItem(id).catch(() => null);
  if (!r || r.view === "HIDDEN" || r.view === "GONE") return { title: "政府信息公开" };
  if (r.view === "REPLACED") {
    return {
      title: r.title,
      robots: { index: false },
      alternates: r.replacement ? { canonical: itemPath(r.replacement.id) } : undefined,
    };
  }
  return { title: r.title, description: r.summary.slice(0, 120) };
}

const BODY_STYLES =
  "leading-loose text-lg text-ink [&_p]:my-3 [&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mt-5 [&_h3]:font-bold " +
  "[&_h4]:mt-4 [&_h4]:font-bold [&_ul]:list-disc [&_ul]:ps-8 [&_ol]:list-decimal [&_ol]:ps-8 [&_a]:text-link [&_a]:underline " +
  "[&_table]:my-4 [&_table]:border-collapse [&_td]:border [&_td]:border-line [&_td]:px-2 [&_th]:border [&_th]:border-line [&_th]:px-2 " +
  "[&_img]:max-w-full [&_blockquote]:border-s-4 [&_blockquote]:border-line [&_blockquote]:ps-4";

/**
 * One disclosure item: the 元数据 table, title, summary, body and attachments of the
 * *published* revision. Never-published or withheld items answer 404; 发布错误 withdrawals
 * go to the 410 page; 已被替代 shows a short page pointing to the replacement; 已失效/废止
 * withdrawals stay with a notice.
 */
export default async function DisclosureItemPage({ params }: Props) {
  const { id } = await params;
  const load = await safeLoad(() => getPublicItem(id));
  if (!load.ok) return <LoadError message={load.message} errorId={load.errorId} />;
  const item = load.data;
  if (item.view === "HIDDEN") notFound();
  if (item.view === "GONE") redirect(itemGonePath(item.id));

  const crumbs = [
    { label: "首页", href: "/" },
    { label: "政府信息公开", href: "/xxgk" },
    { label: "法定主动公开内容", href: "/xxgk/catalog" },
  ];

  if (item.view === "REPLACED") {
    return (
      <>
        <Breadcrumbs className="mb-4" items={[...crumbs, { label: item.title }]} />
        <article className="rounded-lg border border-line bg-surface p-5 sm:p-8">
          <h1 className="text-2xl font-bold leading-snug sm:text-3xl">{item.title}</h1>
          <p className="mt-2 text-muted">
            索引号：<span className="font-mono">{item.indexNumber}</span>
          </p>
          <Alert tone="warning" role="none" className="mt-5" title="本信息已被替代">
            {item.replacement ? (
              <p>
                请查阅替代后的信息：
                <Link href={itemPath(item.replacement.id)} className="font-bold text-link underline underline-offset-4">
                  {item.replacement.title}
                </Link>
                <span className="ms-2 text-sm text-muted">（索引号：{item.replacement.indexNumber}）</span>
              </p>
            ) : (
              <p>替代后的信息暂未公开。</p>
            )}
            {item.withdrawnAt ? <p className="mt-1">替代日期：{chineseDate(item.withdrawnAt)}</p> : null}
            {item.note ? <p className="mt-1">说明：{item.note}</p> : null}
          </Alert>
        </article>
      </>
    );
  }

  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[
          ...crumbs,
          ...(item.category ? [{ label: item.category.name, href: categoryHref(item.category.code) }] : []),
          { label: item.title },
        ]}
      />
      <DisclosureMetadata item={item} />
      <article className="rounded-lg border border-line bg-surface p-5 sm:p-8">
        <DisclosureNotices item={item} />
        <h1 className="text-center text-2xl font-bold leading-snug sm:text-3xl">{item.title}</h1>
        {item.documentNumber ? <p className="mt-2 text-center text-ink-soft">{item.documentNumber}</p> : null}
        <p className="mt-3 border-b border-line pb-4 text-center text-sm text-muted">
          发布日期：{chineseDate(item.publishedAt)}
          {item.updatedAt.getTime() !== item.publishedAt.getTime() ? `　更新日期：${chineseDate(item.updatedAt)}` : null}
          {item.department ? `　发布机构：${item.department.name}` : null}
          {/* Art. 26 (20 working days from formation or change): the figure each item shows.
              Rendered here because the 元数据 table (components/public/disclosure-metadata.tsx)
              belongs to the shared public components. */}
          <br />
          <span data-testid="item-formed-on">
            形成（变更）日期：{chineseDate(item.formedOn)}（
            {item.publicationWorkingDays === 0 ? "形成或变更当日发布" : `形成或变更后第${item.publicationWorkingDays}个工作日发布`}）
          </span>
        </p>
        <section aria-labelledby="summary-title" className="mt-4 rounded-md bg-surface-muted p-4">
          <h2 id="summary-title" className="font-bold">
            内容概述
          </h2>
          <p className="mt-1 whitespace-pre-line text-ink-soft">{item.summary}</p>
        </section>
        {item.bodyHtml ? <div className={`mt-6 ${BODY_STYLES}`} dangerouslySetInnerHTML={{ __html: item.bodyHtml }} /> : null}
        <DisclosureAttachments itemId={item.id} attachments={item.attachments} />
        {/* Both directions come from published revisions only (lib/disclosure/public-queries.ts):
            a 解读 link edited into a pending version appears here once that version is published. */}
        {item.interprets || item.interpretations.length ? (
          <section aria-labelledby="related-title" className="mt-8 border-t border-line pt-4">
            <h2 id="related-title" className="mb-2 text-lg font-bold">
              相关信息
            </h2>
            <ul className="space-y-1">
              {item.interprets ? (
                <li>
                  <span className="me-2 text-muted">解读的文件：</span>
                  <Link href={itemPath(item.interprets.id)} className="text-link underline underline-offset-4">
                    {item.interprets.title}
                  </Link>
                </li>
              ) : null}
              {item.interpretations.map((r) => (
                <li key={r.id}>
                  <span className="me-2 text-muted">政策解读：</span>
                  <Link href={itemPath(r.id)} className="text-link underline underline-offset-4">
                    {r.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </>
  );
}
