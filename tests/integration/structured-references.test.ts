import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { publishItem } from "@/lib/disclosure/publish-item";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { ValidationError } from "@/lib/errors";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { feeRows } from "@/lib/structured/fees";
import { createStructured } from "@/lib/structured/save-structured";
import { seedPublishedItem } from "@/lib/seed/structured-items";
import { makeActor } from "../helpers/actors";

// References a fee makes to other records: the disclosure items publishing its legal basis,
// and the fee it adjusts (调整). Each refusal is a Chinese message and stores nothing.

let clerk: SessionUser, reviewer: SessionUser, director: SessionUser, otherClerk: SessionUser;
let bureauId: string, otherBureauId: string;

const fee = (o: Record<string, unknown> = {}) => ({
  name: "引用测试费",
  departmentId: bureauId,
  legalBases: [{ title: "关于测试收费的通知", documentNumber: "测发〔2025〕1号" }],
  amount: "10",
  unit: "件",
  payer: "申请人",
  validFrom: "2025-01-01",
  ...o,
});

async function publish(itemId: string, hash: string) {
  await submitItem(clerk, itemId);
  await reviewItem(reviewer, itemId, { decision: "CLEAR", expectedRevisionHash: hash });
  await signItem(director, itemId, { expectedRevisionHash: hash });
  await publishItem(clerk, itemId, { expectedRevisionHash: hash });
}

async function counts() {
  return { items: await db().disclosureItem.count(), records: await db().structuredRecord.count() };
}

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  const gov = await createDepartment(db(), { kind: "GOVERNMENT", name: "引用县人民政府" });
  bureauId = (await createDepartment(db(), { parentId: gov.id, name: "引用县发展和改革局" })).id;
  otherBureauId = (await createDepartment(db(), { parentId: gov.id, name: "引用县财政局" })).id;
  clerk = await makeActor(["CLERK"], bureauId);
  reviewer = await makeActor(["REVIEWER"], bureauId);
  director = await makeActor(["DIRECTOR"], bureauId);
  otherClerk = await makeActor(["CLERK"], otherBureauId);
});

describe("收费依据 linked to a disclosure item", () => {
  it("accepts the item's 索引号 and stores the item id; the public row links it", async () => {
    const doc = await seedPublishedItem(db(), {
      categoryCode: "A0102",
      title: "关于测试收费标准的通知",
      documentNumber: "测发〔2025〕2号",
      summary: "收费标准。",
      body: "<p>正文</p>",
      departmentId: bureauId,
      author: clerk,
      publishedAt: new Date("2025-01-02T01:00:00Z"),
    });
    const c = await createStructured(
      clerk,
      "FEE",
      fee({ legalBases: [{ title: "关于测试收费标准的通知", documentNumber: "测发〔2025〕2号", itemId: doc.indexNumber }] }),
    );
    const stored = await db().structuredRevision.findUniqueOrThrow({ where: { revisionId: c.revisionId } });
    expect((stored.data as { legalBases: Array<{ itemId: string }> }).legalBases[0]!.itemId).toBe(doc.id);
    await publish(c.id, c.revisionHash);
    expect((await feeRows()).find((r) => r.itemId === c.id)?.legalBases[0]?.itemId).toBe(doc.id);
  });

  it("refuses an unknown or unpublished linked item, and a basis without 文号, storing nothing", async () => {
    const before = await counts();
    const unknown = await createStructured(
      clerk,
      "FEE",
      fee({ legalBases: [{ title: "通知", documentNumber: "1号", itemId: "不存在的索引号" }] }),
    ).catch((x) => x);
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(unknown.fieldErrors.legalBases[0]).toContain("不存在");
    const draft = await createStructured(clerk, "FEE", fee({ name: "草稿依据" }));
    const afterDraft = await counts();
    const unpublished = await createStructured(
      clerk,
      "FEE",
      fee({ legalBases: [{ title: "通知", documentNumber: "1号", itemId: draft.id }] }),
    ).catch((x) => x);
    expect(unpublished).toBeInstanceOf(ValidationError);
    expect(unpublished.message).toContain("尚未公开");
    const noNumber = await createStructured(clerk, "FEE", fee({ legalBases: [{ title: "某通知", documentNumber: "" }] })).catch((x) => x);
    expect(noNumber).toBeInstanceOf(ValidationError);
    expect(noNumber.message).toBe("第1项收费依据“某通知”须填写文号");
    expect(await counts()).toEqual(afterDraft);
    expect(afterDraft.items).toBe(before.items + 1);
  });
});

describe("调整: the fee a new fee adjusts", () => {
  it("refuses another department's fee and an unpublished one, storing nothing", async () => {
    const mine = await createStructured(clerk, "FEE", fee({ name: "本局收费" }));
    await publish(mine.id, mine.revisionHash);
    const before = await counts();
    // A clerk of another bureau cannot turn this bureau's fee into 已调整.
    const foreign = await createStructured(
      otherClerk,
      "FEE",
      fee({ name: "冒名调整", departmentId: otherBureauId }),
      {},
      { predecessorItemId: mine.id },
    ).catch((x) => x);
    expect(foreign).toBeInstanceOf(ValidationError);
    expect(foreign.fieldErrors.predecessorItemId[0]).toContain("不在您的管辖范围内");
    const pending = await createStructured(clerk, "FEE", fee({ name: "未公开收费" }));
    const mid = await counts();
    const fromPending = await createStructured(clerk, "FEE", fee({ name: "调整未公开" }), {}, { predecessorItemId: pending.id }).catch(
      (x) => x,
    );
    expect(fromPending).toBeInstanceOf(ValidationError);
    expect(fromPending.message).toContain("尚未公开");
    expect(await counts()).toEqual(mid);
    expect(mid.items).toBe(before.items + 1);
    expect((await feeRows()).find((r) => r.itemId === mine.id)?.status).toBe("VALID");
  });

  it("an adjustment that takes effect later leaves the old fee in the current schedule until then", async () => {
    const old = await createStructured(clerk, "FEE", fee({ name: "分期调整费", amount: "20" }));
    await publish(old.id, old.revisionHash);
    const next = await createStructured(
      clerk,
      "FEE",
      fee({ name: "分期调整费", amount: "22", validFrom: "2030-01-01" }),
      {},
      { predecessorItemId: old.id },
    );
    await publish(next.id, next.revisionHash);
    const before = (await feeRows("2029-12-31")).find((r) => r.itemId === old.id)!;
    expect(before.status).toBe("VALID");
    expect(before.upcoming).toMatchObject({ status: "ADJUSTED", on: "2030-01-01", successorItemId: next.id, successorName: "分期调整费" });
    const after = await feeRows("2030-01-01");
    expect(after.find((r) => r.itemId === old.id)).toMatchObject({ status: "ADJUSTED", successorItemId: next.id, since: "2030-01-01" });
    expect(after.find((r) => r.itemId === next.id)?.standard).toBe("22.00 元/件");
  });
});
