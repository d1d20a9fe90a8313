// Converting between the item form, the RevisionContent the hash covers, and revision rows.

import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffRevisions, revisionHash, type AttachmentRef, type RevisionContent, type RevisionDiff } from "./rules/revision";
import { sanitizeBody } from "./rules/sanitize";
import type { ItemFormValues } from "./rules/validity";

export const toDbDate = (d: string) => new Date(`${d}T00:00:00.000Z`);
export const fromDbDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Form values (already zod-parsed) → revision content; the body is sanitized here.
 * `interpretsItemId` (解读) is validated by the caller (lib/disclosure/save-item.ts).
 */
export function contentFromForm(v: ItemFormValues, attachments: AttachmentRef[], interpretsItemId: string | null = null): RevisionContent {
  return {
    title: v.title,
    documentNumber: v.documentNumber,
    categoryId: v.categoryId,
    writtenOn: v.writtenOn,
    formedOn: v.formedOn,
    summary: v.summary,
    body: sanitizeBody(v.body),
    keywords: v.keywords,
    disclosureMode: v.disclosureMode,
    disclosureScope: v.disclosureScope,
    validity: v.validity,
    replacedById: v.replacedById,
    tier: v.tier,
    negative: v.negative,
    responsibleSection: v.responsibleSection,
    responsiblePerson: v.responsiblePerson,
    interpretsItemId,
    attachments,
  };
}

export type RevisionRow = {
  id: string;
  hash: string;
  content: Prisma.JsonValue;
};

/**
 * The content of a revision: its stored content JSON, with the 解读 link taken from the
 * revision's column. Revisions saved since the link became part of the content have the
 * same value in both; older ones (migration revision_interprets) have it in the column
 * only — their recorded hash does not cover it, so the JSON is left as it was hashed.
 * Reading the column keeps the link in the diff and in a new revision made from this one.
 */
export function contentOf(row: { content: Prisma.JsonValue; interpretsItemId: string | null }): RevisionContent {
  return { ...(row.content as unknown as RevisionContent), interpretsItemId: row.interpretsItemId };
}

type ContentRow = Parameters<typeof contentOf>[0];

/**
 * The diff of two revisions as the history page shows it: categories by name, linked items
 * (修改或废止该文件的信息, 所解读的信息) by title and 索引号 instead of raw ids.
 */
export async function diffRevisionRows(c: Db | Tx, left: ContentRow, right: ContentRow): Promise<RevisionDiff> {
  const before = contentOf(left);
  const after = contentOf(right);
  const linkedIds = [...new Set([before.replacedById, after.replacedById, before.interpretsItemId, after.interpretsItemId])].filter(
    (x): x is string => !!x,
  );
  const [categories, linked] = await Promise.all([
    c.category.findMany({ where: { id: { in: [...new Set([before.categoryId, after.categoryId])] } }, select: { id: true, name: true } }),
    linkedIds.length
      ? c.disclosureItem.findMany({
          where: { id: { in: linkedIds } },
          select: {
            id: true,
            indexNumber: true,
            publishedRevision: { select: { title: true } },
            workingRevision: { select: { title: true } },
          },
        })
      : Promise.resolve([]),
  ]);
  return diffRevisions(before, after, {
    describeCategory: (id) => categories.find((x) => x.id === id)?.name ?? id,
    describeItem: (id) => {
      const x = linked.find((i) => i.id === id);
      return x ? `${x.publishedRevision?.title ?? x.workingRevision?.title ?? ""}（${x.indexNumber}）` : id;
    },
  });
}

/**
 * Inserts an immutable revision with the next number for the item. `attachmentIds` must be
 * in the same order as `content.attachments`.
 */
export async function insertRevision(
  tx: Tx,
  args: { itemId: string; content: RevisionContent; attachmentIds: string[]; authorId: string; redaction?: boolean; now: Date },
) {
  const { itemId, content, attachmentIds, authorId, now } = args;
  // Sanitize again: this is the only door revisions go through.
  const safe: RevisionContent = { ...content, body: sanitizeBody(content.body), interpretsItemId: content.interpretsItemId ?? null };
  const hash = revisionHash(safe);
  const last = await tx.disclosureRevision.findFirst({ where: { itemId }, orderBy: { number: "desc" }, select: { number: true } });
  const rev = await tx.disclosureRevision.create({
    data: {
      itemId,
      number: (last?.number ?? 0) + 1,
      hash,
      content: JSON.parse(JSON.stringify(safe)) as Prisma.InputJsonValue,
      title: safe.title,
      documentNumber: safe.documentNumber,
      categoryId: safe.categoryId,
      writtenOn: toDbDate(safe.writtenOn),
      formedOn: toDbDate(safe.formedOn),
      summary: safe.summary,
      body: safe.body,
      keywords: [...safe.keywords],
      disclosureMode: safe.disclosureMode,
      disclosureScope: safe.disclosureScope,
      validity: safe.validity,
      replacedById: safe.replacedById,
      interpretsItemId: safe.interpretsItemId,
      tier: safe.tier,
      negative: safe.negative,
      responsibleSection: safe.responsibleSection,
      responsiblePerson: safe.responsiblePerson,
      authorId,
      redaction: args.redaction ?? false,
      createdAt: now,
    },
    select: { id: true, hash: true },
  });
  if (attachmentIds.length > 0) {
    await tx.disclosureRevisionAttachment.createMany({
      data: attachmentIds.map((attachmentId, i) => ({ revisionId: rev.id, attachmentId, sortOrder: i })),
    });
  }
  return rev;
}
