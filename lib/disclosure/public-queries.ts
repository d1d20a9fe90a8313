// Read-only queries of the public catalogue: lists (catalogue, department, API, feed,
// sitemap) and one item with its attachments. Everything goes through the in-process
// cache of public-cache.ts, which catalogue-change notifications clear.
//
// Lists read the SearchDocument table (prisma/schema/search.prisma): one narrow row per
// publicly listed item, maintained by lib/search/sync-item.ts in the same transaction as
// every visibility change, with keyset indexes (publishedAt DESC, itemId DESC) alone and
// behind departmentId, categoryId and year. Item pages read DisclosureItem by primary key
// and show the *published* revision only — the 解读 links in both directions included: they
// live on revisions (DisclosureRevision.interpretsItemId), so an edited link stays out of
// sight until its revision is signed off and published.

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { cachedCatalogue } from "./public-cache";
import { sanitizeBody } from "./rules/sanitize";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { fromDbDate } from "./content";
import { loadWorkingDayCounter } from "./working-days";
import { chinaYearRange, encodeCursor, pageWindow, publicViewOf, type Cursor, type ListQuery, type PublicView } from "./public-params";

const NAMES_TTL_MS = 60_000;
/** Above this offset a multi-category page is sorted once instead of merged per category. */
const LATERAL_MAX_OFFSET = 1_000;

// ---------------------------------------------------------------------------------------
// Departments and categories (small tables; names change without catalogue notifications)
// ---------------------------------------------------------------------------------------

export type NamedRef = { id: string; code: string; name: string };
type CategoryInfo = NamedRef & { parentId: string | null };

type Directory = {
  departments: Map<string, NamedRef>;
  departmentByCode: Map<string, NamedRef>;
  categories: Map<string, CategoryInfo>;
  categoryByCode: Map<string, CategoryInfo>;
};

async function directory(): Promise<Directory> {
  return cachedCatalogue(
    "directory",
    async () => {
      const [deps, cats] = await Promise.all([
        db().department.findMany({ select: { id: true, code: true, name: true } }),
        db().category.findMany({ select: { id: true, code: true, name: true, parentId: true } }),
      ]);
      return {
        departments: new Map(deps.map((d) => [d.id, d])),
        departmentByCode: new Map(deps.map((d) => [d.code, d])),
        categories: new Map(cats.map((c) => [c.id, c])),
        categoryByCode: new Map(cats.map((c) => [c.code, c])),
      };
    },
    { ttlMs: NAMES_TTL_MS, weigh: () => 64 },
  );
}

/** The category with `code` and the ids of it and all its descendants. */
export async function findPublicCategory(code: string): Promise<(NamedRef & { ids: string[] }) | null> {
  const dir = await directory();
  const cat = dir.categoryByCode.get(code);
  if (!cat) return null;
  const children = new Map<string, string[]>();
  for (const c of dir.categories.values()) {
    if (!c.parentId) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c.id);
    children.set(c.parentId, list);
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  const stack = [cat.id];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return { id: cat.id, code: cat.code, name: cat.name, ids };
}

export async function findPublicDepartmentByCode(code: string): Promise<NamedRef | null> {
  return (await directory()).departmentByCode.get(code) ?? null;
}

export async function findPublicDepartmentById(id: string): Promise<NamedRef | null> {
  return (await directory()).departments.get(id) ?? null;
}

// ---------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------

export type PublicListRow = {
  id: string;
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  department: NamedRef | null;
  category: NamedRef | null;
  /** 发布日期 (first publication). */
  publishedAt: Date;
  validity: string;
};

export type PublicListPage = {
  items: PublicListRow[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  /** Cursor of the last row (for "下一页"), null on the last page. */
  nextCursor: string | null;
  /** Cursor of the first row (for "上一页"), null on the first page. */
  prevCursor: string | null;
  /** False when a filter names an unknown category or department. */
  filtersKnown: boolean;
};

type Filter = { categoryIds?: string[]; departmentId?: string; year?: number };

type RawRow = {
  itemId: string;
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  departmentId: string;
  categoryId: string;
  publishedAt: Date;
  validity: string;
};

const COLS = Prisma.sql`"itemId", "indexNumber", "title", "documentNumber", "departmentId", "categoryId", "publishedAt", "validity"::text AS "validity"`;

/** Conditions other than the category (the category is handled by the caller). */
function conditions(f: Filter, extra: Prisma.Sql[] = []): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.departmentId) parts.push(Prisma.sql`"departmentId" = ${f.departmentId}`);
  if (f.year) {
    const { from, to } = chinaYearRange(f.year);
    parts.push(Prisma.sql`"publishedAt" >= ${from} AND "publishedAt" < ${to}`);
  }
  parts.push(...extra);
  return Prisma.join(parts, " AND ");
}

function keyset(c: Cursor | undefined, dir: "older" | "newer"): Prisma.Sql[] {
  if (!c) return [];
  return dir === "older"
    ? [Prisma.sql`("publishedAt", "itemId") < (${c.publishedAt}, ${c.id})`]
    : [Prisma.sql`("publishedAt", "itemId") > (${c.publishedAt}, ${c.id})`];
}

/**
 * Rows in `order`, skipping `offset`, at most `limit`, matching `f` plus `extra`. With
 * several categories and a small offset, each category's index range is read in order
 * and merged (LATERAL), so a parent category never sorts all its rows.
 */
async function selectRows(f: Filter, extra: Prisma.Sql[], order: "desc" | "asc", offset: number, limit: number): Promise<RawRow[]> {
  const dir = order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const ids = f.categoryIds;
  if (ids && ids.length > 1 && offset <= LATERAL_MAX_OFFSET) {
    // Keys only inside the merge (index-only where the filter allows), columns for the page.
    return db().$queryRaw<RawRow[]>`
      WITH page AS (
        SELECT d."itemId" FROM unnest(${ids}::text[]) AS c(id)
        CROSS JOIN LATERAL (
          SELECT "itemId", "publishedAt" FROM "SearchDocument"
          WHERE "categoryId" = c.id AND ${conditions(f, extra)}
          ORDER BY "publishedAt" ${dir}, "itemId" ${dir}
          LIMIT ${offset + limit}
        ) d
        ORDER BY d."publishedAt" ${dir}, d."itemId" ${dir}
        OFFSET ${offset} LIMIT ${limit}
      )
      SELECT ${COLS} FROM "SearchDocument" WHERE "itemId" IN (SELECT "itemId" FROM page)
      ORDER BY "publishedAt" ${dir}, "itemId" ${dir}`;
  }
  const cat = ids ? (ids.length === 1 ? [Prisma.sql`"categoryId" = ${ids[0]}`] : [Prisma.sql`"categoryId" = ANY(${ids}::text[])`]) : [];
  const where = conditions(f, [...cat, ...extra]);
  if (offset === 0) {
    return db().$queryRaw<RawRow[]>`
      SELECT ${COLS} FROM "SearchDocument" WHERE ${where}
      ORDER BY "publishedAt" ${dir}, "itemId" ${dir} LIMIT ${limit}`;
  }
  // Skip over the index only (the offset rows are never fetched from the heap).
  return db().$queryRaw<RawRow[]>`
    WITH page AS (
      SELECT "itemId", "publishedAt" FROM "SearchDocument" WHERE ${where}
      ORDER BY "publishedAt" ${dir}, "itemId" ${dir} OFFSET ${offset} LIMIT ${limit}
    )
    SELECT ${COLS} FROM "SearchDocument" WHERE "itemId" IN (SELECT "itemId" FROM page)
    ORDER BY "publishedAt" ${dir}, "itemId" ${dir}`;
}

async function countRows(f: Filter): Promise<number> {
  const ids = f.categoryIds;
  const cat = ids ? [Prisma.sql`"categoryId" = ANY(${ids}::text[])`] : [];
  const rows = await db().$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "SearchDocument" WHERE ${conditions(f, cat)}`;
  return rows[0]?.n ?? 0;
}

function filterKey(f: Filter): string {
  return JSON.stringify([f.categoryIds ?? null, f.departmentId ?? null, f.year ?? null]);
}

/** Resolves the codes of a list query into ids; null when a code is unknown. */
async function resolveFilter(q: Pick<ListQuery, "category" | "department" | "year">): Promise<Filter | null> {
  const f: Filter = { year: q.year };
  if (q.category) {
    const c = await findPublicCategory(q.category);
    if (!c) return null;
    f.categoryIds = c.ids;
  }
  if (q.department) {
    const d = await findPublicDepartmentByCode(q.department);
    if (!d) return null;
    f.departmentId = d.id;
  }
  return f;
}

/**
 * One page of the public catalogue, newest 发布日期 first. With `after`/`before` it is a
 * keyset page next to the cursor (what the 上一页/下一页 links use); otherwise page `page`
 * is read with an offset from the nearer end of the list. `page` beyond the end gives no
 * rows. The total comes from a cached count.
 */
export async function listPublicDisclosures(q: ListQuery): Promise<PublicListPage> {
  const f = await resolveFilter(q);
  const empty = (total: number, filtersKnown: boolean): PublicListPage => ({
    items: [],
    total,
    page: q.page,
    pageSize: q.pageSize,
    totalPages: Math.max(1, Math.ceil(total / q.pageSize)),
    nextCursor: null,
    prevCursor: null,
    filtersKnown,
  });
  if (!f) return empty(0, false);

  const fk = filterKey(f);
  // The total may be the previous one for the few ms after a change while the new count
  // runs (counting a large category is the most expensive query here); pages read from the
  // end of the list need the exact total and wait for it.
  const countKey = `count:${fk}`;
  let total = await cachedCatalogue(countKey, () => countRows(f), { staleWhileRevalidate: true });
  if (!q.after && !q.before && pageWindow(q.page, q.pageSize, total)?.order !== "desc") {
    total = await cachedCatalogue(countKey, () => countRows(f));
  }
  const key = `list:${fk}:${q.pageSize}:${q.page}:${q.after ? encodeCursor(q.after) : ""}:${q.before ? encodeCursor(q.before) : ""}`;
  const rows = await cachedCatalogue(
    key,
    async () => {
      if (q.after) return selectRows(f, keyset(q.after, "older"), "desc", 0, q.pageSize);
      if (q.before) return (await selectRows(f, keyset(q.before, "newer"), "asc", 0, q.pageSize)).reverse();
      const w = pageWindow(q.page, q.pageSize, total);
      if (!w) return [];
      const r = await selectRows(f, [], w.order, w.offset, w.limit);
      return w.order === "asc" ? r.reverse() : r;
    },
    { weigh: (r) => 1 + r.length / 4 },
  );

  const dir = await directory();
  const items = rows.map((r) => toListRow(r, dir));
  const totalPages = Math.max(1, Math.ceil(total / q.pageSize));
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
    totalPages,
    nextCursor: last && q.page < totalPages ? encodeCursor({ publishedAt: last.publishedAt, id: last.id }) : null,
    prevCursor: first && q.page > 1 ? encodeCursor({ publishedAt: first.publishedAt, id: first.id }) : null,
    filtersKnown: true,
  };
}

function toListRow(r: RawRow, dir: Directory): PublicListRow {
  const d = dir.departments.get(r.departmentId);
  const c = dir.categories.get(r.categoryId);
  return {
    id: r.itemId,
    indexNumber: r.indexNumber,
    title: r.title,
    documentNumber: r.documentNumber,
    department: d ? { id: d.id, code: d.code, name: d.name } : null,
    category: c ? { id: c.id, code: c.code, name: c.name } : null,
    publishedAt: r.publishedAt,
    validity: r.validity,
  };
}

/** The newest `limit` listed items (home pages). */
export async function latestPublicDisclosures(limit = 10): Promise<PublicListRow[]> {
  const rows = await cachedCatalogue(`latest:${limit}`, () => selectRows({}, [], "desc", 0, limit));
  const dir = await directory();
  return rows.map((r) => toListRow(r, dir));
}

export type FeedEntry = PublicListRow & { summary: string; updatedAt: Date };

/** The newest `limit` items with their summaries (Atom feed). */
export async function publicFeedEntries(limit = 50): Promise<FeedEntry[]> {
  const rows = await cachedCatalogue(
    `feed:${limit}`,
    () =>
      db().$queryRaw<Array<RawRow & { summary: string; updatedAt: Date }>>`
      SELECT ${COLS}, "summary", "updatedAt" FROM "SearchDocument"
      ORDER BY "publishedAt" DESC, "itemId" DESC LIMIT ${limit}`,
    { weigh: (r) => 1 + r.length },
  );
  const dir = await directory();
  return rows.map((r) => ({ ...toListRow(r, dir), summary: r.summary, updatedAt: r.updatedAt }));
}

/** Ids and dates of the newest `limit` items (sitemap). */
export async function publicSitemapEntries(limit: number): Promise<Array<{ id: string; lastModified: Date }>> {
  return cachedCatalogue(
    `sitemap:${limit}`,
    async () => {
      const rows = await db().$queryRaw<Array<{ itemId: string; updatedAt: Date }>>`
      SELECT "itemId", "updatedAt" FROM "SearchDocument" ORDER BY "publishedAt" DESC, "itemId" DESC LIMIT ${limit}`;
      return rows.map((r) => ({ id: r.itemId, lastModified: r.updatedAt }));
    },
    { weigh: (r) => 1 + r.length / 20 },
  );
}

// ---------------------------------------------------------------------------------------
// One item
// ---------------------------------------------------------------------------------------

export type PublicAttachment = { id: string; fileName: string; kind: string; mime: string; size: number };
export type LinkedItem = { id: string; title: string; indexNumber: string };

export type PublicItemDetail = {
  id: string;
  view: "LIVE" | "NOTICE";
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  summary: string;
  /** Sanitized when stored (lib/disclosure/content.ts); rendered as is. */
  bodyHtml: string;
  keywords: string[];
  department: NamedRef | null;
  category: NamedRef | null;
  /** 成文日期, "YYYY-MM-DD". */
  writtenOn: string;
  /** 形成（变更）日期 of the live version, "YYYY-MM-DD" (Art. 26 counts from it). */
  formedOn: string;
  /**
   * Working days from formedOn to the live version's publication (0 = the same day), by the
   * portal's one working-day counter (lib/disclosure/working-days.ts), as on the admin page.
   */
  publicationWorkingDays: number;
  /** 发布日期 (first publication). */
  publishedAt: Date;
  /** When the live version was published (≠ publishedAt after an update). */
  updatedAt: Date;
  validity: string;
  disclosureMode: string;
  disclosureScope: string;
  withdrawal: { reason: string; note: string | null; at: Date | null } | null;
  /** The item that amended or repealed this one (有效性 已修改/已废止). */
  replacedBy: LinkedItem | null;
  /** The item this one interprets, when its published revision is a 解读 (and the item is public). */
  interprets: LinkedItem | null;
  /** Public items whose published revision interprets (解读) this one. */
  interpretations: LinkedItem[];
  attachments: PublicAttachment[];
};

export type PublicItemResult =
  | { view: "HIDDEN" }
  | { view: "GONE"; id: string; indexNumber: string; withdrawnAt: Date | null }
  | {
      view: "REPLACED";
      id: string;
      indexNumber: string;
      title: string;
      withdrawnAt: Date | null;
      note: string | null;
      replacement: LinkedItem | null;
    }
  | PublicItemDetail;

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

const VIEW_SELECT = {
  id: true,
  state: true,
  publishedRevisionId: true,
  firstPublishedAt: true,
  withdrawnPage: true,
  indexNumber: true,
  publishedRevision: { select: { title: true } },
} as const;

/** Linked items that the public may see, by id, with their titles. */
/** Links to the items among `ids` a citizen can open (live, withdrawn with notice, replaced). */
export async function visibleLinks(ids: string[]): Promise<Map<string, LinkedItem>> {
  const unique = [...new Set(ids)].filter((id) => ID_RE.test(id));
  if (unique.length === 0) return new Map();
  const rows = await db().disclosureItem.findMany({ where: { id: { in: unique } }, select: VIEW_SELECT });
  return new Map(
    rows
      .filter((r) => {
        const v = publicViewOf(r);
        return v === "LIVE" || v === "NOTICE" || v === "REPLACED";
      })
      .map((r) => [r.id, { id: r.id, title: r.publishedRevision?.title ?? r.indexNumber, indexNumber: r.indexNumber }]),
  );
}

async function loadItem(id: string): Promise<PublicItemResult> {
  const row = await db().disclosureItem.findUnique({
    where: { id },
    select: {
      id: true,
      state: true,
      indexNumber: true,
      departmentId: true,
      publishedRevisionId: true,
      firstPublishedAt: true,
      publishedAt: true,
      withdrawnAt: true,
      withdrawalReason: true,
      withdrawnPage: true,
      withdrawalNote: true,
      replacementItemId: true,
      publishedRevision: {
        select: {
          title: true,
          documentNumber: true,
          categoryId: true,
          writtenOn: true,
          formedOn: true,
          summary: true,
          body: true,
          keywords: true,
          disclosureMode: true,
          disclosureScope: true,
          validity: true,
          replacedById: true,
          interpretsItemId: true,
          attachments: {
            orderBy: { sortOrder: "asc" },
            select: { attachment: { select: { id: true, fileName: true, kind: true, mime: true, size: true } } },
          },
        },
      },
    },
  });
  if (!row) return { view: "HIDDEN" };
  const view: PublicView = publicViewOf(row);
  const rev = row.publishedRevision;
  // publicViewOf already hides an item never published; the checks narrow the types.
  const firstPublishedAt = row.firstPublishedAt;
  if (view === "HIDDEN" || !rev || !firstPublishedAt) return { view: "HIDDEN" };
  if (view === "GONE") return { view, id: row.id, indexNumber: row.indexNumber, withdrawnAt: row.withdrawnAt };
  if (view === "REPLACED") {
    const links = await visibleLinks(row.replacementItemId ? [row.replacementItemId] : []);
    return {
      view,
      id: row.id,
      indexNumber: row.indexNumber,
      title: rev.title,
      withdrawnAt: row.withdrawnAt,
      note: row.withdrawalNote,
      replacement: row.replacementItemId ? (links.get(row.replacementItemId) ?? null) : null,
    };
  }

  // The signed revision's 有效性. A fee's derived 有效性 (its successor takes effect, a date
  // passes) is laid over this by lib/structured/public-item.ts, which builds on this module.
  const validity = rev.validity;
  const replacedById = rev.replacedById;
  const [dir, links, interpretationRows, workingDays] = await Promise.all([
    directory(),
    visibleLinks([replacedById, rev.interpretsItemId].filter((x): x is string => !!x)),
    // Items whose *published* revision interprets this one (DisclosureRevision_interpretsItemId_idx);
    // a pending version that adds or drops the link does not count until it is published.
    db().disclosureItem.findMany({
      where: { publishedRevision: { is: { interpretsItemId: row.id } } },
      select: VIEW_SELECT,
      orderBy: { firstPublishedAt: "desc" },
      take: 20,
    }),
    loadWorkingDayCounter(),
  ]);
  const dep = dir.departments.get(row.departmentId);
  const formedOn = fromDbDate(rev.formedOn);
  const livePublishedAt = row.publishedAt ?? firstPublishedAt;
  const cat = dir.categories.get(rev.categoryId);
  return {
    id: row.id,
    view,
    indexNumber: row.indexNumber,
    title: rev.title,
    documentNumber: rev.documentNumber,
    summary: rev.summary,
    // Sanitized when stored; again here (cached) in case a row was written another way.
    bodyHtml: sanitizeBody(rev.body),
    keywords: rev.keywords,
    department: dep ? { id: dep.id, code: dep.code, name: dep.name } : null,
    category: cat ? { id: cat.id, code: cat.code, name: cat.name } : null,
    writtenOn: rev.writtenOn.toISOString().slice(0, 10),
    formedOn,
    publicationWorkingDays: workingDays(formedOn, civilDateInShanghai(livePublishedAt)),
    publishedAt: firstPublishedAt,
    updatedAt: livePublishedAt,
    validity,
    disclosureMode: rev.disclosureMode,
    disclosureScope: rev.disclosureScope,
    withdrawal: view === "NOTICE" ? { reason: row.withdrawalReason ?? "EXPIRED", note: row.withdrawalNote, at: row.withdrawnAt } : null,
    replacedBy: replacedById ? (links.get(replacedById) ?? null) : null,
    interprets: rev.interpretsItemId ? (links.get(rev.interpretsItemId) ?? null) : null,
    interpretations: interpretationRows
      .filter((r) => {
        const v = publicViewOf(r);
        return v === "LIVE" || v === "NOTICE";
      })
      .map((r) => ({ id: r.id, title: r.publishedRevision?.title ?? r.indexNumber, indexNumber: r.indexNumber })),
    attachments: rev.attachments.map((a) => a.attachment),
  };
}

/** The public view of one item: what its page (and the API) may show. */
export async function getPublicItem(id: string): Promise<PublicItemResult> {
  if (!ID_RE.test(id)) return { view: "HIDDEN" };
  return cachedCatalogue(`item:${id}`, () => loadItem(id), {
    weigh: (r) => ("bodyHtml" in r ? 1 + (r.bodyHtml.length + r.summary.length) / 1024 : 1),
  });
}

export type PublicAttachmentResult =
  | { view: "HIDDEN" }
  | { view: "GONE" }
  | { view: "REPLACED"; itemId: string }
  | { view: "LIVE" | "NOTICE"; attachment: PublicAttachment & { storageName: string; sha256: string } };

/**
 * An attachment as the download route may serve it: only files of the item's *published*
 * revision, with the same visibility rule as the item page.
 */
export async function getPublicAttachment(itemId: string, attachmentId: string): Promise<PublicAttachmentResult> {
  if (!ID_RE.test(itemId) || !ID_RE.test(attachmentId)) return { view: "HIDDEN" };
  return cachedCatalogue(`file:${itemId}:${attachmentId}`, async (): Promise<PublicAttachmentResult> => {
    const item = await db().disclosureItem.findUnique({
      where: { id: itemId },
      select: { state: true, publishedRevisionId: true, firstPublishedAt: true, withdrawnPage: true },
    });
    // An item with no published revision is hidden (publicViewOf says so too).
    if (!item || item.publishedRevisionId === null) return { view: "HIDDEN" };
    const revisionId = item.publishedRevisionId;
    const view = publicViewOf(item);
    if (view === "HIDDEN") return { view };
    if (view === "GONE") return { view };
    const link = await db().disclosureRevisionAttachment.findUnique({
      where: { revisionId_attachmentId: { revisionId, attachmentId } },
      select: {
        attachment: {
          select: { id: true, itemId: true, fileName: true, kind: true, mime: true, size: true, storageName: true, sha256: true },
        },
      },
    });
    if (!link || link.attachment.itemId !== itemId) return { view: "HIDDEN" };
    if (view === "REPLACED") return { view, itemId };
    const { itemId: _owner, ...attachment } = link.attachment;
    return { view, attachment };
  });
}

/** The 发布年份 that have listed items, newest first (a loose index scan of the year index). */
export async function publicYears(): Promise<number[]> {
  return cachedCatalogue("years", async () => {
    const rows = await db().$queryRaw<Array<{ y: number | null }>>`
      WITH RECURSIVE y AS (
        SELECT max("year") AS y FROM "SearchDocument"
        UNION ALL
        SELECT (SELECT max("year") FROM "SearchDocument" WHERE "year" < y.y) FROM y WHERE y.y IS NOT NULL
      )
      SELECT y FROM y WHERE y IS NOT NULL`;
    return rows.map((r) => Number(r.y));
  });
}

/**
 * Site name and 主办单位 for the route handlers (feed, 410/404 pages). Same fallback rule as
 * lib/site/settings.ts, read here so these handlers do not depend on Next's data cache.
 */
export async function publicSiteInfo(): Promise<{ siteName: string; hostOrg: string }> {
  const fallback = process.env.SITE_NAME?.trim() || "示例县人民政府";
  try {
    return await cachedCatalogue(
      "site-info",
      async () => {
        const row = await db().siteSetting.findUnique({ where: { id: 1 }, select: { siteName: true, hostOrg: true } });
        const siteName = row?.siteName.trim() || fallback;
        return { siteName, hostOrg: row?.hostOrg.trim() || siteName };
      },
      { ttlMs: NAMES_TTL_MS },
    );
  } catch {
    return { siteName: fallback, hostOrg: fallback };
  }
}
