/**
 * The reply (答复): a clerk drafts it with one of the Art. 36 types
 * (rules/reply-types.ts: what each type must state; the legal basis is derived from
 * the type and sub-reason, never typed in); a
 * DIRECTOR signs or returns it. Every draft is an immutable revision; the
 * signature is bound to the sha256 of the revision's content, so a changed
 * draft needs a new signature. Nobody signs their own draft.
 */
import { ConflictError, InvalidTransitionError, ValidationError, zodFieldErrors } from "@/lib/errors";
import { yearOf } from "@/lib/calendar/civil-date";
import type { Tx } from "@/lib/db/client";
import { annualReportRowOf, legalBasisOf, replyDecisionSchema, type ReplyDecision } from "./rules/reply-types";
import { caseVerb } from "./case-verb";
import { nextCounter } from "./numbers";
import { organOf } from "./documents";
import { toDbDate } from "./calendar";
import { replyContentHash } from "./reply-hash";

export { replyContentHash } from "./reply-hash";

/** Validates a reply decision; throws ValidationError with field errors (keys as in the schema). */
export function parseReplyDecision(raw: unknown): ReplyDecision {
  const parsed = replyDecisionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(zodFieldErrors(parsed.error), "答复内容不完整，请检查标出的项目");
  }
  const decision = parsed.data;
  // The legal basis is never typed in: legalBasisOf derives it from the reply
  // type and sub-reason (rules/reply-types.ts), so a valid decision always has
  // one except the free-form 其他处理/其他. This is an internal invariant that
  // guards the rule tables (a new type or sub-reason added without its basis),
  // not a check on user input.
  const isFreeOther = decision.replyType === "OTHER" && decision.subReason === "OTHER";
  if (!isFreeOther && legalBasisOf(decision).length === 0) {
    throw new Error(`reply rules: no legal basis for ${decision.replyType}/${"subReason" in decision ? decision.subReason : "-"}`);
  }
  return decision;
}

/**
 * 逾期不补正 and 逾期未缴费 are closed by closeCorrectionOverdue / closeFeeOverdue,
 * which check that the deadline has passed; drafting them as a reply would skip
 * that check (and the clock's own state), so it is refused here.
 */
function refuseClosedByOwnVerb(decision: ReplyDecision): void {
  if (decision.replyType !== "OTHER") return;
  if (decision.subReason === "CORRECTION_OVERDUE") {
    throw new ValidationError(
      { subReason: ["逾期不补正的申请不能拟写答复，请在办理页面“逾期未补正”一栏按视为放弃申请处理"] },
      "逾期不补正的申请不能拟写答复，请在办理页面“逾期未补正”一栏按视为放弃申请处理（系统会核对补正期限是否已届满）",
    );
  }
  if (decision.subReason === "FEE_UNPAID") {
    throw new ValidationError(
      { subReason: ["逾期未缴费的申请不能拟写答复，请在办理页面“逾期未缴费”一栏按视为放弃申请处理"] },
      "逾期未缴费的申请不能拟写答复，请在办理页面“逾期未缴费”一栏按视为放弃申请处理（系统会核对缴费期限是否已届满）",
    );
  }
}

export const draftReply = caseVerb<
  { id: string; decision: unknown; remarks?: string },
  { replyId: string; revision: number; contentHash: string }
>({
  action: "request.reply-draft",
  policy: "draftReply",
  validate: (input) => {
    const decision = parseReplyDecision(input.decision);
    refuseClosedByOwnVerb(decision);
    const remarks = (input.remarks ?? "").trim();
    if (remarks.length > 2000) throw new ValidationError({ remarks: ["补充说明不超过2000字"] });
    return { ...input, decision, remarks };
  },
  run: async (c) => {
    // `validate` parsed it; parsing again is cheap and keeps the type honest.
    const decision = parseReplyDecision(c.input.decision);
    const remarks = c.input.remarks ?? "";
    const revising = c.app.status === "REPLY_DRAFTED";
    if (!revising) c.transition("DRAFT_REPLY");
    const last = await c.tx.applicationReply.findFirst({ where: { applicationId: c.app.id }, orderBy: { revision: "desc" } });
    if (revising) {
      await c.tx.applicationReply.updateMany({ where: { applicationId: c.app.id, status: "DRAFT" }, data: { status: "SUPERSEDED" } });
    }
    const contentHash = replyContentHash(decision, remarks);
    const revision = (last?.revision ?? 0) + 1;
    const row = await c.tx.applicationReply.create({
      data: {
        applicationId: c.app.id,
        revision,
        replyType: decision.replyType,
        decision,
        remarks,
        annualReportRow: annualReportRowOf(decision),
        contentHash,
        draftedById: c.actor.id,
        draftedByName: c.actor.displayName,
      },
      select: { id: true },
    });
    return {
      event: revising ? "REVISE_REPLY" : "DRAFT_REPLY",
      payload: { replyId: row.id, revision, replyType: decision.replyType, contentHash },
      result: { replyId: row.id, revision, contentHash },
    };
  },
});

async function currentDraft(tx: Tx, applicationId: string) {
  const draft = await tx.applicationReply.findFirst({ where: { applicationId, status: "DRAFT" }, orderBy: { revision: "desc" } });
  if (!draft) throw new InvalidTransitionError("没有待签发的答复稿");
  return draft;
}

/**
 * Sign the current draft. `contentHash` is the hash of what the signer read
 * (shown on the page); if the draft changed since, the signature is refused.
 * Nobody signs their own draft (lib/requests/policy.ts). The letter is rendered
 * after the commit by the `request.render-reply-letter` job (reply-letter.ts),
 * not under this row lock.
 */
export const signReply = caseVerb<{ id: string; contentHash: string; comment?: string }, { documentNumber: string; replyId: string }>({
  action: "request.reply-sign",
  policy: "signReply",
  validate: (input) => ({ ...input, comment: (input.comment ?? "").trim() }),
  run: async (c) => {
    const { input } = c;
    c.transition("SIGN_REPLY");
    const draft = await currentDraft(c.tx, c.app.id);
    const actual = replyContentHash(draft.decision, draft.remarks);
    if (actual !== draft.contentHash || input.contentHash !== draft.contentHash) {
      throw new ConflictError("答复内容已被修改，请重新审阅后再签发");
    }
    const organ = await organOf(c.tx, c.app.departmentId);
    const year = yearOf(c.today);
    const n = await nextCounter(c.tx, `REPLY-${organ.code}-${year}`);
    const documentNumber = `${organ.shortName}依申复〔${year}〕${n}号`;
    await c.tx.applicationReply.update({
      where: { id: draft.id },
      data: {
        status: "SIGNED",
        reviewedById: c.actor.id,
        reviewedByName: c.actor.displayName,
        reviewedAt: c.now,
        reviewComment: input.comment ?? "",
        signedHash: draft.contentHash,
        documentNumber,
        letterDate: toDbDate(c.today),
      },
    });
    // The 告知书 is rendered after the commit (the outbox): a slow PDF never holds the case lock.
    c.enqueue({
      task: "request.render-reply-letter",
      payload: { applicationId: c.app.id, replyId: draft.id },
      jobKey: `reply-letter:${draft.id}`,
    });
    return {
      event: "SIGN_REPLY",
      effectiveOn: c.today,
      note: input.comment ?? "",
      payload: { replyId: draft.id, revision: draft.revision, signedHash: draft.contentHash, documentNumber },
      result: { documentNumber, replyId: draft.id },
    };
  },
});

export const returnReply = caseVerb<{ id: string; comment: string }, undefined>({
  action: "request.reply-return",
  policy: "returnReply",
  validate: (input) => {
    const comment = input.comment.trim();
    if (!comment) throw new ValidationError({ comment: ["请填写退回修改的意见"] });
    return { ...input, comment };
  },
  run: async (c) => {
    const { comment } = c.input;
    c.transition("RETURN_DRAFT");
    const draft = await currentDraft(c.tx, c.app.id);
    await c.tx.applicationReply.update({
      where: { id: draft.id },
      data: {
        status: "RETURNED",
        reviewedById: c.actor.id,
        reviewedByName: c.actor.displayName,
        reviewedAt: c.now,
        reviewComment: comment,
      },
    });
    return { event: "RETURN_DRAFT", note: comment, payload: { replyId: draft.id }, result: undefined };
  },
});
