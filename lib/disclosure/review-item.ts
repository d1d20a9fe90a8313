import { ValidationError } from "@/lib/errors";
import type { ProactiveExemptionCode } from "@/lib/law/exemptions";
import { contentOf, insertRevision } from "./content";
import type { ReviewDecision } from "./labels";
import { STRUCTURED_PARTIAL_MESSAGE } from "./policy";
import { isBodyEmpty } from "./rules/sanitize";
import { workflowVerb } from "./workflow-verb";

export interface ReviewInput {
  decision: ReviewDecision;
  expectedRevisionHash: string;
  comment?: string;
  exemptions?: ProactiveExemptionCode[];
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

export { STRUCTURED_PARTIAL_MESSAGE } from "./policy";

/**
 * 保密审查. PARTIAL (部分公开) creates the redacted revision in the same transaction; it
 * becomes the working revision and the review is bound to its hash. WITHHOLD (不予公开)
 * puts the item on the withheld list with an Art. 18 re-assessment date.
 */
export const reviewItem = workflowVerb<ReviewInput>({
  policy: "review",
  audit: "disclosure.review",
  build: async ({ tx, actor, input, loaded: { row, structured }, now }) => {
    const itemId = row.id;
    const exemptions = input.exemptions ?? [];
    switch (input.decision) {
      case "CLEAR":
        return { type: "review", decision: "CLEAR", comment: input.comment, expectedRevisionHash: input.expectedRevisionHash };
      case "REFER":
        return { type: "review", decision: "REFER", comment: input.comment ?? "", expectedRevisionHash: input.expectedRevisionHash };
      case "WITHHOLD":
        return {
          type: "review",
          decision: "WITHHOLD",
          exemptions,
          comment: input.comment,
          expectedRevisionHash: input.expectedRevisionHash,
        };
      case "PARTIAL": {
        if (structured) throw new ValidationError({ decision: [STRUCTURED_PARTIAL_MESSAGE] }, STRUCTURED_PARTIAL_MESSAGE);
        if (input.redactedBody === undefined || isBodyEmpty(input.redactedBody)) {
          throw new ValidationError({ redactedBody: ["部分公开时，请填写删除不予公开内容后的正文"] });
        }
        const workingRevisionId = row.workingRevisionId;
        if (!workingRevisionId || !actor) throw new ValidationError({ decision: ["该信息没有可审查的版本"] });
        // The redacted revision keeps everything but the redacted text, the 解读 link included.
        const working = await tx.disclosureRevision.findUniqueOrThrow({
          where: { id: workingRevisionId },
          select: { content: true, interpretsItemId: true },
        });
        const base = contentOf(working);
        const atts = await tx.disclosureRevisionAttachment.findMany({
          where: { revisionId: workingRevisionId },
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
          authorId: actor.id,
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
});
