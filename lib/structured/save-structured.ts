// 新建 / 编辑 a structured disclosure. The record IS a DisclosureItem: creating makes the
// item with its 索引号 and first revision (as lib/disclosure/save-item.ts does for ordinary
// items), editing goes through the disclosure workflow's verb skeleton (workflowVerb) with an `edit`
// action — so review, sign-off, invalidation of approvals and publication are the workflow's
// own. In the same transaction the structured JSON is stored beside the revision
// (StructuredRevision, keyed by revisionId); its body is rendered from that JSON.

import { db, type Tx } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { contentOf, insertRevision } from "@/lib/disclosure/content";
import { allocateIndexNumber } from "@/lib/disclosure/index-number";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import type { RevisionContent } from "@/lib/disclosure/rules/revision";
import { workflowVerb, type TransitionOptions, type TransitionResult } from "@/lib/disclosure/workflow-verb";
import { defineVerb, type VerbOptions } from "@/lib/verbs/define-verb";
import { describeRecord, kindData, KINDS } from "./kinds";
import { effectiveFeeStatus, feeValidity, type FeeData } from "./rules/fee";
import { processPhoto, storePhoto, type IncomingPhoto, type ProcessedPhoto } from "./photo";
import { loadNames, prepareData } from "./prepare";

export type StructuredMeta = {
  responsibleSection?: string;
  responsiblePerson?: string;
  /** LEADER: a newly uploaded photo (replaces photoId). */
  photo?: IncomingPhoto | null;
};

/**
 * The department that issues the item: the record's own department when it lies in the
 * user's scope; for a government's leaders and guide, the 政府办公室 may issue on the
 * government's behalf. Anything else is refused.
 */
async function issuingDepartment(user: SessionUser, recordDeptId: string, scope: readonly string[]): Promise<string> {
  if (scope.includes(recordDeptId)) return recordDeptId;
  const own = await db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true, parentId: true } });
  if (own?.kind === "OFFICE" && own.parentId === recordDeptId) return user.departmentId;
  // The verb audits the refusal against the record's department.
  throw new ForbiddenError("您只能编辑本机构（或本机构所属政府）的公开内容");
}

/** Kinds of which a department has one record (edited in place, versioned by revisions). */
const ONE_PER_DEPARTMENT: Partial<Record<StructuredKind, string>> = {
  DEPARTMENT_PROFILE: "该机构已有机构职能记录，请修改现有记录",
  GUIDE: "该人民政府已有政府信息公开指南记录，请修改现有记录",
};

/**
 * Refuses a second 机构职能 of a department or a second 公开指南 of a government while one
 * that is not withdrawn exists. Runs in the creating transaction under an advisory lock on
 * (kind, department), so two clerks pressing 保存 at once cannot both pass.
 */
async function checkSingleRecord(tx: Tx, kind: StructuredKind, departmentId: string): Promise<void> {
  const message = ONE_PER_DEPARTMENT[kind];
  if (!message) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`structured:${kind}:${departmentId}`}))`;
  const existing = await tx.structuredRecord.findMany({ where: { kind, departmentId }, select: { itemId: true } });
  if (existing.length === 0) return;
  const live = await tx.disclosureItem.count({ where: { id: { in: existing.map((e) => e.itemId) }, state: { not: "WITHDRAWN" } } });
  if (live > 0) throw new ValidationError({ departmentId: [message] }, message);
}

/** The revision content of structured data: body rendered from the data, title and summary derived. */
export async function contentFor(
  tx: Tx,
  kind: StructuredKind,
  data: unknown,
  meta: StructuredMeta,
  user: Pick<SessionUser, "departmentId" | "displayName">,
  now: Date,
  writtenOn?: string,
): Promise<RevisionContent> {
  const k = KINDS[kind];
  const fee = kind === "FEE" ? (data as FeeData) : null;
  const itemRefs =
    kind === "SERVICE" ? ((data as { feeItemIds?: string[] }).feeItemIds ?? []) : fee?.successorItemId ? [fee.successorItemId] : [];
  const names = await loadNames(tx, itemRefs);
  const category = await tx.category.findUnique({ where: { code: k.categoryCode }, select: { id: true } });
  if (!category) throw new Error(`category ${k.categoryCode} missing`);
  const today = civilDateInShanghai(now);
  // 有效性 follows the fee's own status as of today, as /xxgk/fees shows it (已取消 / 已到期 →
  // 已失效, 已调整 → 已修改 linked to the successor); a change that takes effect later keeps
  // 有效 in this revision. Changes that happen later without a new revision (a successor's
  // start, a date passing) are applied by syncFeeValidity (./validity.ts).
  const { validity, replacedById } = fee
    ? feeValidity(effectiveFeeStatus(fee, null, today))
    : { validity: "VALID" as const, replacedById: null };
  const userDept = names.departments[user.departmentId] ?? "";
  const described = describeRecord(kindData(kind, data), names);
  return {
    title: described.title,
    documentNumber: null,
    categoryId: category.id,
    writtenOn: writtenOn ?? today,
    formedOn: today,
    summary: described.summary,
    body: described.body,
    keywords: k.keywords,
    disclosureMode: "PROACTIVE",
    disclosureScope: "PUBLIC",
    validity,
    replacedById,
    tier: "GENERAL",
    negative: false,
    responsibleSection: meta.responsibleSection?.trim() || userDept || "办公室",
    responsiblePerson: meta.responsiblePerson?.trim() || user.displayName,
    attachments: [],
  };
}

export const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

async function withPhoto(
  kind: StructuredKind,
  raw: unknown,
  meta: StructuredMeta,
): Promise<{ raw: unknown; photo: ProcessedPhoto | null }> {
  if (kind !== "LEADER" || !meta.photo || meta.photo.bytes.length === 0) return { raw, photo: null };
  const photo = await processPhoto(meta.photo);
  return { raw: { ...(raw as object), photoId: photo.id }, photo };
}

/**
 * A record that adjusts (调整) an earlier one — publishing it turns the earlier fee into 已调整
 * on the public pages — may only name a published record of the same kind and the same
 * department, issued within the user's scope: nobody can mark another department's fee as
 * adjusted. The same holds for the successor a fee's own 已调整 status names (field
 * successorItemId): it is shown as "调整为…" on the public pages.
 */
async function checkLinkedRecord(
  user: SessionUser,
  kind: StructuredKind,
  linkedItemId: string,
  departmentId: string,
  scope: string[],
  field: "predecessorItemId" | "successorItemId" = "predecessorItemId",
): Promise<void> {
  const what = field === "predecessorItemId" ? "被调整的项目" : "调整后的收费项目";
  const refuse = (m: string) => new ValidationError({ [field]: [m] }, m);
  const pred = await db().structuredRecord.findUnique({ where: { itemId: linkedItemId }, select: { kind: true, departmentId: true } });
  const own = await db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true, parentId: true } });
  const deptIds = own?.kind === "OFFICE" && own.parentId ? [...scope, own.parentId, user.departmentId] : scope;
  const item = pred
    ? await db().disclosureItem.findFirst({
        where: { id: linkedItemId, departmentId: { in: deptIds } },
        select: { state: true, publishedRevisionId: true },
      })
    : null;
  if (!pred || pred.kind !== kind || !item) throw refuse(`${what}不存在，或不在您的管辖范围内`);
  if (!item.publishedRevisionId || item.state === "WITHDRAWN")
    throw refuse(`${what}尚未公开或已撤回，不能${field === "predecessorItemId" ? "调整" : "关联"}`);
  if (pred.departmentId !== departmentId) {
    throw refuse(field === "predecessorItemId" ? "调整后的收费项目须与原项目的收费单位相同" : "调整后的收费项目须与本项目的收费单位相同");
  }
}

/** A fee marked 已调整 in its own data: its successor passes the same checks as a predecessor. */
async function checkOwnSuccessor(user: SessionUser, kind: StructuredKind, data: unknown, scope?: string[]): Promise<void> {
  if (kind !== "FEE") return;
  const f = data as FeeData;
  if (f.status !== "ADJUSTED" || !f.successorItemId) return;
  await checkLinkedRecord(user, "FEE", f.successorItemId, f.departmentId, scope ?? (await departmentScope(user)), "successorItemId");
}

type CreateInput = {
  kind: StructuredKind;
  /** Prepared (validated) data; its departmentId is the record's department. */
  data: { departmentId: string };
  photo: ProcessedPhoto | null;
  meta: StructuredMeta;
  predecessorItemId: string | null;
};
type Created = { id: string; indexNumber: string; revisionId: string; revisionHash: string; title: string };

/**
 * The subject of a creation is the department the record is for: a refusal (another
 * bureau's clerk, a reviewer) is audited against it, the new item is named in the entry.
 */
const createStructuredVerb = defineVerb<CreateInput, true, { issuing: string }, Created>({
  action: "structured.create",
  entityType: "Department",
  permission: "structured:draft",
  entityId: (i) => i.data.departmentId,
  load: async () => true,
  decide: async ({ actor, input, scope }) => {
    if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
    const s = await scope();
    const issuing = await issuingDepartment(actor, input.data.departmentId, s);
    if (input.predecessorItemId) await checkLinkedRecord(actor, input.kind, input.predecessorItemId, input.data.departmentId, s);
    await checkOwnSuccessor(actor, input.kind, input.data, s);
    return { issuing };
  },
  apply: async ({ tx, actor, input: { kind, data, photo, meta, predecessorItemId }, decision: { issuing }, now }) => {
    if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
    await checkSingleRecord(tx, kind, data.departmentId);
    if (photo) await storePhoto(tx, photo, actor.id);
    const content = await contentFor(tx, kind, data, meta, actor, now);
    const indexNumber = await allocateIndexNumber(tx, issuing, content.categoryId, Number(civilDateInShanghai(now).slice(0, 4)));
    const item = await tx.disclosureItem.create({
      data: { departmentId: issuing, indexNumber, createdById: actor.id, createdAt: now },
      select: { id: true },
    });
    const rev = await insertRevision(tx, { itemId: item.id, content, attachmentIds: [], authorId: actor.id, now });
    await tx.disclosureItem.update({ where: { id: item.id }, data: { workingRevisionId: rev.id } });
    await tx.disclosureContributor.create({ data: { itemId: item.id, cycle: 0, userId: actor.id } });
    await tx.disclosureEvent.create({
      data: { itemId: item.id, type: "CREATE", actorId: actor.id, actorName: actor.displayName, toState: "DRAFT", at: now },
    });
    await tx.structuredRecord.create({
      data: { itemId: item.id, kind, departmentId: data.departmentId, predecessorItemId, createdAt: now },
    });
    await tx.structuredRevision.create({ data: { revisionId: rev.id, itemId: item.id, kind, data: json(data), createdAt: now } });
    return { id: item.id, indexNumber, revisionId: rev.id, revisionHash: rev.hash, title: content.title };
  },
  audit: ({ input, result }) => ({
    detail: `${KINDS[input.kind].label} ${result.indexNumber} ${result.title}`,
    after: {
      itemId: result.id,
      kind: input.kind,
      revisionId: result.revisionId,
      hash: result.revisionHash,
      predecessorItemId: input.predecessorItemId,
    },
  }),
});

/** Prepared data, with a newly uploaded photo's id (the photo is stored in the saving transaction). */
async function prepared(kind: StructuredKind, rawInput: unknown, meta: StructuredMeta, selfItemId?: string) {
  const { raw, photo } = await withPhoto(kind, rawInput, meta);
  const base = photo && isRecord(raw) ? { ...raw, photoId: null } : raw;
  const data = await prepareData(kind, base, selfItemId);
  if (!isRecord(data) || typeof data.departmentId !== "string") throw new ValidationError({ departmentId: ["请选择所属机构"] });
  const withPhotoId: { departmentId: string } & Record<string, unknown> = { ...data, departmentId: data.departmentId };
  if (photo) withPhotoId.photoId = photo.id;
  return { data: withPhotoId, photo };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** 新建 a structured disclosure: its item, 索引号, first revision and structured data. */
export async function createStructured(
  user: SessionUser | null | undefined,
  kind: StructuredKind,
  rawInput: unknown,
  meta: StructuredMeta = {},
  opts: VerbOptions & { predecessorItemId?: string | null } = {},
): Promise<{ id: string; indexNumber: string; revisionId: string; revisionHash: string }> {
  const { data, photo } = await prepared(kind, rawInput, meta);
  const { title: _title, ...r } = await createStructuredVerb(
    user,
    { kind, data, photo, meta, predecessorItemId: opts.predecessorItemId ?? null },
    opts,
  );
  return r;
}

type EditInput = {
  kind: StructuredKind;
  data: { departmentId: string };
  photo: ProcessedPhoto | null;
  meta: StructuredMeta;
  baseRevisionId: string;
};

/** 编辑: a new revision through the disclosure workflow's `edit` (approvals bound to the old content lapse). */
const editStructuredVerb = workflowVerb<EditInput>({
  policy: "edit",
  audit: "structured.edit",
  permission: "structured:draft",
  build: async ({ tx, actor, input, loaded: { row }, now }) => {
    if (!actor) throw new ForbiddenError("登录已过期，请重新登录");
    const workingRevisionId = row.workingRevisionId;
    if (!workingRevisionId) throw new ValidationError({ _form: ["该信息没有可修改的版本"] });
    if (input.photo) await storePhoto(tx, input.photo, actor.id);
    const base = await tx.disclosureRevision.findUniqueOrThrow({
      where: { id: workingRevisionId },
      select: { content: true, interpretsItemId: true },
    });
    const content = await contentFor(tx, input.kind, input.data, input.meta, actor, now, contentOf(base).writtenOn);
    const rev = await insertRevision(tx, { itemId: row.id, content, attachmentIds: [], authorId: actor.id, now });
    await tx.structuredRevision.create({
      data: { revisionId: rev.id, itemId: row.id, kind: input.kind, data: json(input.data), createdAt: now },
    });
    return { type: "edit", baseRevisionId: input.baseRevisionId, revision: rev };
  },
});

export async function editStructured(
  user: SessionUser | null | undefined,
  itemId: string,
  rawInput: unknown,
  input: { baseRevisionId: string; meta?: StructuredMeta },
  opts: TransitionOptions = {},
): Promise<TransitionResult & { revisionId: string }> {
  const record = await db().structuredRecord.findUnique({ where: { itemId } });
  if (!record) throw new NotFoundError("未找到该信息，或您无权处理该信息");
  const meta = input.meta ?? {};
  const { data, photo } = await prepared(record.kind, rawInput, meta, itemId);
  if (data.departmentId !== record.departmentId) {
    throw new ValidationError({ departmentId: ["不能更改所属机构，请新建"] }, "不能更改所属机构，请新建");
  }
  if (user) await checkOwnSuccessor(user, record.kind, data);
  const result = await editStructuredVerb(
    user,
    itemId,
    { kind: record.kind, data, photo, meta, baseRevisionId: input.baseRevisionId },
    opts,
  );
  return { ...result, revisionId: result.workingRevisionId ?? "" };
}
