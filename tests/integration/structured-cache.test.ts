import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveDepartment } from "@/lib/departments/save-department";
import { departmentSchema } from "@/lib/departments/department-schema";
import { setCatalogueCacheEnabled, startCatalogueListener, stopCatalogueListener } from "@/lib/disclosure/public-cache";
import { publishItem } from "@/lib/disclosure/publish-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { seedBase } from "@/lib/seed/seed-base";
import { createDepartment } from "@/lib/seed/factories";
import { feeRows } from "@/lib/structured/fees";
import { publicFingerprint } from "@/lib/structured/queries";
import { createStructured } from "@/lib/structured/save-structured";
import { makeActor } from "../helpers/actors";

// The structured pages' cache is cleared by the catalogue_changed notification. A publication
// also changes publicFingerprint (part of the cache keys), which would hide a missing
// notification — so the test below changes what the public sees WITHOUT a publication (a
// department renamed: the fingerprint stays the same) and must still see the change.

beforeAll(async () => {
  setCatalogueCacheEnabled(true);
  await seedBase(db());
  await startCatalogueListener();
});
afterAll(() => stopCatalogueListener());

/** Polls until `read` gives `want` (notifications arrive asynchronously), at most ~3 s. */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<T> {
  let got = await read();
  for (let i = 0; i < 30 && got !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  return got;
}

it("a notified change clears the cached fee schedule even when no publication changes the fingerprint", async () => {
  const gov = await createDepartment(db(), { kind: "GOVERNMENT" });
  const dept = await createDepartment(db(), { parentId: gov.id, name: "缓存县财政局" });
  const [clerk, reviewer, director, admin] = await Promise.all([
    makeActor(["CLERK"], dept.id),
    makeActor(["REVIEWER"], dept.id),
    makeActor(["DIRECTOR"], dept.id),
    makeActor(["ADMIN"], gov.id),
  ]);
  expect(await feeRows()).toHaveLength(0);
  const c = await createStructured(clerk, "FEE", {
    name: "缓存测试费",
    departmentId: dept.id,
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
  const nameOf = async () => (await feeRows()).find((r) => r.itemId === c.id)?.departmentName;
  expect(await eventually(nameOf, "缓存县财政局")).toBe("缓存县财政局");

  // Cached now. Rename the department: no publication, so the fingerprint stays as it is and
  // only the notification sent by saveDepartment can clear the cached names.
  const fingerprint = await publicFingerprint();
  const row = await db().department.findUniqueOrThrow({ where: { id: dept.id } });
  await saveDepartment(
    admin,
    departmentSchema.parse({ ...row, code: "CACHE00001", name: "缓存县财政和税务局", shortName: row.shortName ?? "" }),
    { ip: "" },
  );
  expect(await publicFingerprint()).toBe(fingerprint);
  expect(await eventually(nameOf, "缓存县财政和税务局")).toBe("缓存县财政和税务局");
});
