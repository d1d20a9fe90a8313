// Writes an already-published structured record directly (demo seed and test fixtures only:
// real records go through createStructured → review → sign-off → publish).

import type { Db, Tx } from "@/lib/db/client";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { insertRevision } from "@/lib/disclosure/content";
import { allocateIndexNumber } from "@/lib/disclosure/index-number";
import { chinaDateOf } from "@/lib/disclosure/rules/dates";
import { afterVisibilityChange } from "@/lib/disclosure/visibility";
import { parseKind } from "./prepare";
import { contentFor, json } from "./save-structured";

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
    const indexNumber = await allocateIndexNumber(tx, a.issuingDepartmentId, content.categoryId, Number(chinaDateOf(now).slice(0, 4)));
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
        { itemId: item.id, type: "PUBLISH", actorId: a.author.id, actorName: a.author.displayName, fromState: "PENDING_SIGNOFF", toState: "PUBLISHED", comment: "演示数据", at: now },
      ],
    });
    await tx.structuredRecord.create({
      data: { itemId: item.id, kind: a.kind, departmentId: data.departmentId, predecessorItemId: a.predecessorItemId ?? null, createdAt: now },
    });
    await tx.structuredRevision.create({ data: { revisionId: rev.id, itemId: item.id, kind: a.kind, data: json(data), createdAt: now } });
    // As a real publication does: searchable and in the public catalogue at once.
    await afterVisibilityChange(tx, item.id);
    return item.id;
  });
}
