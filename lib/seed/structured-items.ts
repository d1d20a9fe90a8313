// Writes already-published records directly (demo seed and test fixtures only: real records
// go through createStructured / createItem → review → sign-off → publish).

import type { Db, Tx } from "@/lib/db/client";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import type { RevisionContent } from "@/lib/disclosure/rules/revision";
import { insertRevision } from "@/lib/disclosure/content";
import { allocateIndexNumber } from "@/lib/disclosure/index-number";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { afterVisibilityChange } from "@/lib/disclosure/visibility";
import { parseKind } from "@/lib/structured/prepare";
import { contentFor, json } from "@/lib/structured/save-structured";

export async function seedPublishedStructured(
  c: Db,
  a: {
    kind: StructuredKind;
    raw: unknown;
    issuingDepartmentId: string;
    author: { id: string; displayName: string; departmentId: string };
    publishedAt: Date;
    predecessorItemId?: string | null;
    /** Extra data merged after parsing (the 公开指南's generated snapshot). */
    extra?: Record<string, unknown>;
  },
): Promise<string> {
  const data = { ...(parseKind(a.kind, a.raw) as object), ...(a.extra ?? {}) } as { departmentId: string };
  return c.$transaction(async (tx: Tx) => {
    const now = a.publishedAt;
    const content = await contentFor(tx, a.kind, data, {}, a.author, now);
    const indexNumber = await allocateIndexNumber(
      tx,
      a.issuingDepartmentId,
      content.categoryId,
      Number(civilDateInShanghai(now).slice(0, 4)),
    );
    const item = await tx.disclosureItem.create({
      data: { departmentId: a.issuingDepartmentId, indexNumber, createdById: a.author.id, createdAt: now },
      select: { id: true },
    });
    const rev = await insertRevision(tx, { itemId: item.id, content, attachmentIds: [], authorId: a.author.id, now });
    await tx.disclosureRevision.update({ where: { id: rev.id }, data: { publishedAt: now } });
    await tx.disclosureItem.update({
      where: { id: item.id },
      data: { state: "PUBLISHED", workingRevisionId: rev.id, publishedRevisionId: rev.id, firstPublishedAt: now, publishedAt: now },
    });
    await tx.disclosureEvent.createMany({
      data: [
        { itemId: item.id, type: "CREATE", actorId: a.author.id, actorName: a.author.displayName, toState: "DRAFT", at: now },
        {
          itemId: item.id,
          type: "PUBLISH",
          actorId: a.author.id,
          actorName: a.author.displayName,
          fromState: "PENDING_SIGNOFF",
          toState: "PUBLISHED",
          comment: "演示数据",
          at: now,
        },
      ],
    });
    await tx.structuredRecord.create({
      data: {
        itemId: item.id,
        kind: a.kind,
        departmentId: data.departmentId,
        predecessorItemId: a.predecessorItemId ?? null,
        createdAt: now,
      },
    });
    await tx.structuredRevision.create({ data: { revisionId: rev.id, itemId: item.id, kind: a.kind, data: json(data), createdAt: now } });
    // As a real publication does: searchable and in the public catalogue at once.
    await afterVisibilityChange(tx, item.id);
    return item.id;
  });
}

/**
 * An ordinary published disclosure item (no structured data) in the category `categoryCode`:
 * the 公开制度 documents of the demo county and test fixtures.
 */
export async function seedPublishedItem(
  c: Db,
  a: {
    categoryCode: string;
    title: string;
    documentNumber: string | null;
    summary: string;
    body: string;
    departmentId: string;
    author: { id: string; displayName: string };
    publishedAt: Date;
    responsibleSection?: string;
  },
): Promise<{ id: string; indexNumber: string }> {
  return c.$transaction(async (tx: Tx) => {
    const now = a.publishedAt;
    const category = await tx.category.findUnique({ where: { code: a.categoryCode }, select: { id: true } });
    if (!category) throw new Error(`category ${a.categoryCode} missing`);
    const today = civilDateInShanghai(now);
    const content: RevisionContent = {
      title: a.title,
      documentNumber: a.documentNumber,
      categoryId: category.id,
      writtenOn: today,
      formedOn: today,
      summary: a.summary,
      body: a.body,
      keywords: [],
      disclosureMode: "PROACTIVE",
      disclosureScope: "PUBLIC",
      validity: "VALID",
      replacedById: null,
      tier: "GENERAL",
      negative: false,
      responsibleSection: a.responsibleSection ?? "办公室",
      responsiblePerson: a.author.displayName,
      attachments: [],
    };
    const indexNumber = await allocateIndexNumber(tx, a.departmentId, category.id, Number(today.slice(0, 4)));
    const item = await tx.disclosureItem.create({
      data: { departmentId: a.departmentId, indexNumber, createdById: a.author.id, createdAt: now },
      select: { id: true },
    });
    const rev = await insertRevision(tx, { itemId: item.id, content, attachmentIds: [], authorId: a.author.id, now });
    await tx.disclosureRevision.update({ where: { id: rev.id }, data: { publishedAt: now } });
    await tx.disclosureItem.update({
      where: { id: item.id },
      data: { state: "PUBLISHED", workingRevisionId: rev.id, publishedRevisionId: rev.id, firstPublishedAt: now, publishedAt: now },
    });
    await tx.disclosureEvent.createMany({
      data: [
        { itemId: item.id, type: "CREATE", actorId: a.author.id, actorName: a.author.displayName, toState: "DRAFT", at: now },
        {
          itemId: item.id,
          type: "PUBLISH",
          actorId: a.author.id,
          actorName: a.author.displayName,
          fromState: "PENDING_SIGNOFF",
          toState: "PUBLISHED",
          comment: "演示数据",
          at: now,
        },
      ],
    });
    await afterVisibilityChange(tx, item.id);
    return { id: item.id, indexNumber };
  });
}
