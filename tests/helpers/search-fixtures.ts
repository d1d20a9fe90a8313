// Items for search tests: written straight into the tables (not through the workflow verbs,
// which have their own tests), then indexed with syncSearchDocument like a publish would.

import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { DisclosureItemState, DisclosureValidity } from "@/lib/generated/prisma/enums";
import { syncSearchDocument } from "@/lib/search/sync-item";

export interface FixtureItem {
  title: string;
  departmentId: string;
  categoryId: string;
  documentNumber?: string | null;
  summary?: string;
  body?: string;
  keywords?: string[];
  validity?: DisclosureValidity;
  publishedAt?: Date;
  /** PUBLISHED by default; DRAFT etc. make an item that was never published. */
  state?: DisclosureItemState;
  attachments?: { fileName: string; kind: string; storageName?: string }[];
}

let seq = 0;

export async function createSearchFixture(
  client: Db,
  o: FixtureItem,
): Promise<{ id: string; indexNumber: string; attachmentIds: string[] }> {
  const id = `it${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const revId = `rv${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const state = o.state ?? "PUBLISHED";
  const published = state !== "DRAFT" && state !== "PENDING_REVIEW" && state !== "PENDING_SIGNOFF" && state !== "SCHEDULED";
  const publishedAt = o.publishedAt ?? new Date();
  const indexNumber = `TEST${(++seq).toString().padStart(4, "0")}/01-${publishedAt.getUTCFullYear()}-${String(seq).padStart(5, "0")}${id.slice(-4).toUpperCase()}`;
  const attachmentIds: string[] = [];
  await client.$transaction(async (tx) => {
    await tx.disclosureItem.create({
      data: {
        id,
        departmentId: o.departmentId,
        state,
        indexNumber,
        createdById: "test",
        firstPublishedAt: published ? publishedAt : null,
        publishedAt: published ? publishedAt : null,
      },
    });
    await tx.disclosureRevision.create({
      data: {
        id: revId,
        itemId: id,
        number: 1,
        hash: revId,
        content: {},
        title: o.title,
        documentNumber: o.documentNumber ?? null,
        categoryId: o.categoryId,
        writtenOn: publishedAt,
        formedOn: publishedAt,
        summary: o.summary ?? "",
        body: o.body ?? "",
        keywords: o.keywords ?? [],
        validity: o.validity ?? "VALID",
        responsibleSection: "办公室",
        responsiblePerson: "测试",
        authorId: "test",
        publishedAt: published ? publishedAt : null,
      },
    });
    for (const [i, a] of (o.attachments ?? []).entries()) {
      const att = await tx.disclosureAttachment.create({
        data: {
          itemId: id,
          storageName: a.storageName ?? `${id}-${i}`,
          fileName: a.fileName,
          kind: a.kind,
          mime: "application/octet-stream",
          size: 1,
          sha256: "0",
          uploadedById: "test",
        },
      });
      attachmentIds.push(att.id);
      await tx.disclosureRevisionAttachment.create({ data: { revisionId: revId, attachmentId: att.id, sortOrder: i } });
    }
    await tx.disclosureItem.update({
      where: { id },
      data: { workingRevisionId: revId, publishedRevisionId: published ? revId : null },
    });
    await syncSearchDocument(tx, id);
  });
  return { id, indexNumber, attachmentIds };
}
