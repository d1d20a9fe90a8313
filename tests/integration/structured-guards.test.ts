import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { itemValues } from "../helpers/disclosure-org";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { publishItem } from "@/lib/disclosure/publish-item";
import { STRUCTURED_PARTIAL_MESSAGE, reviewItem } from "@/lib/disclosure/review-item";
import { createItem, editItem, STRUCTURED_EDIT_MESSAGE } from "@/lib/disclosure/save-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { ValidationError } from "@/lib/errors";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { feeRows } from "@/lib/structured/fees";
import { createStructured, editStructured } from "@/lib/structured/save-structured";
import { makeActor } from "../helpers/actors";

// Structured disclosures (收费项目 …) are disclosure items whose body is rendered from their
// structured data: the free-form editor and 部分公开 would publish a revision without it.

let clerk: SessionUser, reviewer: SessionUser, director: SessionUser;
let bureauId: string;
let categoryId: string;

const fee = (o: Record<string, unknown> = {}) => ({
  name: "测试证书工本费",
  code: "G-001",
  departmentId: bureauId,
  legalBases: [{ title: "关于测试收费的通知", documentNumber: "测发〔2025〕1号" }],
  amount: "20",
  formula: "",
  unit: "本",
  payer: "申请人",
  validFrom: "2025-01-01",
  ...o,
});

const snapshot = async (itemId: string) => {
  const i = await db().disclosureItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { state: true, version: true, workingRevisionId: true, publishedRevisionId: true },
  });
  return {
    ...i,
    revisions: await db().disclosureRevision.count({ where: { itemId } }),
    reviews: await db().disclosureReview.count({ where: { itemId } }),
    events: await db().disclosureEvent.count({ where: { itemId } }),
  };
};
const hashOf = async (itemId: string) =>
  (await db().disclosureItem.findUniqueOrThrow({ where: { id: itemId }, select: { workingRevision: { select: { hash: true } } } }))
    .workingRevision!.hash;
const refused = (itemId: string, action: string) =>
  db().auditLog.findMany({ where: { entityType: "DisclosureItem", entityId: itemId, action, outcome: "REFUSED" } });

async function publishFee(itemId: string) {
  await submitItem(clerk, itemId);
  await reviewItem(reviewer, itemId, { decision: "CLEAR", expectedRevisionHash: await hashOf(itemId) });
  await signItem(director, itemId, { expectedRevisionHash: await hashOf(itemId) });
  await publishItem(clerk, itemId, { expectedRevisionHash: await hashOf(itemId) });
}

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  const gov = await createDepartment(db(), { kind: "GOVERNMENT", name: "守卫测试县人民政府" });
  bureauId = (await createDepartment(db(), { parentId: gov.id, name: "守卫测试县自然资源局" })).id;
  clerk = await makeActor(["CLERK"], bureauId);
  reviewer = await makeActor(["REVIEWER"], bureauId);
  director = await makeActor(["DIRECTOR"], bureauId);
  categoryId = (await db().category.findUniqueOrThrow({ where: { code: "A07" } })).id;
});

describe("editItem refuses a structured disclosure", () => {
  it("refuses a draft, changes nothing and audits the refusal; the structured editor still works", async () => {
    const c = await createStructured(clerk, "FEE", fee());
    const before = await snapshot(c.id);
    const err = await editItem(clerk, c.id, {
      values: itemValues(categoryId, { title: "改成普通信息" }),
      baseRevisionId: c.revisionId,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors).toEqual({ _form: [STRUCTURED_EDIT_MESSAGE] });
    expect(STRUCTURED_EDIT_MESSAGE).toBe("该信息为结构化公开内容，请在“收费·职能·指南”中修改");
    expect(await snapshot(c.id)).toEqual(before);
    const audits = await refused(c.id, "disclosure.edit");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(clerk.id);
    expect(audits[0]!.detail).toContain("结构化公开内容");

    // The rightful path: the structured editor (which does not go through editItem).
    const e = await editStructured(clerk, c.id, fee({ amount: "25" }), { baseRevisionId: c.revisionId });
    expect(e.state).toBe("DRAFT");
    const after = await snapshot(c.id);
    expect(after.workingRevisionId).toBe(e.revisionId);
    expect(after.revisions).toBe(before.revisions + 1);
    expect((await db().structuredRevision.findUniqueOrThrow({ where: { revisionId: e.revisionId } })).data).toMatchObject({
      amount: "25.00",
    });
  });

  it("refuses a published one too: the public fee stays as it was", async () => {
    const c = await createStructured(clerk, "FEE", fee({ name: "测试测绘成果工本费", code: "G-002" }));
    await publishFee(c.id);
    const before = await snapshot(c.id);
    const err = await editItem(clerk, c.id, { values: itemValues(categoryId), baseRevisionId: before.workingRevisionId! }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors._form).toEqual([STRUCTURED_EDIT_MESSAGE]);
    expect(await snapshot(c.id)).toEqual(before);
    expect(await refused(c.id, "disclosure.edit")).toHaveLength(1);
    expect((await feeRows()).find((r) => r.itemId === c.id)?.standard).toBe("20.00 元/本");
  });

  it("still edits an ordinary item", async () => {
    const c = await createItem(clerk, { values: itemValues(categoryId) });
    const r = await editItem(clerk, c.id, { values: itemValues(categoryId, { summary: "修改后的概述" }), baseRevisionId: c.revisionId });
    expect(r.state).toBe("DRAFT");
    expect(await refused(c.id, "disclosure.edit")).toHaveLength(0);
  });
});

describe("保密审查 refuses 部分公开 of a structured disclosure", () => {
  it("refuses PARTIAL with a field-level message, changes nothing and audits it; CLEAR still works", async () => {
    const c = await createStructured(clerk, "FEE", fee({ name: "测试不动产登记费", code: "G-003" }));
    await submitItem(clerk, c.id);
    const before = await snapshot(c.id);
    expect(before.state).toBe("PENDING_REVIEW");
    const err = await reviewItem(reviewer, c.id, {
      decision: "PARTIAL",
      expectedRevisionHash: c.revisionHash,
      exemptions: ["THIRD_PARTY"],
      redactedBody: "<p>删减后的正文</p>",
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors).toEqual({ decision: [STRUCTURED_PARTIAL_MESSAGE] });
    expect(err.message).toBe(STRUCTURED_PARTIAL_MESSAGE);
    expect(await snapshot(c.id)).toEqual(before);
    expect(await db().disclosureRevision.count({ where: { itemId: c.id, redaction: true } })).toBe(0);
    const audits = await refused(c.id, "disclosure.review");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(reviewer.id);
    expect(audits[0]!.detail).toContain("不能部分公开");

    await reviewItem(reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    const after = await snapshot(c.id);
    expect(after.state).toBe("PENDING_SIGNOFF");
    expect(after.workingRevisionId).toBe(before.workingRevisionId);
    // The cleared revision still has its structured data.
    expect(await db().structuredRevision.findUnique({ where: { revisionId: after.workingRevisionId! } })).not.toBeNull();
  });

  it("still allows 不予公开 of a structured disclosure", async () => {
    const c = await createStructured(clerk, "FEE", fee({ name: "测试地质资料查询费", code: "G-004" }));
    await submitItem(clerk, c.id);
    const r = await reviewItem(reviewer, c.id, { decision: "WITHHOLD", expectedRevisionHash: c.revisionHash, exemptions: ["THIRD_PARTY"] });
    expect(r.state).toBe("WITHHELD");
  });

  it("still allows PARTIAL of an ordinary item", async () => {
    const c = await createItem(clerk, { values: itemValues(categoryId) });
    await submitItem(clerk, c.id);
    const r = await reviewItem(reviewer, c.id, {
      decision: "PARTIAL",
      expectedRevisionHash: c.revisionHash,
      exemptions: ["THIRD_PARTY"],
      redactedBody: "<p>删除个人信息后的正文</p>",
    });
    expect(r.state).toBe("PENDING_SIGNOFF");
    expect(await refused(c.id, "disclosure.review")).toHaveLength(0);
  });
});
