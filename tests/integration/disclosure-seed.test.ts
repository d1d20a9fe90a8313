import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withSeededDatabase } from "@/tests/helpers/database";
import { DEPT_CATEGORIES } from "@/lib/seed/seed-disclosures-data";
import { ITEM_STATES } from "@/lib/disclosure/rules/workflow";
import { revisionHash, type RevisionContent } from "@/lib/disclosure/rules/revision";
import { parseIndexNumber } from "@/lib/disclosure/rules/index-number";

// The demo data comes from the seeded template, built once per run by the real demo seed
// (tests/setup/test-databases.ts); its cost is a benchmark's business, not a test's.
withSeededDatabase();

describe("disclosure demo seed", () => {
  it("writes several hundred consistent items in every state", async () => {
    const items = await db().disclosureItem.findMany({ include: { workingRevision: true, publishedRevision: true } });
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const s of ITEM_STATES) expect(items.some((i) => i.state === s)).toBe(true);
    expect(items.some((i) => i.withdrawalReason === "SUPERSEDED" && i.replacementItemId)).toBe(true);
    expect(items.some((i) => i.publishedRevision?.validity === "REPEALED" && i.publishedRevision.replacedById)).toBe(true);
    // 解读 links are revision content: in the published revision's column, content and hash.
    const reading = items.find((i) => i.publishedRevision?.interpretsItemId);
    expect(reading).toBeDefined();
    expect((reading!.publishedRevision!.content as unknown as RevisionContent).interpretsItemId).toBe(
      reading!.publishedRevision!.interpretsItemId,
    );
    expect(items.some((i) => i.state === "DRAFT" && i.publishedRevisionId)).toBe(true);
    for (const i of items) {
      expect(i.workingRevision).not.toBeNull();
      expect(parseIndexNumber(i.indexNumber).ok).toBe(true);
      expect(revisionHash(i.workingRevision!.content as unknown as RevisionContent)).toBe(i.workingRevision!.hash);
      if (["PUBLISHED", "WITHDRAWN"].includes(i.state)) expect(i.publishedRevisionId).not.toBeNull();
    }
    expect(await db().disclosureAttachment.count()).toBeGreaterThan(5);
    expect(await db().disclosureSignature.count()).toBeGreaterThan(100);
    // 年度报告 are filed under A1502 (政府信息公开工作年度报告), never under A1501 (制度).
    const [a1501, a1502] = await Promise.all(["A1501", "A1502"].map((code) => db().category.findUniqueOrThrow({ where: { code } })));
    const reports = items.filter((i) => i.workingRevision!.title.endsWith("政府信息公开工作年度报告"));
    expect(reports.length).toBeGreaterThan(0);
    for (const i of reports) expect(i.workingRevision!.categoryId).toBe(a1502!.id);
    // A1501 (制度) holds the rules documents of the structured step, never a report.
    expect(items.some((i) => i.workingRevision!.categoryId === a1501!.id && i.workingRevision!.title.includes("年度报告"))).toBe(false);
    expect(Object.values(DEPT_CATEGORIES).flat()).not.toContain("A1501");
    // Demo accounts took part.
    const director = await db().user.findUniqueOrThrow({ where: { username: "director" } });
    expect(await db().disclosureSignature.count({ where: { signerId: director.id } })).toBeGreaterThan(0);
  });
});
