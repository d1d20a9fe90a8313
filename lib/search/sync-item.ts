import type { Tx } from "@/lib/db/client";
import { htmlToTextLines } from "@/lib/disclosure/rules/html-text";
import { buildSearchDocument } from "./document";

/** Attachment kinds the extraction runner can read (lib/search/extract). */
export const EXTRACTABLE_KINDS = ["PDF", "DOCX"] as const;

/**
 * (Re)builds or deletes the search document of one disclosure item, according to whether the
 * item is publicly visible right now. Call it inside the transaction of every visibility change
 * (publish, scheduled publish, withdraw, edit-publish, 有效性 change) so search never shows an
 * item the catalogue no longer shows.
 *
 * Visible in search = has a published revision and is not withdrawn (a withdrawn item's page
 * may stay with a notice, but it is no longer offered by search). The document is built from
 * the published revision only, never the working one. Attachments of the published revision
 * that are PDF/DOCX and not yet extracted are queued (AttachmentText PENDING) for the
 * background runner, which calls this again when their text is ready.
 */
export async function syncSearchDocument(tx: Tx, itemId: string): Promise<void> {
  const item = await tx.disclosureItem.findUnique({
    where: { id: itemId },
    select: {
      state: true,
      departmentId: true,
      indexNumber: true,
      firstPublishedAt: true,
      publishedAt: true,
      publishedRevision: {
        select: {
          title: true,
          documentNumber: true,
          categoryId: true,
          summary: true,
          body: true,
          keywords: true,
          validity: true,
          publishedAt: true,
          attachments: {
            select: { attachment: { select: { id: true, kind: true, fileName: true } } },
            orderBy: { sortOrder: "asc" },
          },
        },
      },
    },
  });

  const rev = item?.publishedRevision;
  // 发布日期 = first publication; without it the item is not public (publicViewOf in
  // lib/disclosure/public-params.ts applies the same rule to pages).
  const publishedAt = item?.firstPublishedAt ?? null;
  if (!item || !rev || item.state === "WITHDRAWN" || !publishedAt) {
    await tx.$executeRaw`DELETE FROM "SearchTerm" WHERE "itemId" = ${itemId}`;
    await tx.$executeRaw`DELETE FROM "SearchDocument" WHERE "itemId" = ${itemId}`;
    return;
  }

  const attachments = rev.attachments.map((a) => a.attachment);
  const extractable = attachments.filter((a) => (EXTRACTABLE_KINDS as readonly string[]).includes(a.kind));
  const texts = extractable.length
    ? await tx.attachmentText.findMany({
        where: { attachmentId: { in: extractable.map((a) => a.id) } },
        select: { attachmentId: true, status: true, text: true },
      })
    : [];
  const known = new Set(texts.map((t) => t.attachmentId));
  const missing = extractable.filter((a) => !known.has(a.id));
  if (missing.length) {
    await tx.attachmentText.createMany({
      data: missing.map((a) => ({ attachmentId: a.id })),
      skipDuplicates: true,
    });
  }
  const textById = new Map(texts.filter((t) => t.status === "DONE").map((t) => [t.attachmentId, t.text]));

  const doc = buildSearchDocument({
    title: rev.title,
    documentNumber: rev.documentNumber,
    indexNumber: item.indexNumber,
    keywords: rev.keywords,
    summary: rev.summary,
    bodyText: htmlToTextLines(rev.body).join("\n"),
    attachmentTexts: attachments.flatMap((a) => [a.fileName, textById.get(a.id) ?? ""]),
    publishedAt,
  });

  await tx.$executeRaw`
    INSERT INTO "SearchDocument" ("itemId", "departmentId", "categoryId", "year", "validity", "publishedAt",
      "indexNumber", "title", "documentNumber", "summary", "text", "updatedAt")
    VALUES (${itemId}, ${item.departmentId}, ${rev.categoryId}, ${doc.year}, ${rev.validity}::"DisclosureValidity",
      ${publishedAt}, ${item.indexNumber}, ${rev.title}, ${rev.documentNumber}, ${rev.summary}, ${doc.text}, now())
    ON CONFLICT ("itemId") DO UPDATE SET
      "departmentId" = EXCLUDED."departmentId", "categoryId" = EXCLUDED."categoryId", "year" = EXCLUDED."year",
      "validity" = EXCLUDED."validity", "publishedAt" = EXCLUDED."publishedAt", "indexNumber" = EXCLUDED."indexNumber",
      "title" = EXCLUDED."title", "documentNumber" = EXCLUDED."documentNumber", "summary" = EXCLUDED."summary",
      "text" = EXCLUDED."text", "updatedAt" = now()`;
  await tx.$executeRaw`
    INSERT INTO "SearchTerm" ("itemId", "departmentId", "categoryId", "year", "validity", "publishedAt", "tsv", "tsvHead")
    VALUES (${itemId}, ${item.departmentId}, ${rev.categoryId}, ${doc.year}, ${rev.validity}::"DisclosureValidity",
      ${publishedAt}, ${doc.tsv}::tsvector, ${doc.tsvHead}::tsvector)
    ON CONFLICT ("itemId") DO UPDATE SET
      "departmentId" = EXCLUDED."departmentId", "categoryId" = EXCLUDED."categoryId", "year" = EXCLUDED."year",
      "validity" = EXCLUDED."validity", "publishedAt" = EXCLUDED."publishedAt", "tsv" = EXCLUDED."tsv",
      "tsvHead" = EXCLUDED."tsvHead"`;
}
