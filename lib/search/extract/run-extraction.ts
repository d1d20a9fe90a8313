// The attachment-text runner: takes pending AttachmentText rows (queued by
// syncSearchDocument when a published revision has PDF/DOCX attachments), extracts the text
// and rebuilds the search documents of the items that show the attachment.
//
// Call `runExtractionBatch()` from the job runner (every minute or so), or run
// `npx tsx scripts/extract-attachments.ts [--watch]`. Several runners may run at once: a
// row is claimed by bumping `attempts` and `updatedAt`, and a claim older than
// CLAIM_TIMEOUT_MIN is taken over (the runner that held it died).

import { readFile } from "node:fs/promises";
import path from "node:path";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { uploadDir } from "@/lib/disclosure/attachments";
import { notifyCatalogueChanged } from "@/lib/disclosure/public-cache";
import { syncSearchDocument } from "../sync-item";
import { extractDocxText } from "./docx";
import { extractPdfText } from "./pdf";

const MAX_ATTEMPTS = 3;
const CLAIM_TIMEOUT_MIN = 10;
/** Stored text per attachment (the search document indexes at most 60,000 characters anyway). */
const MAX_TEXT_CHARS = 200_000;

export interface ExtractionReport {
  claimed: number;
  done: number;
  failed: number;
  unsupported: number;
}

type Extractor = (bytes: Uint8Array) => Promise<string>;
const EXTRACTORS: Record<string, Extractor> = { PDF: (b) => extractPdfText(b), DOCX: extractDocxText };

export async function runExtractionBatch(
  opts: { limit?: number; client?: Db; readStored?: (storageName: string) => Promise<Uint8Array> } = {},
): Promise<ExtractionReport> {
  const client = opts.client ?? defaultDb();
  const read = opts.readStored ?? ((name: string) => readFile(path.join(uploadDir(), path.basename(name))));
  const claimed = await client.$queryRaw<{ attachmentId: string; attempts: number }[]>`
    UPDATE "AttachmentText" SET "attempts" = "attempts" + 1, "updatedAt" = now()
    WHERE "attachmentId" IN (
      SELECT "attachmentId" FROM "AttachmentText"
      WHERE "status" = 'PENDING' AND "attempts" < ${MAX_ATTEMPTS}
        AND ("attempts" = 0 OR "updatedAt" < now() - make_interval(mins => ${CLAIM_TIMEOUT_MIN}))
      ORDER BY "createdAt" LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING "attachmentId", "attempts"`;

  const report: ExtractionReport = { claimed: claimed.length, done: 0, failed: 0, unsupported: 0 };
  for (const job of claimed) {
    const att = await client.disclosureAttachment.findUnique({
      where: { id: job.attachmentId },
      select: { storageName: true, kind: true },
    });
    const extractor = att ? EXTRACTORS[att.kind] : undefined;
    let status: "DONE" | "FAILED" | "UNSUPPORTED" | "PENDING";
    let text = "";
    let error = "";
    if (!att || !extractor) {
      status = "UNSUPPORTED";
      report.unsupported++;
    } else {
      try {
        text = (await extractor(await read(att.storageName))).replaceAll("\u0000", "").slice(0, MAX_TEXT_CHARS);
        status = "DONE";
        report.done++;
      } catch (e) {
        error = e instanceof Error ? e.message.slice(0, 500) : String(e).slice(0, 500);
        status = job.attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        report.failed++;
      }
    }
    await client.$transaction(async (tx) => {
      await tx.attachmentText.update({ where: { attachmentId: job.attachmentId }, data: { status, text, error, updatedAt: new Date() } });
      if (status !== "DONE") return;
      // Every item whose live revision shows this attachment gets its document rebuilt.
      const items = await tx.$queryRaw<{ id: string }[]>`
        SELECT DISTINCT i."id" FROM "DisclosureItem" i
        JOIN "DisclosureRevisionAttachment" ra ON ra."revisionId" = i."publishedRevisionId"
        WHERE ra."attachmentId" = ${job.attachmentId}`;
      for (const { id } of items) {
        await syncSearchDocument(tx, id);
        await notifyCatalogueChanged(tx, id); // clears cached searches on commit
      }
    });
  }
  return report;
}
