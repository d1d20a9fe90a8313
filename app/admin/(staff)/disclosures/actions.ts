"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
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
import { EXEMPTION_CODES } from "@/lib/disclosure/rules/exemptions";
import { REVIEW_DECISIONS, WITHDRAWAL_REASONS } from "@/lib/disclosure/rules/workflow";
import { ValidationError } from "@/lib/errors";
import { plainTextToHtml } from "@/lib/disclosure/plain-text";

const itemPath = (id: string) => `/admin/disclosures/${id}`;

// ---------------------------------------------------------------- create / edit

const itemForm = z.looseObject({
  itemId: z.string().optional(),
  baseRevisionId: z.string().optional(),
  version: z.coerce.number().int().optional(),
  keepAttachmentIds: stringArray,
  attachments: z.any().optional(),
  interpretsItemId: z.string().optional(),
});

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

const attachmentValues = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const create = authorizedFormAction("disclosure:draft", itemForm, async (input, ctx) => {
  const files = await filesFromForm(attachmentValues(input.attachments));
  const r = await createItem(ctx.user, { values: formValues(input), files, interpretsItemId: input.interpretsItemId || null }, { ip: ctx.ip });
  revalidatePath("/admin/disclosures");
  redirect(`${itemPath(r.id)}?done=created${r.bodyCleaned ? "&cleaned=1" : ""}`);
});
export async function createItemAction(prev: ActionState, fd: FormData) {
  return create(prev, fd);
}

const edit = authorizedFormAction("disclosure:draft", itemForm, async (input, ctx) => {
  if (!input.itemId || !input.baseRevisionId) throw new ValidationError({ _form: ["缺少信息编号，请刷新页面"] });
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
    { ip: ctx.ip, expectedVersion: input.version },
  );
  revalidatePath(itemPath(input.itemId));
  redirect(`${itemPath(input.itemId)}?done=edited${r.bodyCleaned ? "&cleaned=1" : ""}`);
});
export async function editItemAction(prev: ActionState, fd: FormData) {
  return edit(prev, fd);
}

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

const submitA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await submitItem(ctx.user, i.itemId, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "submit");
});
export async function submitItemAction(p: ActionState, fd: FormData) {
  return submitA(p, fd);
}

const reviewSchema = base.extend({
  decision: z.enum(REVIEW_DECISIONS, { error: "请选择审查结论" }),
  exemptions: stringArray.pipe(z.array(z.enum(EXEMPTION_CODES, { error: "不予公开的依据不正确" }))),
  redactedBody: z.string().optional(),
  redactedSummary: z.string().optional(),
  /** Present when the form offered the attachments: keepAttachmentIds is then the full choice. */
  redactAttachments: z.string().optional(),
  keepAttachmentIds: stringArray,
});
const reviewA = authorizedFormAction("admin:access", reviewSchema, async (i, ctx) => {
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
    { expectedVersion: i.version, ip: ctx.ip },
  );
  done(i.itemId, "review");
});
export async function reviewItemAction(p: ActionState, fd: FormData) {
  return reviewA(p, fd);
}

const signA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await signItem(ctx.user, i.itemId, { expectedRevisionHash: i.hash, comment: i.comment }, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "sign");
});
export async function signItemAction(p: ActionState, fd: FormData) {
  return signA(p, fd);
}

const returnA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await returnItem(ctx.user, i.itemId, { comment: i.comment ?? "" }, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "return");
});
export async function returnItemAction(p: ActionState, fd: FormData) {
  return returnA(p, fd);
}

const publishA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await publishItem(ctx.user, i.itemId, { expectedRevisionHash: i.hash }, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "publish");
});
export async function publishItemAction(p: ActionState, fd: FormData) {
  return publishA(p, fd);
}

const scheduleSchema = base.extend({
  publishAt: z
    .string({ error: "请填写定时发布时间" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请填写有效的定时发布时间"),
});
const scheduleA = authorizedFormAction("admin:access", scheduleSchema, async (i, ctx) => {
  // The datetime-local input is Beijing time.
  const publishAt = new Date(`${i.publishAt}:00+08:00`);
  await scheduleItem(ctx.user, i.itemId, { publishAt, expectedRevisionHash: i.hash }, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "schedule");
});
export async function scheduleItemAction(p: ActionState, fd: FormData) {
  return scheduleA(p, fd);
}

const unscheduleA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await unscheduleItem(ctx.user, i.itemId, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "unschedule");
});
export async function unscheduleItemAction(p: ActionState, fd: FormData) {
  return unscheduleA(p, fd);
}

const withdrawSchema = base.extend({
  reason: z.enum(WITHDRAWAL_REASONS, { error: "请选择撤回原因" }),
  replacementItemId: z.string().optional(),
});
const withdrawA = authorizedFormAction("admin:access", withdrawSchema, async (i, ctx) => {
  await withdrawItem(
    ctx.user,
    i.itemId,
    { reason: i.reason, note: i.comment, replacementItemId: i.replacementItemId },
    { expectedVersion: i.version, ip: ctx.ip },
  );
  done(i.itemId, "withdraw");
});
export async function withdrawItemAction(p: ActionState, fd: FormData) {
  return withdrawA(p, fd);
}

const reopenA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await reopenItem(ctx.user, i.itemId, { comment: i.comment }, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "reopen");
});
export async function reopenItemAction(p: ActionState, fd: FormData) {
  return reopenA(p, fd);
}

const discardA = authorizedFormAction("admin:access", base, async (i, ctx) => {
  await discardDraft(ctx.user, i.itemId, { expectedVersion: i.version, ip: ctx.ip });
  done(i.itemId, "discard");
});
export async function discardDraftAction(p: ActionState, fd: FormData) {
  return discardA(p, fd);
}

// ---------------------------------------------------------------- escalation chain (ADMIN)

const chainSchema = z.object({
  departmentId: z.string().min(1, "请选择机构"),
  levels: stringArray,
});
const chainA = authorizedFormAction("departments:manage", chainSchema, async (i, ctx) => {
  await saveEscalationChain(ctx.user, i.departmentId, i.levels, { ip: ctx.ip });
  revalidatePath("/admin/disclosures/escalation");
  return "逐级把关链已保存";
});
export async function saveEscalationChainAction(p: ActionState, fd: FormData) {
  return chainA(p, fd);
}
