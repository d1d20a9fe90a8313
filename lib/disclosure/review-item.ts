import type { SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { contentOf, insertRevision } from "./content";
import type { ExemptionCode } from "./rules/exemptions";
import type { ReviewDecision } from "./rules/workflow";
import { isBodyEmpty } from "./rules/sanitize";
import { runStaffTransition, type TransitionOptions } from "./transition";

export interface ReviewInput {
  decision: ReviewDecision;
  expectedRevisionHash: string;
  comment?: string;
  exemptions?: ExemptionCode[];
  /** PARTIAL: the body with the withheld passages removed (sanitized on save). */
  redactedBody?: string;
  /** PARTIAL: optionally a redacted 内容概述. */
  redactedSummary?: string;
  /**
   * PARTIAL: the attachments of the submitted revision to keep in the redacted one (an
   * attachment may hold exactly what must be withheld). Undefined keeps them all.
   */
  redactedAttachmentIds?: string[];
}

/**
 * A structured disclosure's body is rendered from its structured data; a redacted revision
 * would carry no structured data, so the item would drop out of the fee table, the service
 * list and the API. It is returned for correction or withheld instead.
 */
export const STRUCTURED_PARTIAL_MESSAGE = "结构化公开内容不能部分公开：请退回修改后再审查，或选择不予公开";

/**
 * 保密审查. PARTIAL (部分公开) creates the redacted revision in the same transaction; it
 * becomes the working revision and the review is bound to its hash. WITHHOLD (不予公开)
 * puts the item on the withheld list with an Art. 18 re-assessment date.
 */
export function reviewItem(user: SessionUser, itemId: string, input: ReviewInput, opts: TransitionOptions = {}) {
  return runStaffTransition(
    user,
    itemId,
    {
      auditAction: "disclosure.review",
      permission: "disclosure:review",
      build: async (tx, { row, now }) => {
        const exemptions = input.exemptions ?? [];
        switch (input.decision) {
          case "CLEAR":
            return { type: "review", decision: "CLEAR", comment: input.comment, expectedRevisionHash: input.expectedRevisionHash };
          case "REFER":
            return { type: "review", decision: "REFER", comment: input.comment ?? "", expectedRevisionHash: input.expectedRevisionHash };
          case "WITHHOLD":
            return { type: "review", decision: "WITHHOLD", exemptions, comment: input.comment, expectedRevisionHash: input.expectedRevisionHash };
          case "PARTIAL": {
            if (await tx.structuredRecord.findUnique({ where: { itemId }, select: { itemId: true } })) {
              throw new ValidationError({ decision: [STRUCTURED_PARTIAL_MESSAGE] }, STRUCTURED_PARTIAL_MESSAGE);
            }
            if (input.redactedBody === undefined || isBodyEmpty(input.redactedBody)) {
              throw new ValidationError({ redactedBody: ["部分公开时，请填写删除不予公开内容后的正文"] });
            }
            // The redacted revision keeps everything but the redacted text, the 解读 link included.
            const working = await tx.disclosureRevision.findUniqueOrThrow({ where: { id: row.workingRevisionId! }, select: { content: true, interpretsItemId: true } });
            const base = contentOf(working);
            const atts = await tx.disclosureRevisionAttachment.findMany({
              where: { revisionId: row.workingRevisionId! },
              orderBy: { sortOrder: "asc" },
              select: { attachmentId: true, attachment: { select: { fileName: true, sha256: true, size: true } } },
            });
            let kept = atts;
            if (input.redactedAttachmentIds !== undefined) {
              const keep = new Set(input.redactedAttachmentIds);
              if ([...keep].some((id) => !atts.some((a) => a.attachmentId === id))) {
                throw new ValidationError({ keepAttachmentIds: ["所选附件不属于送审版本，请刷新页面后重试"] });
              }
              kept = atts.filter((a) => keep.has(a.attachmentId));
            }
            const redacted = await insertRevision(tx, {
              itemId,
              content: {
                ...base,
                body: input.redactedBody,
                summary: input.redactedSummary?.trim() || base.summary,
                attachments: kept.map((a) => ({ fileName: a.attachment.fileName, sha256: a.attachment.sha256, size: a.attachment.size })),
              },
              attachmentIds: kept.map((a) => a.attachmentId),
              authorId: user.id,
              redaction: true,
              now,
            });
            return {
              type: "review",
              decision: "PARTIAL",
              redactedRevision: redacted,
              exemptions,
              comment: input.comment,
              expectedRevisionHash: input.expectedRevisionHash,
            };
          }
        }
      },
    },
    opts,
  );
}
