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
}

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
            if (input.redactedBody === undefined || isBodyEmpty(input.redactedBody)) {
              throw new ValidationError({ redactedBody: ["部分公开时，请填写删除不予公开内容后的正文"] });
            }
            const working = await tx.disclosureRevision.findUniqueOrThrow({ where: { id: row.workingRevisionId! }, select: { content: true } });
            const base = contentOf(working);
            const atts = await tx.disclosureRevisionAttachment.findMany({
              where: { revisionId: row.workingRevisionId! },
              orderBy: { sortOrder: "asc" },
              select: { attachmentId: true },
            });
            const redacted = await insertRevision(tx, {
              itemId,
              content: { ...base, body: input.redactedBody, summary: input.redactedSummary?.trim() || base.summary },
              attachmentIds: atts.map((a) => a.attachmentId),
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
