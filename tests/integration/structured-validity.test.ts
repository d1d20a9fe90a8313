import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { getPublicItem } from "@/lib/structured/public-item";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { ValidationError } from "@/lib/errors";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { feeRows } from "@/lib/structured/fees";
import { createStructured } from "@/lib/structured/save-structured";
import { feeValidityOverrides, syncFeeValidity } from "@/lib/structured/validity";
import { makeActor } from "../helpers/actors";
import { runQueuedFeeValidityJob } from "../helpers/jobs";
import { publishThroughWorkflow } from "../helpers/publish";

// The catalogue 有效性 of a fee follows its status as /xxgk/fees shows it: at save time from
// its own data, later (successor taking effect, a date passing) through syncFeeValidity.

let clerk: SessionUser,
  reviewer: SessionUser,
  director: SessionUser,
  otherClerk: SessionUser,
  otherReviewer: SessionUser,
  otherDirector: SessionUser;
let bureauId: string, otherBureauId: string;

const fee = (o: Record<string, unknown> = {}) => ({
  name: "有效性测试费",
  departmentId: bureauId,
  legalBases: [{ title: "关于测试收费的通知", documentNumber: "效发〔2025〕1号" }],
  amount: "10",
  unit: "件",
  payer: "申请人",
  validFrom: "2025-01-01",
  ...o,
});
const publish = (itemId: string, team = { clerk, reviewer, director }) => publishThroughWorkflow(itemId, team);
const published = async (itemId: string) =>
  (
    await db().disclosureItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { publishedRevision: { select: { validity: true, replacedById: true } } },
    })
  ).publishedRevision!;
const indexed = async (itemId: string) => {
  const d = await db().$queryRaw<Array<{ v: string }>>`SELECT "validity"::text AS v FROM "SearchDocument" WHERE "itemId" = ${itemId}`;
  const t = await db().$queryRaw<Array<{ v: string }>>`SELECT DISTINCT "validity"::text AS v FROM "SearchTerm" WHERE "itemId" = ${itemId}`;
  return { document: d[0]?.v ?? null, terms: t.map((r) => r.v) };
};

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  const gov = await createDepartment(db(), { kind: "GOVERNMENT", name: "有效县人民政府" });
  bureauId = (await createDepartment(db(), { parentId: gov.id, name: "有效县市场监督管理局" })).id;
  otherBureauId = (await createDepartment(db(), { parentId: gov.id, name: "有效县水利局" })).id;
  clerk = await makeActor(["CLERK"], bureauId);
  reviewer = await makeActor(["REVIEWER"], bureauId);
  director = await makeActor(["DIRECTOR"], bureauId);
  otherClerk = await makeActor(["CLERK"], otherBureauId);
  otherReviewer = await makeActor(["REVIEWER"], otherBureauId);
  otherDirector = await makeActor(["DIRECTOR"], otherBureauId);
});

describe("有效性 of a fee at save time", () => {
  it("a cancelled fee is 已失效 in its revision and in search; a cancellation still ahead keeps 有效", async () => {
    const c = await createStructured(clerk, "FEE", fee({ name: "已取消的测试费", status: "CANCELLED", cancelledOn: "2025-03-01" }));
    await publish(c.id);
    expect(await published(c.id)).toEqual({ validity: "EXPIRED", replacedById: null });
    expect(await indexed(c.id)).toEqual({ document: "EXPIRED", terms: ["EXPIRED"] });
    expect((await feeRows()).find((r) => r.itemId === c.id)?.status).toBe("CANCELLED");

    const later = await createStructured(clerk, "FEE", fee({ name: "将取消的测试费", status: "CANCELLED", cancelledOn: "2099-03-01" }));
    await publish(later.id);
    expect(await published(later.id)).toEqual({ validity: "VALID", replacedById: null });
  });

  it("a fee marked 已调整 is 已修改, linked to its successor; the successor must be a published fee of the same department", async () => {
    const next = await createStructured(clerk, "FEE", fee({ name: "新标准测试费", amount: "12", validFrom: "2025-07-01" }));
    const adjusted = (successorItemId: string) =>
      fee({ name: "旧标准测试费", status: "ADJUSTED", successorItemId, validUntil: "2025-06-30" });
    // Not yet published: refused, nothing stored.
    const before = await db().structuredRecord.count();
    const unpublished = await createStructured(clerk, "FEE", adjusted(next.id)).catch((x) => x);
    expect(unpublished).toBeInstanceOf(ValidationError);
    expect(unpublished.fieldErrors.successorItemId).toEqual(["调整后的收费项目尚未公开或已撤回，不能关联"]);
    // Another department's published fee: refused (out of scope).
    const foreign = await createStructured(otherClerk, "FEE", fee({ name: "水利局的收费", departmentId: otherBureauId }));
    await publish(foreign.id, { clerk: otherClerk, reviewer: otherReviewer, director: otherDirector });
    const outside = await createStructured(clerk, "FEE", adjusted(foreign.id)).catch((x) => x);
    expect(outside.fieldErrors.successorItemId).toEqual(["调整后的收费项目不存在，或不在您的管辖范围内"]);
    expect(await db().structuredRecord.count()).toBe(before + 1);

    await publish(next.id);
    const old = await createStructured(clerk, "FEE", adjusted(next.id));
    await publish(old.id);
    expect(await published(old.id)).toEqual({ validity: "AMENDED", replacedById: next.id });
    expect(await indexed(old.id)).toEqual({ document: "AMENDED", terms: ["AMENDED"] });
    const row = (await feeRows()).find((r) => r.itemId === old.id)!;
    expect(row).toMatchObject({ status: "ADJUSTED", successorItemId: next.id, since: "2025-06-30" });
  });
});

describe("有效性 that changes without a new revision", () => {
  it("a predecessor becomes 已修改 once its successor takes effect; a fee past its end date 已失效", async () => {
    const old = await createStructured(clerk, "FEE", fee({ name: "污水处理测试费", amount: "0.80", unit: "立方米" }));
    await publish(old.id);
    const next = await createStructured(
      clerk,
      "FEE",
      fee({ name: "污水处理测试费", amount: "0.95", unit: "立方米", validFrom: "2025-07-01" }),
      {},
      { predecessorItemId: old.id },
    );
    // Before the successor is published, nothing to bring in line.
    expect(await syncFeeValidity()).toEqual([]);
    await publish(next.id);
    // The publication enqueued the fee-validity job in its transaction; the job runner runs it after the commit.
    expect(await runQueuedFeeValidityJob()).toEqual([old.id]);
    // The predecessor's signed revision keeps 有效 …
    expect(await published(old.id)).toEqual({ validity: "VALID", replacedById: null });
    expect((await feeValidityOverrides([old.id, next.id])).get(old.id)).toEqual({ validity: "AMENDED", replacedById: next.id });
    // … but the job the publication of its successor enqueued brought the index in line (the catalogue
    // and the 有效性 facet read it), and the item page reads the derived value too.
    expect(await indexed(old.id)).toEqual({ document: "AMENDED", terms: ["AMENDED"] });
    expect(await indexed(next.id)).toEqual({ document: "VALID", terms: ["VALID"] });
    const page = await getPublicItem(old.id);
    expect(page).toMatchObject({ view: "LIVE", validity: "AMENDED", replacedBy: { id: next.id } });
    expect(await getPublicItem(next.id)).toMatchObject({ view: "LIVE", validity: "VALID", replacedBy: null });
    expect(await syncFeeValidity()).toEqual([]);

    const ending = await createStructured(clerk, "FEE", fee({ name: "到期测试费", validUntil: "2030-12-31" }));
    await publish(ending.id);
    expect(await syncFeeValidity("2030-12-31")).not.toContain(ending.id);
    expect(await syncFeeValidity("2031-01-01")).toContain(ending.id);
    expect(await indexed(ending.id)).toEqual({ document: "EXPIRED", terms: ["EXPIRED"] });
  });
});
