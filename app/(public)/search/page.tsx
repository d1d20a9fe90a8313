import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { itemPath } from "@/lib/disclosure/public-params";
import { MAX_SEARCH_PAGE, parseSearchParams, searchHref, type SearchParams } from "@/lib/search/params";
import { searchDisclosures, type FacetValue, type SearchHit } from "@/lib/search/search";
import type { SnippetPart } from "@/lib/search/snippet";
import { safeLoad } from "@/lib/site/safe-load";

export const metadata: Metadata = { title: "站内搜索" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FACETS = [
  { key: "category", title: "主题分类" },
  { key: "department", title: "发布机构" },
  { key: "year", title: "发布年份" },
  { key: "validity", title: "有效性" },
] as const;

const dateFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const day = (d: Date) => dateFmt.format(d).replace(/\//g, "-");

function Marked({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} className="bg-yellow-200 text-ink">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function facetValueOf(p: SearchParams, key: (typeof FACETS)[number]["key"]): string | undefined {
  const v = p[key];
  return v === undefined ? undefined : String(v);
}

function withFacet(p: SearchParams, key: (typeof FACETS)[number]["key"], value: string | undefined): string {
  const next: Partial<SearchParams> = { ...p, page: 1 };
  if (key === "year") next.year = value === undefined ? undefined : Number(value);
  else if (key === "validity") next.validity = value as SearchParams["validity"];
  else next[key] = value;
  return searchHref(next);
}

function FacetList({ p, facet, values }: { p: SearchParams; facet: (typeof FACETS)[number]; values: FacetValue[] }) {
  const current = facetValueOf(p, facet.key);
  const headingId = `facet-${facet.key}`;
  return (
    <section aria-labelledby={headingId} className="mb-5">
      <h3 id={headingId} className="mb-2 text-base font-bold">
        {facet.title}
      </h3>
      <ul className="space-y-1">
        <li>
          {current === undefined ? (
            <span aria-current="true" className="font-bold">
              ✓ 全部
            </span>
          ) : (
            <Link href={withFacet(p, facet.key, undefined)} className="text-link underline">
              全部
            </Link>
          )}
        </li>
        {values.length === 0 && current === undefined ? <li className="text-muted">（无）</li> : null}
        {values.map((v) => (
          <li key={v.key}>
            {v.key === current ? (
              <span aria-current="true" className="font-bold">
                ✓ {v.label}（{v.count}）
              </span>
            ) : (
              <Link href={withFacet(p, facet.key, v.key)} className="text-link underline">
                {v.label}（{v.count}）
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="border-b border-line py-4" data-testid="search-hit">
      <h3 className="text-lg font-bold">
        <Link href={itemPath(hit.id)} className="text-link underline">
          <Marked parts={hit.titleParts} />
        </Link>
      </h3>
      <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
        <div className="flex gap-1">
          <dt>索引号：</dt>
          <dd>{hit.indexNumber}</dd>
        </div>
        {hit.documentNumber ? (
          <div className="flex gap-1">
            <dt>文号：</dt>
            <dd>{hit.documentNumber}</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt>发布机构：</dt>
          <dd>{hit.department.name}</dd>
        </div>
        <div className="flex gap-1">
          <dt>发布日期：</dt>
          <dd>
            <time dateTime={hit.publishedAt.toISOString()}>{day(hit.publishedAt)}</time>
          </dd>
        </div>
        {hit.validity.key !== "VALID" ? (
          <div className="flex gap-1">
            <dt>有效性：</dt>
            <dd>{hit.validity.label}</dd>
          </div>
        ) : null}
      </dl>
      {hit.snippetParts.length ? (
        <p className="mt-2 leading-7">
          <Marked parts={hit.snippetParts} />
        </p>
      ) : null}
    </li>
  );
}

/** 站内搜索: server-rendered, a plain GET form; the URL holds the whole state. */
export default async function SearchPage({ searchParams }: PageProps) {
  const parsed = parseSearchParams(await searchParams);
  // Lenient parsing never fails; the type still says it could.
  const p: SearchParams = parsed.ok ? parsed.params : { q: "", sort: "newest", page: 1, pageSize: 20 };
  const parseNotices = parsed.ok ? parsed.notices : [];
  const load = await safeLoad(() => searchDisclosures(p));
  const r = load.ok ? load.data : null;
  const notices = [...parseNotices, ...(r?.notices ?? [])];
  const hasFilters = Boolean(p.category || p.department || p.year || p.validity);

  return (
    <>
      <Breadcrumbs className="mb-4" items={[{ label: "首页", href: "/" }, { label: "站内搜索" }]} />
      <PageTitle
        title="站内搜索"
        description="检索已主动公开的政府信息。多个词用空格分隔；用引号查找完整短语，如“最低生活保障”；在词前加减号排除，如 -废止。"
      />

      <form action="/search" method="get" role="search" aria-label="检索政府信息" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col">
          <label htmlFor="search-q" className="mb-1 font-bold">
            检索词
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={r?.query ?? p.q}
            maxLength={100}
            autoComplete="off"
            className="min-h-12 rounded-md border-2 border-line bg-surface px-3 text-base"
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor="search-sort" className="mb-1 font-bold">
            排序
          </label>
          <select id="search-sort" name="sort" defaultValue={p.sort} className="min-h-12 rounded-md border-2 border-line bg-surface px-3">
            <option value="relevance">按相关度</option>
            <option value="newest">按发布日期（最新在前）</option>
          </select>
        </div>
        {p.category ? <input type="hidden" name="category" value={p.category} /> : null}
        {p.department ? <input type="hidden" name="department" value={p.department} /> : null}
        {p.year ? <input type="hidden" name="year" value={String(p.year)} /> : null}
        {p.validity ? <input type="hidden" name="validity" value={p.validity} /> : null}
        <button
          type="submit"
          className="min-h-12 rounded-md border-2 border-brand-strong bg-brand-strong px-5 font-bold text-on-brand hover:underline"
        >
          搜索
        </button>
      </form>

      {notices.map((n) => (
        <Alert key={n} tone="warning" role="none" title={n} className="mb-4" />
      ))}

      {!load.ok ? (
        <LoadError message={load.message} errorId={load.errorId} />
      ) : r ? (
        <div className="grid gap-8 md:grid-cols-[16rem_1fr]">
          <aside aria-labelledby="facets-title">
            <h2 id="facets-title" className="mb-3 text-lg font-bold">
              筛选
            </h2>
            {hasFilters ? (
              <p className="mb-4">
                <Link href={searchHref({ q: p.q, sort: p.sort })} className="text-link underline">
                  清除全部筛选
                </Link>
              </p>
            ) : null}
            {FACETS.map((f) => (
              <FacetList key={f.key} p={p} facet={f} values={r.facets[f.key]} />
            ))}
          </aside>
          <section aria-labelledby="results-title">
            <h2 id="results-title" className="text-lg font-bold" aria-live="polite">
              {r.emptyQuery ? `未输入检索词，按发布日期列出最新公开的信息（共 ${r.total} 条）` : `“${r.query}”的检索结果：共 ${r.total} 条`}
            </h2>
            {r.total === 0 ? (
              <Alert tone="info" role="none" title="没有找到符合条件的信息" className="mt-4">
                请换用其他检索词、减少检索词，或清除筛选条件后再试。
              </Alert>
            ) : (
              <ol className="mt-2">
                {r.items.map((hit) => (
                  <Hit key={hit.id} hit={hit} />
                ))}
              </ol>
            )}
            {r.total > 0 && r.items.length === 0 ? (
              <p className="mt-4">
                该页没有结果。
                <Link href={searchHref({ ...p, page: 1 })} className="text-link underline">
                  回到第一页
                </Link>
              </p>
            ) : null}
            <Pagination
              page={p.page}
              totalPages={Math.min(r.pages, MAX_SEARCH_PAGE)}
              basePath="/search"
              hrefForPage={(n) => searchHref({ ...p, page: n })}
            />
            {r.pages > MAX_SEARCH_PAGE ? (
              <p className="mt-2 text-sm text-muted">仅显示前 {MAX_SEARCH_PAGE} 页结果，请增加检索词或筛选条件缩小范围。</p>
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}
