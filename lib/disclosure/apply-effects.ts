// Persists a `decide` outcome: the new state and every effect, in the caller's transaction.

import type { Tx } from "@/lib/db/client";
import type { DisclosureEventType } from "@/lib/generated/prisma/enums";
import type { ItemState, WorkflowAction, WorkflowEffect } from "./rules/workflow";
import { toDbDate } from "./content";
import type { ItemRow } from "./workflow-facts";
import { afterVisibilityChange } from "./visibility";

const EVENT_OF: Record<WorkflowAction["type"], DisclosureEventType> = {
  edit: "EDIT",
  submit: "SUBMIT",
  review: "REVIEW",
  sign: "SIGN",
  return: "RETURN",
  publish: "PUBLISH",
  schedule: "SCHEDULE",
  unschedule: "UNSCHEDULE",
  withdraw: "WITHDRAW",
  discardDraft: "DISCARD_DRAFT",
  reopen: "REOPEN",
};

function commentOf(action: WorkflowAction): string | null {
  if ("comment" in action && typeof action.comment === "string" && action.comment.trim()) return action.comment.trim();
  if ("note" in action && typeof action.note === "string" && action.note.trim()) return action.note.trim();
  return null;
}

export interface ApplyArgs {
  row: ItemRow;
  action: WorkflowAction;
  next: ItemState;
  effects: WorkflowEffect[];
  actorId: string | null;
  actorName: string;
  now: Date;
}

/** Returns true when the public view of the item changed. */
export async function applyEffects(tx: Tx, a: ApplyArgs): Promise<{ visibilityChanged: boolean; version: number }> {
  const { row, now } = a;
  let cycle = row.cycle;
  let workingRevisionId = row.workingRevisionId;
  // Reviews and signatures are bound to the working revision; an item without one is a broken row.
  const reviewedRevisionId = (): string => {
    if (workingRevisionId === null) throw new Error(`Disclosure item ${row.id} has no working revision to review or sign`);
    return workingRevisionId;
  };
  let visibilityChanged = false;
  const data: Record<string, unknown> = {};

  for (const e of a.effects) {
    switch (e.type) {
      case "START_NEW_VERSION":
        cycle += 1;
        data.cycle = cycle;
        break;
      case "SET_WORKING_REVISION":
        workingRevisionId = e.revision.id;
        data.workingRevisionId = e.revision.id;
        break;
      case "ADD_CONTRIBUTOR":
        await tx.disclosureContributor.upsert({
          where: { itemId_cycle_userId: { itemId: row.id, cycle, userId: e.userId } },
          create: { itemId: row.id, cycle, userId: e.userId },
          update: {},
        });
        break;
      case "INVALIDATE_APPROVALS": {
        const hashes = [...new Set([...e.reviews.map((r) => r.revisionHash), ...e.signatures.map((s) => s.revisionHash)])];
        await tx.disclosureReview.updateMany({
          where: { itemId: row.id, cycle, revisionHash: { in: hashes }, invalidatedAt: null },
          data: { invalidatedAt: now },
        });
        await tx.disclosureSignature.updateMany({
          where: { itemId: row.id, cycle, revisionHash: { in: hashes }, invalidatedAt: null },
          data: { invalidatedAt: now },
        });
        await tx.disclosureEvent.create({
          data: {
            itemId: row.id,
            type: "INVALIDATE",
            actorId: a.actorId,
            actorName: a.actorName,
            comment: `内容已修改，原有${e.reviews.length}项审查意见和${e.signatures.length}项签发失效，须重新审查签发`,
            at: now,
          },
        });
        break;
      }
      case "RECORD_SUBMISSION":
        break; // the SUBMIT event below records it
      case "RECORD_REVIEW":
        await tx.disclosureReview.create({
          data: {
            itemId: row.id,
            cycle,
            reviewerId: e.review.reviewerId,
            decision: e.review.decision,
            revisionId: reviewedRevisionId(),
            revisionHash: e.review.revisionHash,
            exemptions: e.exemptions,
            comment: e.comment,
            decidedAt: e.review.decidedAt,
          },
        });
        break;
      case "SET_REFERRAL":
        data.referralNote = e.note;
        data.referredAt = e.at;
        break;
      case "CLEAR_REFERRAL":
        data.referralNote = null;
        data.referredAt = null;
        break;
      case "SET_REASSESSMENT_DUE":
        data.reassessmentDueOn = toDbDate(e.dueOn);
        break;
      case "CLEAR_REASSESSMENT_DUE":
        data.reassessmentDueOn = null;
        break;
      case "RECORD_REOPEN":
        break;
      case "RECORD_SIGNATURE":
        await tx.disclosureSignature.create({
          data: {
            itemId: row.id,
            cycle,
            stepNo: e.signature.stepNo,
            role: e.signature.role as "DIRECTOR" | "PRINCIPAL",
            departmentId: e.signature.departmentId,
            signerId: e.signature.signerId,
            revisionId: reviewedRevisionId(),
            revisionHash: e.signature.revisionHash,
            comment: e.comment,
            signedAt: e.signature.signedAt,
          },
        });
        break;
      case "SIGNOFF_COMPLETE":
        await tx.disclosureEvent.create({
          data: {
            itemId: row.id,
            type: "SIGNOFF_COMPLETE",
            actorId: a.actorId,
            actorName: a.actorName,
            comment: "已完成全部签发",
            at: now,
          },
        });
        break;
      case "RECORD_RETURN":
        break;
      case "SET_SCHEDULE":
        data.scheduledAt = e.publishAt;
        data.scheduledRevisionHash = e.revisionHash;
        break;
      case "CLEAR_SCHEDULE":
        data.scheduledAt = null;
        data.scheduledRevisionHash = null;
        break;
      case "PUBLISH_REVISION":
        // Swapping the pointer is the whole publication: the item keeps no copy of published
        // content. That includes the 解读 link (DisclosureRevision.interpretsItemId) — public
        // pages read it from the published revision in both directions, so the new revision's
        // link goes live here, at the same moment as its text, and never earlier.
        data.publishedRevisionId = e.revision.id;
        data.publishedAt = e.publishedAt;
        if (!row.firstPublishedAt) data.firstPublishedAt = e.publishedAt;
        await tx.disclosureRevision.update({ where: { id: e.revision.id }, data: { publishedAt: e.publishedAt } });
        visibilityChanged = true;
        break;
      case "DISCARD_WORKING_REVISION":
        await tx.disclosureRevision.update({ where: { id: e.revision.id }, data: { discardedAt: now } });
        break;
      case "WITHDRAW":
        data.withdrawnAt = e.at;
        data.withdrawalReason = e.reason;
        data.withdrawnPage = e.publicPage;
        data.withdrawalNote = e.note;
        data.withdrawnById = a.actorId;
        data.replacementItemId = e.replacementItemId;
        data.workingRevisionId = e.revision.id;
        visibilityChanged = true;
        break;
    }
  }

  await tx.disclosureEvent.create({
    data: {
      itemId: row.id,
      type: EVENT_OF[a.action.type],
      actorId: a.actorId,
      actorName: a.actorName,
      fromState: row.state,
      toState: a.next,
      comment: commentOf(a.action),
      at: now,
    },
  });
  const updated = await tx.disclosureItem.update({
    where: { id: row.id },
    data: { ...data, state: a.next, version: { increment: 1 } },
    select: { version: true },
  });
  // discardDraft back to PUBLISHED does not change the public view; everything else that
  // touches the published pointer or withdraws does.
  if (visibilityChanged) await afterVisibilityChange(tx, row.id);
  return { visibilityChanged, version: updated.version };
}
