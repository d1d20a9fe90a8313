/**
 * The reply letter (告知书) PDF of a signed reply. It is generated once, by
 * signReply inside the sign-off transaction (`storeReplyLetter`), and stored
 * with the case (ApplicationDocument kind REPLY_LETTER, sourceId = the signed
 * revision); the sign-off's audit entry records the document. Downloads
 * (`replyLetterOf`) only read: an anonymous GET never writes. Reading refuses
 * a revision whose content no longer matches the hash the director signed.
 */
import { db, type Tx } from "@/lib/db/client";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { renderReplyLetter } from "@/lib/documents/reply-letter";
import type { ApplicationReplyModel } from "@/lib/generated/prisma/models";
import type { ReplyDecision } from "./rules/reply-types";
import { findCaseInScope, type CaseRow } from "./case-verb";
import { fromDbDate, fromDbDateOrNull } from "./calendar";
import { storeDocument, type OrganInfo } from "./documents";
import { replyContentHash } from "./reply-hash";

export type StoredFile = { id: string; fileName: string; mimeType: string; content: Uint8Array };

/**
 * Renders and stores the letter of a reply being signed. Called only by
 * signReply, within its transaction (so the row lock, the event and the audit
 * entry are the sign-off's own).
 */
export async function storeReplyLetter(
  tx: Tx,
  s: {
    app: CaseRow;
    organ: OrganInfo;
    reply: Pick<ApplicationReplyModel, "id" | "decision" | "remarks" | "documentNumber">;
    letterDate: CivilDate;
    actor: Pick<SessionUser, "id">;
  },
): Promise<{ id: string }> {
  const { app, organ, reply } = s;
  if (!reply.documentNumber) throw new Error("storeReplyLetter: the reply has no document number");
  const pdf = await renderReplyLetter({
    organName: organ.name,
    reviewOrganName: organ.reviewOrganName,
    documentNumber: reply.documentNumber,
    applicantName: app.applicantName,
    applicationNumber: app.number,
    receiptDate: fromDbDate(app.receiptDate!),
    correctionReceivedOn: fromDbDateOrNull(app.correctionReceivedOn),
    description: app.description,
    decision: reply.decision as ReplyDecision,
    remarks: reply.remarks,
    letterDate: s.letterDate,
    contact: organ.contact,
  });
  const doc = await storeDocument(tx, {
    applicationId: app.id,
    kind: "REPLY_LETTER",
    sourceId: reply.id,
    fileName: `${app.number}-答复告知书.pdf`,
    content: pdf,
    createdById: s.actor.id,
  });
  return { id: doc.id };
}

/**
 * The stored letter of an application's signed reply (no actor: callers check
 * access — staff via `replyLetterForStaff`, the applicant via the number +
 * query code). Read-only. Throws NotFoundError when no signed reply (or no
 * letter for it) exists.
 */
export async function replyLetterOf(applicationId: string): Promise<StoredFile> {
  const signed = await db().applicationReply.findFirst({
    where: { applicationId, status: "SIGNED" },
    orderBy: { revision: "desc" },
  });
  if (!signed || !signed.documentNumber || !signed.letterDate) throw new NotFoundError("该申请尚无已签发的答复");
  if (signed.signedHash !== signed.contentHash || replyContentHash(signed.decision, signed.remarks) !== signed.contentHash) {
    throw new ConflictError("答复内容与签发时不一致，不能提供告知书");
  }
  const doc = await db().applicationDocument.findFirst({
    where: { applicationId, kind: "REPLY_LETTER", sourceId: signed.id },
    select: { id: true, fileName: true, mimeType: true, content: true },
  });
  if (!doc) throw new NotFoundError("未找到该答复的告知书");
  return { id: doc.id, fileName: doc.fileName, mimeType: doc.mimeType || "application/pdf", content: new Uint8Array(doc.content) };
}

/** Staff download: 404 outside the actor's department scope. */
export async function replyLetterForStaff(actor: SessionUser | null | undefined, applicationId: string): Promise<StoredFile> {
  const found = await findCaseInScope(actor, applicationId);
  await authorizeUser(actor, "request:read", { departmentId: found.departmentId, action: "request.reply-letter" });
  return replyLetterOf(found.id);
}
