// Staff-side reads: structured records in the user's department scope, with the working
// revision's data (what is being edited) and the item's workflow state.

import { db } from "@/lib/db/client";
import { departmentScope, type SessionUser } from "@/lib/auth/guard";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { ITEM_STATE_LABELS } from "@/lib/disclosure/rules/workflow-model";
import type { DataOf } from "./kinds";

export async function listForStaff<K extends StructuredKind>(user: SessionUser, kind: K) {
  const scope = await departmentScope(user);
  const own = await db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true, parentId: true } });
  // The 政府办公室 also manages its government's leaders and guide.
  const deptIds = own?.kind === "OFFICE" && own.parentId ? [...scope, own.parentId] : scope;
  const records = await db().structuredRecord.findMany({
    where: { kind, OR: [{ departmentId: { in: deptIds } }] },
    select: { itemId: true, departmentId: true, predecessorItemId: true },
  });
  const items = await db().disclosureItem.findMany({
    where: { id: { in: records.map((r) => r.itemId) }, departmentId: { in: deptIds } },
    select: {
      id: true,
      indexNumber: true,
      state: true,
      version: true,
      updatedAt: true,
      publishedRevisionId: true,
      workingRevision: { select: { id: true, title: true, hash: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  const rows = await db().structuredRevision.findMany({
    where: { revisionId: { in: items.map((i) => i.workingRevision?.id ?? "") } },
    select: { revisionId: true, data: true },
  });
  const dataOf = new Map(rows.map((r) => [r.revisionId, r.data as DataOf<K>]));
  return items.map((i) => ({
    itemId: i.id,
    indexNumber: i.indexNumber,
    state: i.state,
    stateLabel: ITEM_STATE_LABELS[i.state] + (i.publishedRevisionId && i.state !== "PUBLISHED" ? "（已有公开版本）" : ""),
    title: i.workingRevision?.title ?? "",
    updatedAt: i.updatedAt,
    data: dataOf.get(i.workingRevision?.id ?? "") ?? null,
  }));
}

export async function getForStaff<K extends StructuredKind>(user: SessionUser, kind: K, itemId: string) {
  const scope = await departmentScope(user);
  const own = await db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true, parentId: true } });
  const deptIds = own?.kind === "OFFICE" && own.parentId ? [...scope, own.parentId] : scope;
  const record = await db().structuredRecord.findFirst({ where: { itemId, kind } });
  if (!record) return null;
  const item = await db().disclosureItem.findFirst({
    where: { id: itemId, departmentId: { in: deptIds } },
    select: {
      id: true,
      indexNumber: true,
      state: true,
      version: true,
      departmentId: true,
      publishedRevisionId: true,
      workingRevision: { select: { id: true, title: true, hash: true, content: true } },
    },
  });
  if (!item) return null;
  const { workingRevision } = item;
  if (!workingRevision) return null;
  const [working, published] = await Promise.all([
    db().structuredRevision.findUnique({ where: { revisionId: workingRevision.id } }),
    item.publishedRevisionId ? db().structuredRevision.findUnique({ where: { revisionId: item.publishedRevisionId } }) : null,
  ]);
  const events = await db().disclosureEvent.findMany({ where: { itemId }, orderBy: { at: "desc" }, take: 20 });
  return {
    record,
    item: { ...item, workingRevision },
    state: item.state,
    stateLabel: ITEM_STATE_LABELS[item.state],
    data: (working?.data as DataOf<K> | undefined) ?? null,
    publishedData: (published?.data as DataOf<K> | undefined) ?? null,
    events,
  };
}

/** Departments the user may file records for (scope, plus the government for the 政府办公室). */
export async function departmentOptionsFor(user: SessionUser) {
  const scope = await departmentScope(user);
  const own = await db().department.findUnique({ where: { id: user.departmentId }, select: { kind: true, parentId: true } });
  const ids = own?.kind === "OFFICE" && own.parentId ? [...scope, own.parentId] : scope;
  const rows = await db().department.findMany({
    where: { id: { in: ids } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  return rows;
}
