// Public reads. Only the structured row of each item's PUBLISHED revision is used, so a
// pending edit is invisible until its sign-off completes and it is published. Results are
// kept in the public catalogue cache, which every publication clears (lib/disclosure/public-cache.ts).

import { db } from "@/lib/db/client";
import { cachedCatalogue } from "@/lib/disclosure/public-cache";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { VALIDITY_LABELS } from "@/lib/disclosure/rules/validity";
import type { DataOf } from "./kinds";

/** The 元数据 shown above every structured page. */
export type PublicMeta = {
  itemId: string;
  indexNumber: string;
  publisher: string;
  firstPublishedAt: string | null;
  publishedAt: string | null;
  validity: string;
  /** Withdrawn (撤回) with its page kept (已失效 notice or replaced): shown on its own page, left out of "current" views. */
  withdrawn: boolean;
  title: string;
  revisionId: string;
  /** The published body (used when the published revision has no structured row, e.g. a redacted 部分公开 revision). */
  body: string;
};

export type PublicRecord<K extends StructuredKind> = {
  kind: K;
  departmentId: string;
  predecessorItemId: string | null;
  meta: PublicMeta;
  /** null when the published revision carries no structured data (redacted revision). */
  data: DataOf<K> | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A cheap fingerprint of what the public can see (latest publication and withdrawal, number
 * of live items), made part of every cache key here. Invalidation is by NOTIFY; this makes a
 * missed or delayed notification harmless: a new publication changes the key at once.
 */
export async function publicFingerprint(): Promise<string> {
  // Over the structured items only (hundreds of rows, joined by primary key): the catalogue
  // may hold a million ordinary items, and this runs on every structured page.
  const rows = await db().$queryRaw<Array<{ p: Date | null; w: Date | null; n: bigint }>>`
    SELECT max(i."publishedAt") AS p, max(i."withdrawnAt") AS w, count(*) FILTER (WHERE i."publishedRevisionId" IS NOT NULL) AS n
    FROM "StructuredRecord" r JOIN "DisclosureItem" i ON i."id" = r."itemId"`;
  const r = rows[0];
  return `${r?.p?.getTime() ?? 0}.${r?.w?.getTime() ?? 0}.${r?.n ?? 0}`;
}

async function loadPublished<K extends StructuredKind>(kind: K, itemIds?: string[]): Promise<PublicRecord<K>[]> {
  const c = db();
  const records = await c.structuredRecord.findMany({
    where: { kind, ...(itemIds ? { itemId: { in: itemIds } } : {}) },
    select: { itemId: true, departmentId: true, predecessorItemId: true },
  });
  if (records.length === 0) return [];
  const items = await c.disclosureItem.findMany({
    where: {
      id: { in: records.map((r) => r.itemId) },
      publishedRevisionId: { not: null },
      OR: [{ state: { not: "WITHDRAWN" } }, { withdrawnPage: { in: ["NOTICE", "REPLACED"] } }],
    },
    select: {
      id: true,
      indexNumber: true,
      departmentId: true,
      firstPublishedAt: true,
      publishedAt: true,
      state: true,
      publishedRevision: { select: { id: true, title: true, validity: true, body: true } },
    },
  });
  const revIds = items.flatMap((i) => (i.publishedRevision ? [i.publishedRevision.id] : []));
  const [rows, depts] = await Promise.all([
    c.structuredRevision.findMany({ where: { revisionId: { in: revIds } }, select: { revisionId: true, data: true } }),
    c.department.findMany({ select: { id: true, name: true } }),
  ]);
  const dataOf = new Map(rows.map((r) => [r.revisionId, r.data]));
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const byId = new Map(records.map((r) => [r.itemId, r]));
  // The query above only returns items of these records that have a published revision;
  // the checks narrow the types.
  return items.flatMap((i): PublicRecord<K>[] => {
    const r = byId.get(i.id);
    const rev = i.publishedRevision;
    if (!r || !rev) return [];
    const record: PublicRecord<K> = {
      kind,
      departmentId: r.departmentId,
      predecessorItemId: r.predecessorItemId,
      meta: {
        itemId: i.id,
        indexNumber: i.indexNumber,
        publisher: deptName.get(i.departmentId) ?? "",
        firstPublishedAt: iso(i.firstPublishedAt),
        publishedAt: iso(i.publishedAt),
        validity: i.state === "WITHDRAWN" ? "已撤回" : VALIDITY_LABELS[rev.validity],
        withdrawn: i.state === "WITHDRAWN",
        title: rev.title,
        revisionId: rev.id,
        body: rev.body,
      },
      data: (dataOf.get(rev.id) as DataOf<K> | undefined) ?? null,
    };
    return [record];
  });
}

/** A published record whose revision carries structured data. */
export type RecordWithData<K extends StructuredKind> = PublicRecord<K> & { data: DataOf<K> };

export function hasData<K extends StructuredKind>(r: PublicRecord<K>): r is RecordWithData<K> {
  return r.data !== null;
}

/** Every published record of a kind (cached until the next publication). */
export async function publishedRecords<K extends StructuredKind>(kind: K): Promise<PublicRecord<K>[]> {
  const fp = await publicFingerprint();
  return cachedCatalogue(`structured:${kind}:all:${fp}`, () => loadPublished(kind), { weigh: (v) => v.length * 2 });
}

export async function publishedRecord<K extends StructuredKind>(kind: K, itemId: string): Promise<PublicRecord<K> | null> {
  const all = await publishedRecords(kind);
  return all.find((r) => r.meta.itemId === itemId) ?? null;
}

/** Published records of a kind that are not withdrawn: what "current" views list. */
export async function currentRecords<K extends StructuredKind>(kind: K): Promise<Array<RecordWithData<K>>> {
  return (await publishedRecords(kind)).filter((r): r is RecordWithData<K> => hasData(r) && !r.meta.withdrawn);
}

export type HistoryEntry<K extends StructuredKind> = {
  itemId: string;
  revisionId: string;
  publishedAt: string;
  /** When the item was withdrawn with its page kept; from then on it is no longer current. */
  withdrawnAt: string | null;
  data: DataOf<K>;
};

/**
 * Every published revision of a kind with its publication instant, oldest first — the
 * history behind the "as of" views (领导分工 ?date=…) and the 公开指南's earlier versions.
 * Items withdrawn as published in error (page gone) are left out entirely.
 */
export async function publishedHistory<K extends StructuredKind>(kind: K): Promise<Array<HistoryEntry<K>>> {
  const fp = await publicFingerprint();
  return cachedCatalogue(`structured:${kind}:history:${fp}`, async () => {
    const c = db();
    const rows = await c.structuredRevision.findMany({ where: { kind }, select: { revisionId: true, itemId: true, data: true } });
    if (rows.length === 0) return [];
    const itemIds = [...new Set(rows.map((r) => r.itemId))];
    const [revs, items] = await Promise.all([
      c.disclosureRevision.findMany({
        where: { itemId: { in: itemIds }, publishedAt: { not: null } },
        select: { id: true, itemId: true, publishedAt: true },
        orderBy: [{ publishedAt: "asc" }, { number: "asc" }],
      }),
      c.disclosureItem.findMany({
        where: { id: { in: itemIds }, publishedRevisionId: { not: null } },
        select: { id: true, state: true, withdrawnAt: true, withdrawnPage: true },
      }),
    ]);
    const itemOf = new Map(items.map((i) => [i.id, i]));
    const dataOf = new Map(rows.map((r) => [r.revisionId, r.data]));
    return revs.flatMap((r): HistoryEntry<K>[] => {
      const i = itemOf.get(r.itemId);
      // The query asks for published revisions only; the null check narrows the type.
      if (!dataOf.has(r.id) || !i || (i.state === "WITHDRAWN" && i.withdrawnPage === "GONE") || !r.publishedAt) return [];
      return [
        {
          itemId: r.itemId,
          revisionId: r.id,
          publishedAt: r.publishedAt.toISOString(),
          withdrawnAt: i.state === "WITHDRAWN" ? iso(i.withdrawnAt) : null,
          data: dataOf.get(r.id) as DataOf<K>,
        },
      ];
    });
  });
}

export function departmentNames(): Promise<
  Map<string, { name: string; kind: string; parentId: string | null; sortOrder: number; code: string }>
> {
  return cachedCatalogue("structured:departments", async () => {
    const rows = await db().department.findMany({
      select: { id: true, name: true, kind: true, parentId: true, sortOrder: true, code: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    });
    return new Map(rows.map((d) => [d.id, d]));
  });
}
