import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { publishItem } from "@/lib/disclosure/publish-item";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { returnItem } from "@/lib/disclosure/return-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { ValidationError } from "@/lib/errors";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { feeRows } from "@/lib/structured/fees";
import { publishedRecord } from "@/lib/structured/queries";
import { createStructured, editStructured } from "@/lib/structured/save-structured";
import { makeActor } from "../helpers/actors";

// The public structured views read the published revision only: an edit becomes visible
// after review, sign-off and publication — not before.

let clerk: SessionUser, reviewer: SessionUser, director: SessionUser;
let govId: string, bureauId: string, otherBureauId: string, foreignBureauId: string;

const fee = (o: Record<string, unknown> = {}) => ({
  name: "测试工本费",
  code: "T-001",
  departmentId: bureauId,
  legalBases: [{ title: "关于测试收费的通知", documentNumber: "测发〔2025〕1号" }],
  amount: "30",
  formula: "",
  unit: "件",
  payer: "申请人",
  validFrom: "2025-01-01",
  ...o,
});

async function hashOf(itemId: string) {
  const i = await db().disclosureItem.findUniqueOrThrow({ where: { id: itemId }, select: { workingRevision: { select: { hash: true } } } });
  return i.workingRevision!.hash;
}

async function signOffAndPublish(itemId: string, before?: () => Promise<void>) {
  await submitItem(clerk, itemId);
  await before?.();
  await reviewItem(reviewer, itemId, { decision: "CLEAR", expectedRevisionHash: await hashOf(itemId) });
  await before?.();
  await signItem(director, itemId, { expectedRevisionHash: await hashOf(itemId) });
  await before?.();
  await publishItem(clerk, itemId, { expectedRevisionHash: await hashOf(itemId) });
}

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  const gov = await createDepartment(db(), { kind: "GOVERNMENT", name: "测试县人民政府" });
  govId = gov.id;
  bureauId = (await createDepartment(db(), { parentId: govId, name: "测试县发展和改革局" })).id;
  otherBureauId = (await createDepartment(db(), { parentId: govId, name: "测试县财政局" })).id;
  const foreign = await createDepartment(db(), { kind: "GOVERNMENT", name: "邻县人民政府" });
  foreignBureauId = (await createDepartment(db(), { parentId: foreign.id, name: "邻县财政局" })).id;
  clerk = await makeActor(["CLERK"], bureauId);
  reviewer = await makeActor(["REVIEWER"], bureauId);
  director = await makeActor(["DIRECTOR"], bureauId);
});

describe("收费项目 through sign-off", () => {
  it("shows a changed standard only after review, sign-off and publication", async () => {
    const created = await createStructured(clerk, "FEE", fee());
    expect((await feeRows()).find((r) => r.itemId === created.id)).toBeUndefined();
    await signOffAndPublish(created.id);
    expect((await feeRows()).find((r) => r.itemId === created.id)?.standard).toBe("30.00 元/件");

    const stillOld = async () => expect((await feeRows()).find((r) => r.itemId === created.id)?.standard).toBe("30.00 元/件");
    await editStructured(clerk, created.id, fee({ amount: "25" }), { baseRevisionId: created.revisionId });
    await stillOld();
    await signOffAndPublish(created.id, stillOld);
    expect((await feeRows()).find((r) => r.itemId === created.id)?.standard).toBe("25.00 元/件");
  });

  it("an edit after approval voids the approval (the body hash changes with the data)", async () => {
    const c = await createStructured(clerk, "FEE", fee({ name: "另一项收费" }));
    await submitItem(clerk, c.id);
    await reviewItem(reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    // No edit while the item is in sign-off: it must be returned first.
    await expect(
      editStructured(clerk, c.id, fee({ name: "另一项收费", amount: "12" }), { baseRevisionId: c.revisionId }),
    ).rejects.toThrow();
    await returnItem(director, c.id, { comment: "标准有误，请核实" });
    const e = await editStructured(clerk, c.id, fee({ name: "另一项收费", amount: "12" }), { baseRevisionId: c.revisionId });
    expect(await hashOf(c.id)).not.toBe(c.revisionHash);
    const review = await db().disclosureReview.findFirstOrThrow({ where: { itemId: c.id } });
    expect(review.invalidatedAt).not.toBeNull();
    expect((await db().structuredRevision.findUniqueOrThrow({ where: { revisionId: e.revisionId } })).data).toMatchObject({
      amount: "12.00",
    });
  });

  it("an adjusted fee shows as 已调整 pointing to its successor once the successor is published", async () => {
    const old = await createStructured(clerk, "FEE", fee({ name: "污水处理费", code: "T-002", amount: "0.80", unit: "立方米" }));
    await signOffAndPublish(old.id);
    const next = await createStructured(
      clerk,
      "FEE",
      fee({ name: "污水处理费", code: "T-002", amount: "0.95", unit: "立方米", validFrom: "2025-07-01" }),
      {},
      { predecessorItemId: old.id },
    );
    const statusOf = async (id: string) => (await feeRows()).find((r) => r.itemId === id);
    expect((await statusOf(old.id))?.status).toBe("VALID");
    await signOffAndPublish(next.id);
    const o = await statusOf(old.id);
    expect(o?.status).toBe("ADJUSTED");
    expect(o?.successorItemId).toBe(next.id);
    expect((await statusOf(next.id))?.standard).toBe("0.95 元/立方米");
  });

  it("refuses a fee without legal basis, and stores nothing", async () => {
    const before = await db().disclosureItem.count();
    const e = await createStructured(clerk, "FEE", fee({ legalBases: [] })).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain("收费依据");
    expect(await db().disclosureItem.count()).toBe(before);
  });
});

describe("领导分工 through sign-off", () => {
  let officeClerk: SessionUser;
  beforeAll(async () => {
    officeClerk = clerk;
  });

  it("a personnel change is public only after publication", async () => {
    const l = await createStructured(officeClerk, "LEADER", {
      departmentId: bureauId,
      name: "张三",
      title: "局长",
      duties: "主持全面工作。",
      oversees: [],
      termStart: "2022-01-01",
    });
    await signOffAndPublish(l.id);
    expect((await publishedRecord("LEADER", l.id))?.data?.title).toBe("局长");
    await editStructured(
      officeClerk,
      l.id,
      { departmentId: bureauId, name: "张三", title: "副局长", duties: "协助工作。", oversees: [], termStart: "2022-01-01" },
      { baseRevisionId: l.revisionId },
    );
    expect((await publishedRecord("LEADER", l.id))?.data?.title).toBe("局长");
    await signOffAndPublish(l.id, async () => expect((await publishedRecord("LEADER", l.id))?.data?.title).toBe("局长"));
    expect((await publishedRecord("LEADER", l.id))?.data?.title).toBe("副局长");
  });

  it("refuses a 分管单位 outside the leader's government", async () => {
    const before = await db().structuredRecord.count();
    const e = await createStructured(clerk, "LEADER", {
      departmentId: bureauId,
      name: "李四",
      title: "副局长",
      duties: "分管财务。",
      oversees: [otherBureauId, foreignBureauId],
      termStart: "2022-01-01",
    }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain("邻县财政局");
    expect(await db().structuredRecord.count()).toBe(before);
  });

  it("refuses a photo that is not an image or too large, and stores nothing", async () => {
    const leader = { departmentId: bureauId, name: "王五", title: "副局长", duties: "分管业务。", oversees: [], termStart: "2022-01-01" };
    const photos = await db().structuredPhoto.count();
    const notImage = await createStructured(clerk, "LEADER", leader, {
      photo: { name: "a.jpg", bytes: Buffer.from("not an image at all") },
    }).catch((x) => x);
    expect(notImage).toBeInstanceOf(ValidationError);
    expect(notImage.message).toContain("不是有效的图片");
    const big = await createStructured(clerk, "LEADER", leader, { photo: { name: "b.png", bytes: Buffer.alloc(6 * 1024 * 1024) } }).catch(
      (x) => x,
    );
    expect(big.message).toContain("不能超过");
    expect(await db().structuredPhoto.count()).toBe(photos);

    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    const ok = await createStructured(clerk, "LEADER", leader, { photo: { name: "c.png", bytes: png } });
    const row = await db().structuredRevision.findUniqueOrThrow({ where: { revisionId: ok.revisionId } });
    const photoId = (row.data as { photoId: string }).photoId;
    const stored = await db().structuredPhoto.findUniqueOrThrow({ where: { id: photoId } });
    expect(stored.width).toBe(300);
    expect((await sharp(Buffer.from(stored.bytes)).metadata()).format).toBe("jpeg");
  });
});

describe("办事指南", () => {
  it("refuses a service without steps, and stores nothing", async () => {
    const before = await db().disclosureItem.count();
    const e = await createStructured(clerk, "SERVICE", {
      name: "测试事项",
      code: "T-S-1",
      departmentId: bureauId,
      legalBasis: "某条例",
      conditions: "符合条件",
      place: "窗口",
      hours: "工作日",
      phone: "123",
      steps: [],
      promisedDays: 5,
      statutoryDays: 20,
    }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain("办理环节");
    expect(e.fieldErrors.steps).toBeDefined();
    expect(await db().disclosureItem.count()).toBe(before);
  });
});
