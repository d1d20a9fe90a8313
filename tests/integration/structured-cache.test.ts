import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setCatalogueCacheEnabled, startCatalogueListener, stopCatalogueListener } from "@/lib/disclosure/public-cache";
import { publishItem } from "@/lib/disclosure/publish-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { feeRows } from "@/lib/structured/fees";
import { createStructured } from "@/lib/structured/save-structured";
import { makeActor } from "../helpers/actors";

beforeAll(async () => {
  setCatalogueCacheEnabled(true);
  await seedBase(db());
  await startCatalogueListener();
});
afterAll(() => stopCatalogueListener());

it("a publication clears the cached fee schedule", async () => {
  const gov = await createDepartment(db(), { kind: "GOVERNMENT" });
  const dept = (await createDepartment(db(), { parentId: gov.id })).id;
  const [clerk, reviewer, director] = await Promise.all([makeActor(["CLERK"], dept), makeActor(["REVIEWER"], dept), makeActor(["DIRECTOR"], dept)]);
  expect(await feeRows()).toHaveLength(0);
  const c = await createStructured(clerk, "FEE", {
    name: "缓存测试费",
    departmentId: dept,
    legalBases: [{ title: "通知", documentNumber: "1号" }],
    amount: "5",
    unit: "件",
    payer: "申请人",
    validFrom: "2025-01-01",
  });
  await submitItem(clerk, c.id);
  await reviewItem(reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
  await signItem(director, c.id, { expectedRevisionHash: c.revisionHash });
  await publishItem(clerk, c.id, { expectedRevisionHash: c.revisionHash });
  await new Promise((r) => setTimeout(r, 1000));
  expect((await feeRows()).map((r) => r.name)).toEqual(["缓存测试费"]);
});
