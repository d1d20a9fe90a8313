"use server";

// Thin: each action parses its form, calls one verb (which authorizes, through the item
// policy that also draws the page's buttons) and says what happened.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { stringArray } from "@/lib/validation";
import { filesFromForm } from "@/lib/disclosure/attachments";
import { createItem, editItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { returnItem } from "@/lib/disclosure/return-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { scheduleItem, unscheduleItem } from "@/lib/disclosure/schedule-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { reopenItem } from "@/lib/disclosure/reopen-item";
import { discardDraft } from "@/lib/disclosure/discard-draft";
import { saveEscalationChain } from "@/lib/disclosure/save-escalation-chain";
import { REVIEW_DECISIONS, WITHDRAWAL_REASONS } from "@/lib/disclosure/labels";
import { PROACTIVE_EXEMPTION_CODES } from "@/lib/law/exemptions";
import { plainTextToHtml } from "@/lib/disclosure/plain-text";
import { staffFormAction } from "@/lib/verbs/form-action";

const itemPath = (id: string) => `/admin/disclosures/${id}`;

// ---------------------------------------------------------------- create / edit

const itemForm = z.looseObject({
  keepAttachmentIds: stringArray,
  attachments: z.unknown().optional(),
  interpretsItemId: z.string().optional(),
});
const editForm = itemForm.extend({
  itemId: z.string({ error: "缺少信息编号，请刷新页面" }).min(1, "缺少信息编号，请刷新页面"),
  baseRevisionId: z.string({ error: "缺少信息编号，请刷新页面" }).min(1, "缺少信息编号，请刷新页面"),
  version: z.coerce.number().int().optional(),
});

/** The item form's fields as the item schema reads them (the body is typed as plain text). */
function formValues(input: Record<string, unknown>) {
  const neg = input.negative;
  return {
    title: input.title,
    documentNumber: input.documentNumber,
    categoryId: input.categoryId,
    writtenOn: input.writtenOn,
    formedOn: input.formedOn,
    summary: input.summary,
    body: typeof input.body === "string" ? plainTextToHtml(input.body) : input.body,
    keywords: input.keywords,
    disclosureMode: input.disclosureMode || undefined,
    disclosureScope: input.disclosureScope || undefined,
    validity: input.validity || undefined,
    replacedById: input.replacedById,
    tier: input.tier || undefined,
    negative: neg === "true" || neg === "on" || (Array.isArray(neg) && neg.includes("true")),
    responsibleSection: input.responsibleSection,
    responsiblePerson: input.responsiblePerson,
  };
}

const attachmentValues = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const createItemAction = staffFormAction(itemForm, async (input, ctx) => {
  const files = await filesFromForm(attachmentValues(input.attachments));
  const r = await createItem(ctx.user, { values: formValues(input), files, interpretsItemId: input.interpretsItemId || null }, ctx.opts());
  revalidatePath("/admin/disclosures");
  redirect(`${itemPath(r.id)}?done=created${r.bodyCleaned ? "&cleaned=1" : ""}`);
});

export const editItemAction = staffFormAction(editForm, async (input, ctx) => {
  const files = await filesFromForm(attachmentValues(input.attachments));
  const r = await editItem(
    ctx.user,
    input.itemId,
    {
      values: formValues(input),
      files,
      baseRevisionId: input.baseRevisionId,
      keepAttachmentIds: input.keepAttachmentIds,
      interpretsItemId: input.interpretsItemId || null,
    },
    ctx.opts(input.version),
  );
  revalidatePath(itemPath(input.itemId));
  redirect(`${itemPath(input.itemId)}?done=edited${r.bodyCleaned ? "&cleaned=1" : ""}`);
});

// ---------------------------------------------------------------- workflow verbs

const base = z.object({
  itemId: z.string().min(1),
  version: z.coerce.number().int(),
  hash: z.string().default(""),
  comment: z.string().max(2000, "意见不能超过2000字").optional(),
});

function done(itemId: string, what: string): never {
  revalidatePath(itemPath(itemId));
  revalidatePath("/admin/disclosures");
  redirect(`${itemPath(itemId)}?done=${what}`);
}

export const submitItemAction = staffFormAction(base, async (i, ctx) => {
  await submitItem(ctx.user, i.itemId, ctx.opts(i.version));
  done(i.itemId, "submit");
});

const reviewSchema = base.extend({
  decision: z.enum(REVIEW_DECISIONS, { error: "请选择审查结论" }),
  exemptions: stringArray.pipe(z.array(z.enum(PROACTIVE_EXEMPTION_CODES, { error: "不予公开的依据不正确" }))),
  redactedBody: z.string().optional(),
  redactedSummary: z.string().optional(),
  /** Present when the form offered the attachments: keepAttachmentIds is then the full choice. */
  redactAttachments: z.string().optional(),
  keepAttachmentIds: stringArray,
});
export const reviewItemAction = staffFormAction(reviewSchema, async (i, ctx) => {
  await reviewItem(
    ctx.user,
    i.itemId,
    {
      decision: i.decision,
      expectedRevisionHash: i.hash,
      comment: i.comment,
      exemptions: i.exemptions,
      redactedBody: i.redactedBody !== undefined ? plainTextToHtml(i.redactedBody) : undefined,
      redactedSummary: i.redactedSummary,
      redactedAttachmentIds: i.redactAttachments ? i.keepAttachmentIds : undefined,
    },
    ctx.opts(i.version),
  );
  done(i.itemId, "review");
});

export const signItemAction = staffFormAction(base, async (i, ctx) => {
  await signItem(ctx.user, i.itemId, { expectedRevisionHash: i.hash, comment: i.comment }, ctx.opts(i.version));
  done(i.itemId, "sign");
});

export const returnItemAction = staffFormAction(base, async (i, ctx) => {
  await returnItem(ctx.user, i.itemId, { comment: i.comment ?? "" }, ctx.opts(i.version));
  done(i.itemId, "return");
});

export const publishItemAction = staffFormAction(base, async (i, ctx) => {
  await publishItem(ctx.user, i.itemId, { expectedRevisionHash: i.hash }, ctx.opts(i.version));
  done(i.itemId, "publish");
});

const scheduleSchema = base.extend({
  publishAt: z.string({ error: "请填写定时发布时间" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请填写有效的定时发布时间"),
});
export const scheduleItemAction = staffFormAction(scheduleSchema, async (i, ctx) => {
  // The datetime-local input is Beijing time.
  const publishAt = new Date(`${i.publishAt}:00+08:00`);
  await scheduleItem(ctx.user, i.itemId, { publishAt, expectedRevisionHash: i.hash }, ctx.opts(i.version));
  done(i.itemId, "schedule");
});

export const unscheduleItemAction = staffFormAction(base, async (i, ctx) => {
  await unscheduleItem(ctx.user, i.itemId, ctx.opts(i.version));
  done(i.itemId, "unschedule");
});

const withdrawSchema = base.extend({
  reason: z.enum(WITHDRAWAL_REASONS, { error: "请选择撤回原因" }),
  replacementItemId: z.string().optional(),
});
export const withdrawItemAction = staffFormAction(withdrawSchema, async (i, ctx) => {
  await withdrawItem(
    ctx.user,
    i.itemId,
    { reason: i.reason, note: i.comment, replacementItemId: i.replacementItemId },
    ctx.opts(i.version),
  );
  done(i.itemId, "withdraw");
});

export const reopenItemAction = staffFormAction(base, async (i, ctx) => {
  await reopenItem(ctx.user, i.itemId, { comment: i.comment }, ctx.opts(i.version));
  done(i.itemId, "reopen");
});

export const discardDraftAction = staffFormAction(base, async (i, ctx) => {
  await discardDraft(ctx.user, i.itemId, ctx.opts(i.version));
  done(i.itemId, "discard");
});

// ---------------------------------------------------------------- escalation chain (ADMIN)

const chainSchema = z.object({
  departmentId: z.string().min(1, "请选择机构"),
  levels: stringArray,
});
export const saveEscalationChainAction = staffFormAction(chainSchema, async (i, ctx) => {
  await saveEscalationChain(ctx.user, i.departmentId, i.levels, ctx.opts());
  revalidatePath("/admin/disclosures/escalation");
  return "逐级把关链已保存";
});
