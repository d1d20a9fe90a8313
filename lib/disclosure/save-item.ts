// 新建 / 编辑: every save creates an immutable revision. Creating assigns the 索引号; editing
// goes through the workflow (`edit`), which voids approvals bound to the old content.
//
// The 解读 link (interpretsItemId) is part of the revision like every other field: a change
// of it is covered by the new revision's hash, so it needs a fresh review and sign-off, and
// the public keeps seeing the published revision's link until the new version is published.

import type { Tx } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/guard";
import { ForbiddenError, ValidationError, zodFieldErrors } from "@/lib/errors";
import { defineVerb, type VerbOptions } from "@/lib/verbs/define-verb";
import { checkFiles, discardStored, MAX_ATTACHMENTS_PER_ITEM, storeFiles, type IncomingFile, type StoredFile } from "./attachments";
import { contentFromForm, insertRevision } from "./content";
import { hasUnsafeContent } from "./rules/sanitize";
import { allocateIndexNumber } from "./index-number";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import type { AttachmentRef } from "./rules/revision";
import { createItemFormSchema, type ItemFormValues } from "./rules/validity";
import { workflowVerb, type TransitionOptions, type TransitionResult } from "./workflow-verb";

export interface SaveItemInput {
  /** Raw form values (strings, keyword string or array, negative as boolean). */
  values: Record<string, unknown>;
  files?: IncomingFile[];
  /**
   * The item this one interprets (解读): an id, null or "" for none. On edit, undefined keeps
   * the base revision's link (the form always sends the field, "" clears it).
   */
  interpretsItemId?: string | null;
}

function parseValues(values: Record<string, unknown>, now: Date): ItemFormValues {
  const r = createItemFormSchema({ today: civilDateInShanghai(now) }).safeParse(values);
  if (!r.success) throw new ValidationError(zodFieldErrors(r.error));
  return r.data;
}

/**
 * Checks the ids the form refers to, inside the saving transaction. The category row is
 * locked FOR SHARE until commit: lib/categories/delete-category.ts locks it FOR UPDATE and
 * refuses while any revision uses it, so a delete either waits for this save (and then
 * sees the new revision) or commits first (and then the row is gone here).
 */
async function checkReferences(
  tx: Tx,
  v: ItemFormValues,
  scope: readonly string[],
  interpretsItemId: string | null | undefined,
  selfId?: string,
) {
  const errors: Record<string, string[]> = {};
  const category = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Category" WHERE id = ${v.categoryId} FOR SHARE`;
  if (category.length === 0) errors.categoryId = ["所选主题分类不存在"];
  if (v.replacedById) {
    const r = await tx.disclosureItem.findFirst({ where: { id: v.replacedById, departmentId: { in: [...scope] } }, select: { id: true } });
    if (!r || r.id === selfId) errors.replacedById = ["所选的修改或废止该文件的信息不存在"];
  }
  if (interpretsItemId) {
    const r = await tx.disclosureItem.findFirst({
      where: { id: interpretsItemId, departmentId: { in: [...scope] } },
      select: { id: true },
    });
    if (!r || r.id === selfId) errors.interpretsItemId = ["所解读的信息不存在"];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

async function createAttachmentRows(tx: Tx, itemId: string, stored: StoredFile[], userId: string, now: Date) {
  const ids: string[] = [];
  for (const f of stored) {
    const a = await tx.disclosureAttachment.create({
      data: {
        itemId,
        storageName: f.storageName,
        fileName: f.fileName,
        kind: f.kind,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        uploadedById: userId,
        createdAt: now,
      },
      select: { id: true },
    });
    ids.push(a.id);
  }
  return ids;
}

const refOf = (f: { fileName: string; sha256: string; size: number }): AttachmentRef => ({
  fileName: f.fileName,
  sha256: f.sha256,
  size: f.size,
});

type CreateInput = { values: ItemFormValues; stored: StoredFile[]; interpretsItemId: string | null };

const createItemVerb = defineVerb<CreateInput, true, null, { id: string; indexNumber: string; revisionId: string; revisionHash: string }>({
  action: "disclosure.create",
  entityType: "DisclosureItem",
  permission: "disclosure:draft",
  entityId: () => "",
  load: async () => true,
  decide: async ({ tx, input, scope }) => {
    await checkReferences(tx, input.values, await scope(), input.interpretsItemId);
    return null;
  },
  apply: async ({ tx, actor, input: { values: v, stored, interpretsItemId }, now }) => {
    if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
    const indexNumber = await allocateIndexNumber(tx, actor.departmentId, v.categoryId, Number(civilDateInShanghai(now).slice(0, 4)));
    const item = await tx.disclosureItem.create({
      data: { departmentId: actor.departmentId, indexNumber, createdById: actor.id, createdAt: now },
      select: { id: true },
    });
    const attachmentIds = await createAttachmentRows(tx, item.id, stored, actor.id, now);
    const rev = await insertRevision(tx, {
      itemId: item.id,
      content: contentFromForm(v, stored.map(refOf), interpretsItemId),
      attachmentIds,
      authorId: actor.id,
      now,
    });
    await tx.disclosureItem.update({ where: { id: item.id }, data: { workingRevisionId: rev.id } });
    await tx.disclosureContributor.create({ data: { itemId: item.id, cycle: 0, userId: actor.id } });
    await tx.disclosureEvent.create({
      data: { itemId: item.id, type: "CREATE", actorId: actor.id, actorName: actor.displayName, toState: "DRAFT", at: now },
    });
    return { id: item.id, indexNumber, revisionId: rev.id, revisionHash: rev.hash };
  },
  audit: ({ input, result }) => ({
    entityId: result.id,
    detail: `${result.indexNumber} ${input.values.title}`,
    after: { revisionId: result.revisionId, hash: result.revisionHash, attachments: input.stored.map((s) => s.sha256) },
  }),
});

/** 新建: the item with its 索引号 and first revision (a draft of the clerk's department). */
export async function createItem(user: SessionUser | null | undefined, input: SaveItemInput, opts: VerbOptions = {}) {
  const now = opts.now ?? new Date();
  const values = parseValues(input.values, now);
  const files = input.files ?? [];
  if (files.length > MAX_ATTACHMENTS_PER_ITEM) throw new ValidationError({ attachments: [`附件不能超过${MAX_ATTACHMENTS_PER_ITEM}个`] });
  const checked = checkFiles(files);
  const stored = await storeFiles(checked);
  try {
    const r = await createItemVerb(user, { values, stored, interpretsItemId: input.interpretsItemId || null }, { ...opts, now });
    return { ...r, bodyCleaned: hasUnsafeContent(values.body) };
  } catch (e) {
    await discardStored(stored);
    throw e;
  }
}

/**
 * A structured disclosure (收费项目, 机构职能, 领导分工, 办事指南, 公开指南) is an item with a
 * StructuredRecord whose body is rendered from its structured data: a free-form edit would
 * publish a revision without that data. Such items are edited in lib/structured/save-structured.ts.
 */
export const STRUCTURED_EDIT_MESSAGE = "该信息为结构化公开内容，请在“收费·职能·指南”中修改";

export interface EditItemInput extends SaveItemInput {
  /** The revision the form was based on; another save since then → refused as stale. */
  baseRevisionId: string;
  /** Attachment ids of the base revision to keep, in order. */
  keepAttachmentIds?: string[];
}

type EditVerbInput = {
  values: ItemFormValues;
  stored: StoredFile[];
  baseRevisionId: string;
  keepAttachmentIds: string[];
  interpretsItemId: string | null | undefined;
};

const editItemVerb = workflowVerb<EditVerbInput>({
  policy: "edit",
  audit: "disclosure.edit",
  build: async ({ tx, actor, input, loaded, now, scope }) => {
    const itemId = loaded.row.id;
    if (loaded.structured) throw new ValidationError({ _form: [STRUCTURED_EDIT_MESSAGE] }, STRUCTURED_EDIT_MESSAGE);
    if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
    const v = input.values;
    await checkReferences(tx, v, await scope(), input.interpretsItemId, itemId);
    // A stale base is refused by the workflow (`edit` compares it with the working revision).
    const baseRevision = await tx.disclosureRevision.findFirst({
      where: { id: input.baseRevisionId, itemId },
      select: { interpretsItemId: true },
    });
    const interpretsItemId =
      input.interpretsItemId === undefined ? (baseRevision?.interpretsItemId ?? null) : input.interpretsItemId || null;
    const base = await tx.disclosureRevisionAttachment.findMany({
      where: { revisionId: input.baseRevisionId, revision: { itemId } },
      orderBy: { sortOrder: "asc" },
      include: { attachment: true },
    });
    const keep = new Set(input.keepAttachmentIds);
    const kept = base.filter((b) => keep.has(b.attachmentId)).map((b) => b.attachment);
    if (kept.length + input.stored.length > MAX_ATTACHMENTS_PER_ITEM) {
      throw new ValidationError({ attachments: [`附件不能超过${MAX_ATTACHMENTS_PER_ITEM}个`] });
    }
    const newIds = await createAttachmentRows(tx, itemId, input.stored, actor.id, now);
    const rev = await insertRevision(tx, {
      itemId,
      content: contentFromForm(v, [...kept.map(refOf), ...input.stored.map(refOf)], interpretsItemId),
      attachmentIds: [...kept.map((k) => k.id), ...newIds],
      authorId: actor.id,
      now,
    });
    // Nothing public changes here (the link is on the new revision), so no catalogue
    // notification: publication of this revision notifies (apply-effects.ts).
    return { type: "edit", baseRevisionId: input.baseRevisionId, revision: rev };
  },
});

/** 编辑: a new revision through the workflow's `edit`, which voids approvals bound to the old content. */
export async function editItem(
  user: SessionUser | null | undefined,
  itemId: string,
  input: EditItemInput,
  opts: TransitionOptions = {},
): Promise<TransitionResult & { bodyCleaned: boolean }> {
  const now = opts.now ?? new Date();
  const values = parseValues(input.values, now);
  const checked = checkFiles(input.files ?? []);
  const stored = await storeFiles(checked);
  try {
    const result = await editItemVerb(
      user,
      itemId,
      {
        values,
        stored,
        baseRevisionId: input.baseRevisionId,
        keepAttachmentIds: input.keepAttachmentIds ?? [],
        interpretsItemId: input.interpretsItemId,
      },
      { ...opts, now },
    );
    // Scripts, frames or event handlers were removed from the body: the clerk is told so
    // (a notice after the save), since the stored body differs from what they pasted.
    return { ...result, bodyCleaned: hasUnsafeContent(values.body) };
  } catch (e) {
    await discardStored(stored);
    throw e;
  }
}
