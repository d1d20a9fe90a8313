/**
 * The reply letter (告知书) PDF of a signed reply. Signing (reply.ts signReply)
 * enqueues the `request.render-reply-letter` job in its transaction; the job runs
 * `renderReplyLetterJob` after the commit, so the PDF is never rendered under the
 * case's row lock. The letter is stored with the case (ApplicationDocument kind
 * REPLY_LETTER, sourceId = the signed revision).
 *
 * Idempotent: the PDF is rendered outside any transaction, then stored under the
 * signed reply's row lock only if no letter exists for that revision yet, so a
 * retry after a crash (or a download racing the job) never stores a second letter
 * and never replaces a stored one. A download before the job ran renders through
 * the same function instead of failing. Every read refuses a revision whose
 * content no longer matches the hash the director signed.
 */
import { db } from "@/lib/db/client";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { renderReplyLetter } from "@/lib/documents/reply-letter";
import { replyDecisionSchema } from "./rules/reply-types";
import { findCaseInScope } from "./case-verb";
import { fromDbDate, fromDbDateOrNull } from "./calendar";
import { organOf, storeDocument } from "./documents";
import { replyContentHash } from "./reply-hash";

export type StoredFile = { id: string; fileName: string; mimeType: string; content: Uint8Array };

type SignedReply = {
  id: string;
  applicationId: string;
  decision: unknown;
  remarks: string;
  contentHash: string;
  signedHash: string | null;
  documentNumber: string | null;
  letterDate: Date | null;
  reviewedById: string | null;
};

/** The signed revision, with its content still the content the director signed. */
function assertIntact(r: SignedReply): asserts r is SignedReply & { documentNumber: string; letterDate: Date } {
  if (!r.documentNumber || !r.letterDate) throw new NotFoundError("该申请尚无已签发的答复");
  if (r.signedHash !== r.contentHash || replyContentHash(r.decision, r.remarks) !== r.contentHash) {
    throw new ConflictError("答复内容与签发时不一致，不能提供告知书");
  }
}

async function storedLetter(applicationId: string, replyId: string): Promise<StoredFile | null> {
  const doc = await db().applicationDocument.findFirst({
    where: { applicationId, kind: "REPLY_LETTER", sourceId: replyId },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, mimeType: true, content: true },
  });
  return doc
    ? { id: doc.id, fileName: doc.fileName, mimeType: doc.mimeType || "application/pdf", content: new Uint8Array(doc.content) }
    : null;
}

/**
 * The job handler (`request.render-reply-letter`): renders and stores the letter of a
 * signed reply unless it is stored already. Safe to run any number of times.
 */
export async function renderReplyLetterJob(payload: { applicationId: string; replyId: string }): Promise<void> {
  const { applicationId, replyId } = payload;
  if (await storedLetter(applicationId, replyId)) return;
  const reply = await db().applicationReply.findFirst({ where: { id: replyId, applicationId, status: "SIGNED" } });
  // A reply that is not (or no longer) signed has no letter: nothing to do, nothing to retry.
  if (!reply) return;
  assertIntact(reply);
  const app = await db().disclosureApplication.findUniqueOrThrow({ where: { id: applicationId } });
  if (!app.receiptDate) throw new Error(`renderReplyLetterJob: application ${applicationId} has no receipt date`);
  const decision = replyDecisionSchema.parse(reply.decision);
  const organ = await db().$transaction((tx) => organOf(tx, app.departmentId));
  const pdf = await renderReplyLetter({
    organName: organ.name,
    reviewOrganName: organ.reviewOrganName,
    documentNumber: reply.documentNumber,
    applicantName: app.applicantName,
    applicationNumber: app.number,
    receiptDate: fromDbDate(app.receiptDate),
    correctionReceivedOn: fromDbDateOrNull(app.correctionReceivedOn),
    description: app.description,
    decision,
    remarks: reply.remarks,
    letterDate: fromDbDate(reply.letterDate),
    contact: organ.contact,
  });
  await db().$transaction(async (tx) => {
    // Serialises concurrent renderers of the same revision; the lock is held only to store.
    await tx.$queryRaw`SELECT id FROM "ApplicationReply" WHERE id = ${replyId} FOR UPDATE`;
    const exists = await tx.applicationDocument.count({ where: { applicationId, kind: "REPLY_LETTER", sourceId: replyId } });
    if (exists > 0) return;
    const doc = await storeDocument(tx, {
      applicationId,
      kind: "REPLY_LETTER",
      sourceId: replyId,
      fileName: `${app.number}-答复告知书.pdf`,
      content: pdf,
      // The letter is the signer's act; the job only prints it.
      createdById: reply.reviewedById,
    });
    await writeAudit(tx, {
      actorId: null,
      actorName: "系统",
      action: "request.reply-letter",
      entityType: "DisclosureApplication",
      entityId: applicationId,
      detail: `${app.number} ${reply.documentNumber}`,
      after: { replyId, documentId: doc.id, documentNumber: reply.documentNumber },
    });
  });
}

/**
 * The letter of an application's signed reply (no actor: callers check access —
 * staff via `replyLetterForStaff`, the applicant via the number + query code).
 * Renders it through `renderReplyLetterJob` when the job has not run yet. Throws
 * NotFoundError when no signed reply exists.
 */
export async function replyLetterOf(applicationId: string): Promise<StoredFile> {
  const signed = await db().applicationReply.findFirst({
    where: { applicationId, status: "SIGNED" },
    orderBy: { revision: "desc" },
  });
  if (!signed) throw new NotFoundError("该申请尚无已签发的答复");
  assertIntact(signed);
  const stored = await storedLetter(applicationId, signed.id);
  if (stored) return stored;
  await renderReplyLetterJob({ applicationId, replyId: signed.id });
  const rendered = await storedLetter(applicationId, signed.id);
  if (!rendered) throw new NotFoundError("未找到该答复的告知书");
  return rendered;
}

/** Staff download: 404 outside the actor's department scope. */
export async function replyLetterForStaff(actor: SessionUser | null | undefined, applicationId: string): Promise<StoredFile> {
  const found = await findCaseInScope(actor, applicationId);
  await authorizeUser(actor, "request:read", { departmentId: found.departmentId, action: "request.reply-letter" });
  return replyLetterOf(found.id);
}
