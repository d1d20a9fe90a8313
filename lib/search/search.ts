// searchDisclosures: the one search entry point of the /search page and of
// GET /api/v1/disclosures?q=… . Reads SearchDocument only (visible items by construction).

import type { Db } from "@/lib/db/client";
import { db as defaultDb } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import { VALIDITY_LABELS, type Validity } from "@/lib/disclosure/rules/validity";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchParams, Sort } from "./params";
import { buildTsquery, highlightTerms, parseQuery } from "./query";
import { bestSnippet, markAll, type SnippetPart } from "./snippet";

/** ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}: body, summary, 文号/索引号/主题词, title. */
const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
/**
 * Above this many matches, rank on the small head vector (title, 文号, 索引号, 主题词,
 * summary) kept in the heap row instead of detoasting every matching body vector; body-only
 * matches then rank equal and fall back to newest first. See docs/performance.md.
 */
export const FULL_RANK_MAX_MATCHES = 5_000;

export interface FacetValue {
  key: string;
  label: string;
  count: number;
}

export interface Facets {
  category: FacetValue[];
  department: FacetValue[];
  year: FacetValue[];
  validity: FacetValue[];
}

export interface SearchHit {
  id: string;
  indexNumber: string;
  title: string;
  titleParts: SnippetPart[];
  documentNumber: string | null;
  department: { code: string; name: string };
  category: { code: string; name: string };
  validity: { key: Validity; label: string };
  publishedAt: Date;
  snippetParts: SnippetPart[];
  rank: number | null;
}

export interface SearchResult {
  params: SearchParams;
  /** The query actually used (after cutting), shown back to the user. */
  query: string;
  /** True when the query had no searchable term: the result is the newest items. */
  emptyQuery: boolean;
  /** Messages about adjustments (query cut, exclusion-only query …). */
  notices: string[];
  total: number;
  pages: number;
  items: SearchHit[];
  facets: Facets;
}

type Filters = { departmentId?: string; categoryId?: string; year?: number; validity?: Validity };
type FacetKey = keyof Facets;

function where(tsq: string | null, f: Filters, except?: FacetKey): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (tsq) parts.push(Prisma.sql`"tsv" @@ ${tsq}::tsquery`);
  if (f.departmentId !== undefined && except !== "department") parts.push(Prisma.sql`"departmentId" = ${f.departmentId}`);
  if (f.categoryId !== undefined && except !== "category") parts.push(Prisma.sql`"categoryId" = ${f.categoryId}`);
  if (f.year !== undefined && except !== "year") parts.push(Prisma.sql`"year" = ${f.year}`);
  if (f.validity !== undefined && except !== "validity")
    parts.push(Prisma.sql`"validity" = ${f.validity}::"DisclosureValidity"`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** Facet filters written against the materialised match set m (columns d, c, y, v). */
function mWhere(f: Filters, except?: FacetKey): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.departmentId !== undefined && except !== "department") parts.push(Prisma.sql`d = ${f.departmentId}`);
  if (f.categoryId !== undefined && except !== "category") parts.push(Prisma.sql`c = ${f.categoryId}`);
  if (f.year !== undefined && except !== "year") parts.push(Prisma.sql`y = ${f.year}`);
  if (f.validity !== undefined && except !== "validity") parts.push(Prisma.sql`v = ${f.validity}::"DisclosureValidity"`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type FacetRow = { f: string; k: string | null; n: bigint };

/**
 * Counts for every facet in one statement. Each facet's counts apply all the other facets'
 * filters but not its own: choosing value X of a facet (which replaces the current choice of
 * that facet) gives exactly the count shown next to X. "total" applies all filters.
 */
async function facetCounts(client: Db, tsq: string | null, f: Filters): Promise<FacetRow[]> {
  const query = client.$queryRaw<FacetRow[]>`
    WITH m AS MATERIALIZED (
      SELECT "departmentId" AS d, "categoryId" AS c, "year" AS y, "validity" AS v
      FROM "SearchDocument" ${where(tsq, {})}
    )
    SELECT 'total' AS f, NULL AS k, count(*) AS n FROM m ${mWhere(f)}
    UNION ALL SELECT 'department', d, count(*) FROM m ${mWhere(f, "department")} GROUP BY d
    UNION ALL SELECT 'category', c, count(*) FROM m ${mWhere(f, "category")} GROUP BY c
    UNION ALL SELECT 'year', y::text, count(*) FROM m ${mWhere(f, "year")} GROUP BY y
    UNION ALL SELECT 'validity', v::text, count(*) FROM m ${mWhere(f, "validity")} GROUP BY v`;
  if (!tsq) return query;
  // With a common term (收费 in a third of all items) the planner prefers a sequential scan
  // that evaluates @@ on every row, detoasting every full vector; the GIN bitmap needs no
  // recheck for plain terms and reads only the narrow heap columns. See docs/performance.md.
  const [, rows] = await client.$transaction([client.$executeRaw`SET LOCAL enable_seqscan = off`, query]);
  return rows;
}

type HitRow = {
  itemId: string;
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  summary: string;
  text: string;
  departmentId: string;
  categoryId: string;
  validity: Validity;
  publishedAt: Date;
  rank: number | null;
};

async function pageRows(
  client: Db,
  tsq: string | null,
  f: Filters,
  sort: Sort,
  total: number,
  limit: number,
  offset: number,
): Promise<HitRow[]> {
  const vector = total <= FULL_RANK_MAX_MATCHES ? Prisma.raw(`"tsv"`) : Prisma.raw(`"tsvHead"`);
  const rank = tsq ? Prisma.sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], ${vector}, ${tsq}::tsquery)` : Prisma.sql`NULL::float4`;
  const order =
    tsq && sort === "relevance"
      ? Prisma.sql`ORDER BY rank DESC, "publishedAt" DESC, "itemId" DESC`
      : Prisma.sql`ORDER BY "publishedAt" DESC, "itemId" DESC`;
  // Step 1 orders only ids (and the rank, from the vector kept in the heap row); step 2
  // reads the wide columns of the 20 rows shown, instead of every match.
  const pageQuery = client.$queryRaw<{ itemId: string; rank: number | null }[]>`
    SELECT "itemId", ${rank} AS rank FROM "SearchDocument" ${where(tsq, f)}
    ${order} LIMIT ${limit} OFFSET ${offset}`;
  // Same reason as in facetCounts: match through the GIN index, never by detoasting every vector.
  const page = tsq ? (await client.$transaction([client.$executeRaw`SET LOCAL enable_seqscan = off`, pageQuery]))[1] : await pageQuery;
  if (page.length === 0) return [];
  const details = await client.$queryRaw<Omit<HitRow, "rank">[]>`
    SELECT "itemId", "indexNumber", "title", "documentNumber", "summary", left("text", 4000) AS "text",
      "departmentId", "categoryId", "validity"::text AS "validity", "publishedAt"
    FROM "SearchDocument" WHERE "itemId" IN (${Prisma.join(page.map((p) => p.itemId))})`;
  const byId = new Map(details.map((d) => [d.itemId, d]));
  return page.flatMap((p) => {
    const d = byId.get(p.itemId);
    return d ? [{ ...d, rank: p.rank }] : [];
  });
}

const EMPTY_FACETS = (): Facets => ({ category: [], department: [], year: [], validity: [] });

/**
 * Runs a search. An empty query (or one with nothing searchable) lists the newest items
 * with the same facets. Unknown facet codes simply match nothing.
 */
export async function searchDisclosures(params: SearchParams, client?: Db): Promise<SearchResult> {
  if (client) return runSearch(params, client);
  // The public read cache (cleared by pg_notify on every visibility change, see
  // lib/disclosure/public-cache.ts): popular searches (低保, 招聘) repeat a lot.
  const key = `search:${JSON.stringify([params.q, params.category, params.department, params.year, params.validity, params.sort, params.page, params.pageSize])}`;
  return cachedCatalogue(key, () => runSearch(params, defaultDb()), {
    weigh: (r) => 2 + r.items.reduce((n, h) => n + (h.title.length + h.snippetParts.reduce((m, p) => m + p.text.length, 0)) * 3, 0) / 1024,
  });
}

async function runSearch(params: SearchParams, client: Db): Promise<SearchResult> {
  const parsed = parseQuery(params.q);
  const notices: string[] = [];
  if (parsed.truncated) notices.push("检索词过长或词语过多，仅使用前面的部分");
  const tsq = buildTsquery(parsed);
  if (!tsq && parsed.terms.some((t) => t.exclude)) notices.push("请至少输入一个要查找的词语（不能只有排除词）");

  // Codes in the URL → ids in the index. An unknown code matches nothing ("" is no id).
  const [dept, cat] = await Promise.all([
    params.department
      ? client.department.findUnique({ where: { code: params.department }, select: { id: true } })
      : Promise.resolve(null),
    params.category
      ? client.category.findUnique({ where: { code: params.category }, select: { id: true } })
      : Promise.resolve(null),
  ]);
  const filters: Filters = {
    departmentId: params.department ? (dept?.id ?? "") : undefined,
    categoryId: params.category ? (cat?.id ?? "") : undefined,
    year: params.year,
    validity: params.validity,
  };

  const counts = await facetCounts(client, tsq, filters);
  const total = Number(counts.find((r) => r.f === "total")?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const offset = (params.page - 1) * params.pageSize;
  const rows = offset < total ? await pageRows(client, tsq, filters, params.sort, total, params.pageSize, offset) : [];

  // Names for facet values and hits, in two small lookups.
  const deptIds = new Set<string>(rows.map((r) => r.departmentId));
  const catIds = new Set<string>(rows.map((r) => r.categoryId));
  for (const r of counts) {
    if (r.f === "department" && r.k) deptIds.add(r.k);
    if (r.f === "category" && r.k) catIds.add(r.k);
  }
  const [depts, cats] = await Promise.all([
    client.department.findMany({
      where: { id: { in: [...deptIds] } },
      select: { id: true, code: true, name: true, sortOrder: true },
    }),
    client.category.findMany({ where: { id: { in: [...catIds] } }, select: { id: true, code: true, name: true, sortOrder: true } }),
  ]);
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const catById = new Map(cats.map((c) => [c.id, c]));

  const facets = EMPTY_FACETS();
  for (const r of counts) {
    if (r.f === "total" || r.k === null) continue;
    const count = Number(r.n);
    if (r.f === "department") {
      const d = deptById.get(r.k);
      if (d) facets.department.push({ key: d.code, label: d.name, count });
    } else if (r.f === "category") {
      const c = catById.get(r.k);
      if (c) facets.category.push({ key: c.code, label: c.name, count });
    } else if (r.f === "year") {
      facets.year.push({ key: r.k, label: `${r.k}年`, count });
    } else if (r.f === "validity") {
      facets.validity.push({ key: r.k, label: VALIDITY_LABELS[r.k as Validity] ?? r.k, count });
    }
  }
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.key.localeCompare(b.key);
  facets.department.sort(byCount);
  facets.category.sort(byCount);
  facets.year.sort((a, b) => Number(b.key) - Number(a.key));
  facets.validity.sort((a, b) => Object.keys(VALIDITY_LABELS).indexOf(a.key) - Object.keys(VALIDITY_LABELS).indexOf(b.key));

  const terms = tsq ? highlightTerms(parsed) : [];
  const items: SearchHit[] = rows.map((r) => {
    const d = deptById.get(r.departmentId);
    const c = catById.get(r.categoryId);
    // The best passage of summary and body together (the summary is what the catalogue shows).
    const snippetParts = bestSnippet(r.summary ? `${r.summary} ${r.text}` : r.text, terms);
    return {
      id: r.itemId,
      indexNumber: r.indexNumber,
      title: r.title,
      titleParts: markAll(r.title, terms),
      documentNumber: r.documentNumber,
      department: { code: d?.code ?? "", name: d?.name ?? "" },
      category: { code: c?.code ?? "", name: c?.name ?? "" },
      validity: { key: r.validity, label: VALIDITY_LABELS[r.validity] },
      publishedAt: r.publishedAt,
      snippetParts,
      rank: r.rank === null ? null : Number(r.rank),
    };
  });

  return { params, query: parsed.text, emptyQuery: !tsq, notices, total, pages, items, facets };
}
