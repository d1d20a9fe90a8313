// Converting between the item form, the RevisionContent the hash covers, and revision rows.

import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { revisionHash, type AttachmentRef, type RevisionContent } from "./rules/revision";
import { sanitizeBody } from "./rules/sanitize";
import type { ItemFormValues } from "./rules/validity";

export const toDbDate = (d: string) => new Date(`${d}T00:00:00.000Z`);
export const fromDbDate = (d: Date) => d.toISOString().slice(0, 10);

/** Form values (already zod-parsed) → revision content; the body is sanitized here. */
export function contentFromForm(v: ItemFormValues, attachments: AttachmentRef[]): RevisionContent {
  return {
    title: v.title,
    documentNumber: v.documentNumber,
    categoryId: v.categoryId,
    writtenOn: v.writtenOn,
    formedOn: v.formedOn,
    summary: v.summary,
    body: sanitizeBody(v.body ?? ""),
    keywords: v.keywords,
    disclosureMode: v.disclosureMode,
    disclosureScope: v.disclosureScope,
    validity: v.validity,
    replacedById: v.replacedById,
    tier: v.tier,
    negative: v.negative,
    responsibleSection: v.responsibleSection,
    responsiblePerson: v.responsiblePerson,
    attachments,
  };
}

export type RevisionRow = {
  id: string;
  hash: string;
  content: Prisma.JsonValue;
};

/** The stored content JSON of a revision (as hashed). */
export function contentOf(row: { content: Prisma.JsonValue }): RevisionContent {
  return row.content as unknown as RevisionContent;
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
  const safe: RevisionContent = { ...content, body: sanitizeBody(content.body) };
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
