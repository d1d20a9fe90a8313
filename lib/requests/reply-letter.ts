/**
 * The reply letter (告知书) PDF of a signed reply, generated on first request
 * and stored with the case (ApplicationDocument kind REPLY_LETTER, sourceId =
 * the signed revision). Refuses to print a revision whose content no longer
 * matches the hash the director signed.
 */
import { db } from "@/lib/db/client";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { renderReplyLetter } from "@/lib/documents/reply-letter";
import type { ReplyDecision } from "./rules/reply-types";
import { findCaseInScope } from "./case-verb";
import { fromDbDate, fromDbDateOrNull } from "./calendar";
import { organOf, storeDocument } from "./documents";
import { replyContentHash } from "./reply";

export type StoredFile = { id: string; fileName: string; mimeType: string; content: Uint8Array };

/**
 * The letter for an application (no actor: callers check access — staff via
 * `replyLetterForStaff`, 4c via the applicant's number + query code).
 * Throws NotFoundError when no signed reply exists.
 */
export async function ensureReplyLetter(applicationId: string, createdById: string | null = null): Promise<StoredFile> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "DisclosureApplication" WHERE id = ${applicationId} FOR UPDATE`;
    const app = await tx.disclosureApplication.findUnique({ where: { id: applicationId } });
    if (!app) throw new NotFoundError("未找到该申请");
    const signed = await tx.applicationReply.findFirst({
      where: { applicationId, status: "SIGNED" },
      orderBy: { revision: "desc" },
    });
    if (!signed || !signed.documentNumber || !signed.letterDate) throw new NotFoundError("该申请尚无已签发的答复");
    if (signed.signedHash !== signed.contentHash || replyContentHash(signed.decision, signed.remarks) !== signed.contentHash) {
      throw new ConflictError("答复内容与签发时不一致，不能生成告知书");
    }
    const existing = await tx.applicationDocument.findFirst({
      where: { applicationId, kind: "REPLY_LETTER", sourceId: signed.id },
      select: { id: true, fileName: true, mimeType: true, content: true },
    });
    if (existing) return existing;
    const organ = await organOf(tx, app.departmentId);
    const pdf = await renderReplyLetter({
      organName: organ.name,
      reviewOrganName: organ.reviewOrganName,
      documentNumber: signed.documentNumber,
      applicantName: app.applicantName,
      applicationNumber: app.number,
      receiptDate: fromDbDate(app.receiptDate!),
      correctionReceivedOn: fromDbDateOrNull(app.correctionReceivedOn),
      description: app.description,
      decision: signed.decision as ReplyDecision,
      remarks: signed.remarks,
      letterDate: fromDbDate(signed.letterDate),
      contact: organ.contact,
    });
    const doc = await storeDocument(tx, {
      applicationId,
      kind: "REPLY_LETTER",
      sourceId: signed.id,
      fileName: `${app.number}-答复告知书.pdf`,
      content: pdf,
      createdById,
    });
    await tx.applicationEvent.create({
      data: {
        applicationId,
        actorId: createdById,
        actorName: "系统",
        action: "DOCUMENT",
        note: `生成答复告知书（${signed.documentNumber}）`,
        payload: { documentId: doc.id, replyId: signed.id },
      },
    });
    return { id: doc.id, fileName: doc.fileName, mimeType: "application/pdf", content: new Uint8Array(pdf) };
  });
}

/** Staff download: 404 outside the actor's department scope. */
export async function replyLetterForStaff(actor: SessionUser | null | undefined, applicationId: string): Promise<StoredFile> {
  const found = await findCaseInScope(actor, applicationId);
  const user = await authorizeUser(actor, "request:read", { departmentId: found.departmentId, action: "request.reply-letter" });
  return ensureReplyLetter(found.id, user.id);
}
