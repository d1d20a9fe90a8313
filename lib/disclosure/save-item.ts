// 新建 / 编辑: every save creates an immutable revision. Creating assigns the 索引号; editing
// goes through the workflow (`edit`), which voids approvals bound to the old content.
//
// The 解读 link (interpretsItemId) is part of the revision like every other field: a change
// of it is covered by the new revision's hash, so it needs a fresh review and sign-off, and
// the public keeps seeing the published revision's link until the new version is published.

import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizeUser, departmentScope, type SessionUser } from "@/lib/auth/guard";
import { ValidationError, zodFieldErrors } from "@/lib/errors";
import { checkFiles, discardStored, MAX_ATTACHMENTS_PER_ITEM, storeFiles, type IncomingFile, type StoredFile } from "./attachments";
import { contentFromForm, insertRevision } from "./content";
import { hasUnsafeContent } from "./rules/sanitize";
import { allocateIndexNumber } from "./index-number";
import { chinaDateOf } from "./rules/dates";
import type { AttachmentRef } from "./rules/revision";
import { createItemFormSchema, type ItemFormValues } from "./rules/validity";
import { runStaffTransition, type TransitionOptions, type TransitionResult } from "./transition";

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
  const r = createItemFormSchema({ today: chinaDateOf(now) }).safeParse(values);
  if (!r.success) throw new ValidationError(zodFieldErrors(r.error));
  return r.data;
}

/**
 * Checks the ids the form refers to, inside the saving transaction. The category row is
 * locked FOR SHARE until commit: lib/categories/delete-category.ts locks it FOR UPDATE and
 * refuses while any revision uses it, so a delete either waits for this save (and then
 * sees the new revision) or commits first (and then the row is gone here).
 */
async function checkReferences(tx: Tx, v: ItemFormValues, scope: string[], interpretsItemId: string | null | undefined, selfId?: string) {
  const errors: Record<string, string[]> = {};
  const category = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Category" WHERE id = ${v.categoryId} FOR SHARE`;
  if (category.length === 0) errors.categoryId = ["所选主题分类不存在"];
  if (v.replacedById) {
    const r = await tx.disclosureItem.findFirst({ where: { id: v.replacedById, departmentId: { in: scope } }, select: { id: true } });
    if (!r || r.id === selfId) errors.replacedById = ["所选的修改或废止该文件的信息不存在"];
  }
  if (interpretsItemId) {
    const r = await tx.disclosureItem.findFirst({ where: { id: interpretsItemId, departmentId: { in: scope } }, select: { id: true } });
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

const refOf = (f: { fileName: string; sha256: string; size: number }): AttachmentRef => ({ fileName: f.fileName, sha256: f.sha256, size: f.size });

export async function createItem(user: SessionUser, input: SaveItemInput, opts: { ip?: string; now?: Date } = {}) {
  await authorizeUser(user, "disclosure:draft", { departmentId: user.departmentId, action: "disclosure.create", ip: opts.ip });
  const now = opts.now ?? new Date();
  const v = parseValues(input.values, now);
  const files = input.files ?? [];
  if (files.length > MAX_ATTACHMENTS_PER_ITEM) throw new ValidationError({ attachments: [`附件不能超过${MAX_ATTACHMENTS_PER_ITEM}个`] });
  const checked = checkFiles(files);
  const scope = await departmentScope(user);
  const stored = await storeFiles(checked);
  try {
    return await db().$transaction(async (tx) => {
      await checkReferences(tx, v, scope, input.interpretsItemId);
      const indexNumber = await allocateIndexNumber(tx, user.departmentId, v.categoryId, Number(chinaDateOf(now).slice(0, 4)));
      const item = await tx.disclosureItem.create({
        data: { departmentId: user.departmentId, indexNumber, createdById: user.id, createdAt: now },
        select: { id: true },
      });
      const attachmentIds = await createAttachmentRows(tx, item.id, stored, user.id, now);
      const rev = await insertRevision(tx, {
        itemId: item.id,
        content: contentFromForm(v, stored.map(refOf), input.interpretsItemId || null),
        attachmentIds,
        authorId: user.id,
        now,
      });
      await tx.disclosureItem.update({ where: { id: item.id }, data: { workingRevisionId: rev.id } });
      await tx.disclosureContributor.create({ data: { itemId: item.id, cycle: 0, userId: user.id } });
      await tx.disclosureEvent.create({
        data: { itemId: item.id, type: "CREATE", actorId: user.id, actorName: user.displayName, toState: "DRAFT", at: now },
      });
      await writeAudit(tx, {
        actorId: user.id,
        actorName: user.displayName,
        action: "disclosure.create",
        entityType: "DisclosureItem",
        entityId: item.id,
        ip: opts.ip,
        detail: `${indexNumber} ${v.title}`,
        after: { revisionId: rev.id, hash: rev.hash, attachments: stored.map((s) => s.sha256) },
      });
      return { id: item.id, indexNumber, revisionId: rev.id, revisionHash: rev.hash, bodyCleaned: hasUnsafeContent(v.body ?? "") };
    });
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

export async function editItem(
  user: SessionUser,
  itemId: string,
  input: EditItemInput,
  opts: TransitionOptions = {},
): Promise<TransitionResult & { bodyCleaned: boolean }> {
  const now = opts.now ?? new Date();
  const v = parseValues(input.values, now);
  const files = input.files ?? [];
  const checked = checkFiles(files);
  const scope = await departmentScope(user);
  const stored = await storeFiles(checked);
  try {
    const result = await runStaffTransition(
      user,
      itemId,
      {
        auditAction: "disclosure.edit",
        permission: "disclosure:draft",
        build: async (tx) => {
          if (await tx.structuredRecord.findUnique({ where: { itemId }, select: { itemId: true } })) {
            throw new ValidationError({ _form: [STRUCTURED_EDIT_MESSAGE] }, STRUCTURED_EDIT_MESSAGE);
          }
          await checkReferences(tx, v, scope, input.interpretsItemId, itemId);
          // A stale base is refused by the workflow (`edit` compares it with the working revision).
          const baseRevision = await tx.disclosureRevision.findFirst({ where: { id: input.baseRevisionId, itemId }, select: { interpretsItemId: true } });
          const interpretsItemId = input.interpretsItemId === undefined ? (baseRevision?.interpretsItemId ?? null) : input.interpretsItemId || null;
          const base = await tx.disclosureRevisionAttachment.findMany({
            where: { revisionId: input.baseRevisionId, revision: { itemId } },
            orderBy: { sortOrder: "asc" },
            include: { attachment: true },
          });
          const keep = new Set(input.keepAttachmentIds ?? []);
          const kept = base.filter((b) => keep.has(b.attachmentId)).map((b) => b.attachment);
          if (kept.length + stored.length > MAX_ATTACHMENTS_PER_ITEM) {
            throw new ValidationError({ attachments: [`附件不能超过${MAX_ATTACHMENTS_PER_ITEM}个`] });
          }
          const newIds = await createAttachmentRows(tx, itemId, stored, user.id, now);
          const rev = await insertRevision(tx, {
            itemId,
            content: contentFromForm(v, [...kept.map(refOf), ...stored.map(refOf)], interpretsItemId),
            attachmentIds: [...kept.map((k) => k.id), ...newIds],
            authorId: user.id,
            now,
          });
          // Nothing public changes here (the link is on the new revision), so no catalogue
          // notification: publication of this revision notifies (apply-effects.ts).
          return { type: "edit", baseRevisionId: input.baseRevisionId, revision: rev };
        },
      },
      { ...opts, now },
    );
    // Scripts, frames or event handlers were removed from the body: the clerk is told so
    // (a notice after the save), since the stored body differs from what they pasted.
    return { ...result, bodyCleaned: hasUnsafeContent(v.body ?? "") };
  } catch (e) {
    await discardStored(stored);
    throw e;
  }
}

