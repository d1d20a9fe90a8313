// searchDisclosures: the one search entry point of the /search page and of
// GET /api/v1/disclosures?q=… . Reads SearchDocument only (visible items by construction).

import type { Db } from "@/lib/db/client";
import { db as defaultDb } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import { VALIDITY_LABELS, type Validity } from "@/lib/disclosure/rules/validity";
import { ServiceBusyError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_SEARCH_PAGE, MAX_SEARCH_PAGE_SIZE, type SearchParams, type Sort } from "./params";
import { buildTsquery, highlightTerms, parseQuery } from "./query";
import { bestSnippet, markAll, type SnippetPart } from "./snippet";

/** ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}: body, summary, 文号/索引号/主题词, title. */
const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
/**
 * Up to this many matches, results are ordered by ts_rank_cd on the full vector (detoasting
 * each match's vector). Above it, the items whose heading (title, 文号, 索引号, 主题词,
 * summary) matches come first, newest first, found through the heading's own GIN index;
 * then the other matches, newest first. Neither step reads a vector. See docs/performance.md.
 */
export const FULL_RANK_MAX_MATCHES = 2_000;
/** The deepest result a search offers (MAX_SEARCH_PAGE pages of the largest page size). */
const MAX_RESULTS = MAX_SEARCH_PAGE * MAX_SEARCH_PAGE_SIZE;

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

/** A query's tsquery text, and whether it excludes terms (then a heading match alone proves nothing). */
type Match = { tsq: string; excludes: boolean };

function filterParts(f: Filters, except?: FacetKey): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.departmentId !== undefined && except !== "department") parts.push(Prisma.sql`"departmentId" = ${f.departmentId}`);
  if (f.categoryId !== undefined && except !== "category") parts.push(Prisma.sql`"categoryId" = ${f.categoryId}`);
  if (f.year !== undefined && except !== "year") parts.push(Prisma.sql`"year" = ${f.year}`);
  if (f.validity !== undefined && except !== "validity") parts.push(Prisma.sql`"validity" = ${f.validity}::"DisclosureValidity"`);
  return parts;
}

function where(tsq: string | null, f: Filters, extra: Prisma.Sql[] = []): Prisma.Sql {
  const parts = [...(tsq ? [Prisma.sql`"tsv" @@ ${tsq}::tsquery`] : []), ...filterParts(f), ...extra];
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type FacetRow = { f: string; k: string | null; n: bigint };

/**
 * Runs statements with the GIN path forced. For a common term (收费 in several percent of
 * all items) the planner may prefer a sequential scan that evaluates @@ on every row,
 * detoasting every vector; the GIN bitmap needs no recheck for plain terms and reads only
 * the narrow heap row. See docs/performance.md.
 */
async function viaGin<T>(client: Db, query: Prisma.PrismaPromise<T>): Promise<T> {
  try {
    const [, , , rows] = await client.$transaction([
      client.$executeRaw`SET LOCAL enable_seqscan = off`,
      client.$executeRaw`SET LOCAL enable_indexscan = off`,
      // A search never holds a connection for long: past this it answers "busy" (503), not 500.
      client.$executeRaw`SET LOCAL statement_timeout = '5s'`,
      query,
    ]);
    return rows;
  } catch (e) {
    if (isOverload(e)) throw new ServiceBusyError(SEARCH_BUSY_MESSAGE);
    throw e;
  }
}

export const SEARCH_BUSY_MESSAGE = "检索服务繁忙或检索范围过宽，请稍后再试，或增加检索词、筛选条件缩小范围";

/** A statement timeout (57014), an expired transaction (P2028) or no free connection (P2024). */
function isOverload(e: unknown): boolean {
  const seen = new Set<unknown>();
  for (let cur: unknown = e; cur && typeof cur === "object" && !seen.has(cur); cur = (cur as { cause?: unknown }).cause) {
    seen.add(cur);
    const o = cur as { code?: unknown; meta?: { code?: unknown }; originalCode?: unknown; message?: unknown };
    if (o.code === "P2028" || o.code === "P2024" || o.code === "57014" || o.meta?.code === "57014" || o.originalCode === "57014")
      return true;
    if (typeof o.message === "string" && /canceling statement due to statement timeout/.test(o.message)) return true;
  }
  return false;
}

/** How many matches have each combination of the four facet values. */
type ComboRow = { d: string; c: string; y: number; v: string; n: bigint };

/**
 * Counts for every facet from one pass over the matches: the statement groups them by the
 * combination of the four facet values (a few thousand groups at most), and the counts are
 * summed here. Each facet's counts apply all the other facets' filters but not its own:
 * choosing value X of a facet (which replaces the current choice of that facet) gives
 * exactly the count shown next to X. "total" applies all filters.
 * A search reads SearchTerm (narrow rows, vectors out of line); an empty query lists
 * SearchDocument, which holds the same facet columns.
 */
async function facetCounts(client: Db, match: Match | null, f: Filters): Promise<FacetRow[]> {
  const table = match ? Prisma.raw(`"SearchTerm"`) : Prisma.raw(`"SearchDocument"`);
  const query = client.$queryRaw<ComboRow[]>`
    SELECT "departmentId" AS d, "categoryId" AS c, "year" AS y, "validity"::text AS v, count(*) AS n
    FROM ${table} ${where(match?.tsq ?? null, {})} GROUP BY 1, 2, 3, 4`;
  const combos = match ? await viaGin(client, query) : await query;
  return sumFacets(combos, f);
}

/** Facet counts (and the total) from combination counts; pure. */
export function sumFacets(combos: readonly ComboRow[], f: Filters): FacetRow[] {
  const keep = (r: ComboRow, except?: FacetKey) =>
    (f.departmentId === undefined || except === "department" || r.d === f.departmentId) &&
    (f.categoryId === undefined || except === "category" || r.c === f.categoryId) &&
    (f.year === undefined || except === "year" || r.y === f.year) &&
    (f.validity === undefined || except === "validity" || r.v === f.validity);
  const sums: Record<FacetKey, Map<string, bigint>> = { department: new Map(), category: new Map(), year: new Map(), validity: new Map() };
  const keyOf: Record<FacetKey, (r: ComboRow) => string> = {
    department: (r) => r.d,
    category: (r) => r.c,
    year: (r) => String(r.y),
    validity: (r) => r.v,
  };
  let total = 0n;
  for (const r of combos) {
    const n = r.n;
    if (keep(r)) total += n;
    for (const facet of Object.keys(sums) as FacetKey[]) {
      if (!keep(r, facet)) continue;
      const k = keyOf[facet](r);
      sums[facet].set(k, (sums[facet].get(k) ?? 0n) + n);
    }
  }
  const rows: FacetRow[] = [{ f: "total", k: null, n: total }];
  for (const facet of Object.keys(sums) as FacetKey[]) for (const [k, n] of sums[facet]) rows.push({ f: facet, k, n });
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

type PageRef = { itemId: string; rank: number | null };

/** The ids (and ranks) of one page of results, in order. */
async function pageIds(
  client: Db,
  match: Match | null,
  f: Filters,
  sort: Sort,
  large: boolean,
  limit: number,
  offset: number,
): Promise<PageRef[]> {
  const newest = Prisma.sql`ORDER BY "publishedAt" DESC, "itemId" DESC`;
  if (!match) {
    // Newest first through SearchDocument's (publishedAt DESC, itemId DESC) indexes.
    return client.$queryRaw<PageRef[]>`
      SELECT "itemId", NULL::float4 AS rank FROM "SearchDocument" ${where(null, f)} ${newest} LIMIT ${limit} OFFSET ${offset}`;
  }
  const q = Prisma.sql`${match.tsq}::tsquery`;
  if (sort !== "relevance") {
    return viaGin(
      client,
      client.$queryRaw<PageRef[]>`
      SELECT "itemId", NULL::float4 AS rank FROM "SearchTerm" ${where(match.tsq, f)} ${newest} LIMIT ${limit} OFFSET ${offset}`,
    );
  }
  if (!large) {
    return viaGin(
      client,
      client.$queryRaw<PageRef[]>`
      SELECT "itemId", ts_rank_cd(${RANK_WEIGHTS}::float4[], "tsv", ${q}) AS rank FROM "SearchTerm" ${where(match.tsq, f)}
      ORDER BY rank DESC, "publishedAt" DESC, "itemId" DESC LIMIT ${limit} OFFSET ${offset}`,
    );
  }
  // Large result set: heading matches first (newest first), then the rest (newest first).
  // The heading vector is a subset of the full one at the same positions, so without
  // exclusions a heading match is a full match and its GIN index alone decides it.
  const want = Math.min(offset + limit, MAX_RESULTS);
  const headCond = match.excludes ? [Prisma.sql`"tsvHead" @@ ${q}`, Prisma.sql`"tsv" @@ ${q}`] : [Prisma.sql`"tsvHead" @@ ${q}`];
  const head = await viaGin(
    client,
    client.$queryRaw<{ itemId: string }[]>`
    SELECT "itemId" FROM "SearchTerm" WHERE ${Prisma.join([...headCond, ...filterParts(f)], " AND ")} ${newest} LIMIT ${want}`,
  );
  const headRefs = head.map((h) => ({ itemId: h.itemId, rank: 1 }));
  if (head.length >= want) return headRefs.slice(offset, offset + limit);
  // The heading tier is complete (fewer than `want`): the rest follows it.
  const restOffset = Math.max(0, offset - head.length);
  const restLimit = offset + limit - Math.max(offset, head.length);
  const notHead = head.length ? [Prisma.sql`"itemId" <> ALL(${head.map((h) => h.itemId)}::text[])`] : [];
  const rest = await viaGin(
    client,
    client.$queryRaw<{ itemId: string }[]>`
    SELECT "itemId" FROM "SearchTerm" ${where(match.tsq, f, notHead)} ${newest} LIMIT ${restLimit} OFFSET ${restOffset}`,
  );
  return [...headRefs.slice(offset), ...rest.map((r) => ({ itemId: r.itemId, rank: 0 }))];
}

async function pageRows(
  client: Db,
  match: Match | null,
  f: Filters,
  sort: Sort,
  large: boolean,
  limit: number,
  offset: number,
): Promise<HitRow[]> {
  // Step 1 orders only ids; step 2 reads the wide columns of the rows shown.
  const page = await pageIds(client, match, f, sort, large, limit, offset);
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

export type SearchOptions = {
  /** Result-set size up to which full ts_rank_cd ranking is used (tests lower it). */
  fullRankMax?: number;
};

const EMPTY_FACETS = (): Facets => ({ category: [], department: [], year: [], validity: [] });

/**
 * Runs a search. An empty query (or one with nothing searchable) lists the newest items
 * with the same facets. Unknown facet codes simply match nothing.
 */
export async function searchDisclosures(params: SearchParams, client?: Db, opts: SearchOptions = {}): Promise<SearchResult> {
  if (client) return runSearch(params, client, opts);
  // The public read cache (cleared by pg_notify on every visibility change, see
  // lib/disclosure/public-cache.ts): popular searches (低保, 招聘) repeat a lot.
  const key = `search:${JSON.stringify([params.q, params.category, params.department, params.year, params.validity, params.sort, params.page, params.pageSize])}`;
  return cachedCatalogue(key, () => runSearch(params, defaultDb()), {
    weigh: (r) => 2 + r.items.reduce((n, h) => n + (h.title.length + h.snippetParts.reduce((m, p) => m + p.text.length, 0)) * 3, 0) / 1024,
  });
}

async function runSearch(params: SearchParams, client: Db, opts: SearchOptions = {}): Promise<SearchResult> {
  const parsed = parseQuery(params.q);
  const notices: string[] = [];
  if (parsed.truncated) notices.push("检索词过长或词语过多，仅使用前面的部分");
  const tsq = buildTsquery(parsed);
  if (!tsq && parsed.terms.some((t) => t.exclude)) notices.push("请至少输入一个要查找的词语（不能只有排除词）");

  // Codes in the URL → ids in the index. An unknown code matches nothing ("" is no id).
  const [dept, cat] = await Promise.all([
    params.department ? client.department.findUnique({ where: { code: params.department }, select: { id: true } }) : Promise.resolve(null),
    params.category ? client.category.findUnique({ where: { code: params.category }, select: { id: true } }) : Promise.resolve(null),
  ]);
  const filters: Filters = {
    departmentId: params.department ? (dept?.id ?? "") : undefined,
    categoryId: params.category ? (cat?.id ?? "") : undefined,
    year: params.year,
    validity: params.validity,
  };

  const match: Match | null = tsq ? { tsq, excludes: parsed.terms.some((t) => t.exclude) } : null;
  const counts = await facetCounts(client, match, filters);
  const total = Number(counts.find((r) => r.f === "total")?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const offset = (params.page - 1) * params.pageSize;
  const rows =
    offset < total
      ? await pageRows(client, match, filters, params.sort, total > (opts.fullRankMax ?? FULL_RANK_MAX_MATCHES), params.pageSize, offset)
      : [];

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
      facets.validity.push({ key: r.k, label: (VALIDITY_LABELS as Partial<Record<string, string>>)[r.k] ?? r.k, count });
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
      rank: r.rank,
    };
  });

  return { params, query: parsed.text, emptyQuery: !tsq, notices, total, pages, items, facets };
}
