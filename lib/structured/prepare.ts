// Validates structured input: zod first (pure rules), then the references the rules cannot
// see (departments, linked items, 分管单位 in the leader's government), and for the 公开指南
// the snapshot of the generated sections. Throws ValidationError with a Chinese message.

import { db, type Db, type Tx } from "@/lib/db/client";
import { ValidationError, zodFieldErrors } from "@/lib/errors";
import { buildCategoryTree, type CategoryNode } from "@/lib/site/category-tree";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { KINDS } from "./kinds";
import type { RenderNames } from "./render";
import type { FeeData } from "./rules/fee";
import type { GuideCategory, GuideData, GuideOffice, GuideProse } from "./rules/guide";
import { oversightMessage, unitsOutsideGovernment, type LeaderData } from "./rules/leader";
import type { ServiceData } from "./rules/service";

// A declared function (not an arrow) so `if (!x) fail(…)` narrows x for the compiler.
function fail(field: string, message: string): never {
  throw new ValidationError({ [field]: [message] }, message);
}

export function parseKind(kind: StructuredKind, raw: unknown): unknown {
  const r = KINDS[kind].schema.safeParse(raw);
  if (!r.success) {
    const errors = zodFieldErrors(r.error);
    throw new ValidationError(errors, r.error.issues[0]?.message ?? "提交的内容有误");
  }
  return r.data;
}

async function structuredKindOf(c: Db | Tx, itemId: string) {
  return (await c.structuredRecord.findUnique({ where: { itemId }, select: { kind: true } }))?.kind ?? null;
}

export async function loadNames(c: Db | Tx, itemIds: string[] = []): Promise<RenderNames> {
  const [depts, items] = await Promise.all([
    c.department.findMany({ select: { id: true, name: true } }),
    itemIds.length
      ? c.disclosureItem.findMany({
          where: { id: { in: itemIds } },
          select: { id: true, workingRevision: { select: { title: true } }, publishedRevision: { select: { title: true } } },
        })
      : Promise.resolve([]),
  ]);
  return {
    departments: Object.fromEntries(depts.map((d) => [d.id, d.name])),
    items: Object.fromEntries(items.map((i) => [i.id, i.publishedRevision?.title ?? i.workingRevision?.title ?? i.id])),
  };
}

/** Parsed, reference-checked data of a kind (the 公开指南 with its generated snapshot). */
export async function prepareData(kind: StructuredKind, raw: unknown, selfItemId?: string): Promise<unknown> {
  const parsed = parseKind(kind, raw);
  const c = db();
  const dept = await c.department.findUnique({
    where: { id: (parsed as { departmentId: string }).departmentId },
    select: { id: true, kind: true },
  });
  if (!dept) fail("departmentId", "所选机构不存在");
  switch (kind) {
    case "FEE": {
      const f = parsed as FeeData;
      // A basis may link the disclosure item that publishes the document, given by its id or
      // its 索引号; it is stored as the item id. The link is public, so the item must be.
      const linked = [...new Set(f.legalBases.map((b) => b.itemId).filter((x): x is string => !!x))];
      if (linked.length) {
        const found = await c.disclosureItem.findMany({
          where: { OR: [{ id: { in: linked } }, { indexNumber: { in: linked } }] },
          select: { id: true, indexNumber: true, state: true, publishedRevisionId: true },
        });
        const byRef = new Map(found.flatMap((i) => [[i.id, i] as const, [i.indexNumber, i] as const]));
        const legalBases = f.legalBases.map((b, n) => {
          if (!b.itemId) return b;
          const item = byRef.get(b.itemId);
          if (!item) fail("legalBases", `第${n + 1}项收费依据关联的公开信息“${b.itemId}”不存在，请填写该信息的索引号`);
          if (!item.publishedRevisionId || item.state === "WITHDRAWN")
            fail("legalBases", `第${n + 1}项收费依据关联的公开信息“${b.itemId}”尚未公开或已撤回`);
          return { ...b, itemId: item.id };
        });
        Object.assign(f, { legalBases });
      }
      if (f.successorItemId) {
        if (f.successorItemId === selfItemId || (await structuredKindOf(c, f.successorItemId)) !== "FEE") {
          fail("successorItemId", "调整后的收费项目不存在");
        }
      }
      return f;
    }
    case "LEADER": {
      const l = parsed as LeaderData;
      const depts = await c.department.findMany({ select: { id: true, name: true, parentId: true, kind: true } });
      const unknown = l.oversees.filter((u) => !depts.some((d) => d.id === u));
      if (unknown.length) fail("oversees", "所选分管单位不存在");
      const outside = unitsOutsideGovernment(l.departmentId, l.oversees, depts);
      if (outside.length) fail("oversees", oversightMessage(outside));
      if (l.photoId && !(await c.structuredPhoto.findUnique({ where: { id: l.photoId }, select: { id: true } }))) {
        fail("photo", "照片不存在，请重新上传");
      }
      return l;
    }
    case "SERVICE": {
      const s = parsed as ServiceData;
      if (s.feeItemIds.length) {
        const fees = await c.structuredRecord.count({ where: { itemId: { in: s.feeItemIds }, kind: "FEE" } });
        if (fees !== new Set(s.feeItemIds).size) fail("feeItemIds", "所选收费项目不存在");
      }
      return s;
    }
    case "DEPARTMENT_PROFILE":
      return parsed;
    case "GUIDE": {
      if (dept.kind !== "GOVERNMENT") fail("departmentId", "公开指南须以人民政府名义发布，请选择人民政府");
      return { ...(parsed as GuideProse), ...(await guideSnapshot(c, dept.id)) } satisfies GuideData;
    }
  }
}

function flatten(nodes: CategoryNode[], out: GuideCategory[] = []): GuideCategory[] {
  for (const n of nodes) {
    out.push({ code: n.code, name: n.name, article: n.articleLabel, depth: n.depth });
    flatten(n.children, out);
  }
  return out;
}

const officeOf = (d: {
  name: string;
  address: string;
  postalCode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
}): GuideOffice => ({
  name: d.name,
  address: d.address,
  postalCode: d.postalCode,
  officeHours: d.officeHours,
  phone: d.phone,
  fax: d.fax,
  email: d.email,
});

/** The generated parts of the 公开指南, from live data (categories and departments). */
export async function guideSnapshot(c: Db | Tx, governmentId: string): Promise<Pick<GuideData, "categories" | "office" | "requestPoints">> {
  const [cats, depts] = await Promise.all([
    c.category.findMany({
      select: { id: true, code: true, name: true, article: true, description: true, parentId: true, sortOrder: true },
    }),
    c.department.findMany({
      where: { OR: [{ id: governmentId }, { parentId: governmentId }] },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, kind: true, name: true, address: true, postalCode: true, officeHours: true, phone: true, fax: true, email: true },
    }),
  ]);
  const gov = depts.find((d) => d.id === governmentId);
  if (!gov) fail("departmentId", "所选人民政府不存在");
  const office = depts.find((d) => d.kind === "OFFICE") ?? gov;
  return {
    categories: flatten(buildCategoryTree(cats)),
    office: officeOf(office),
    requestPoints: depts.filter((d) => d.id !== governmentId).map(officeOf),
  };
}
