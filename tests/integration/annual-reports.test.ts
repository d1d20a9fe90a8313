import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { listAnnualReports } from "@/lib/disclosure/annual-reports";
import { itemValues, makeDisclosureOrg, type DisclosureOrg } from "../helpers/disclosure-org";
import { setCatalogueCacheEnabled, stopCatalogueListener } from "@/lib/disclosure/public-cache";
import { publishItem } from "@/lib/disclosure/publish-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { ANNUAL_REPORT_CATEGORY_CODE, groupAnnualReports } from "@/lib/disclosure/rules/annual-reports";
import { createItem } from "@/lib/disclosure/save-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { CATEGORY_TREE } from "@/lib/seed/categories";
import { seedBase, seedCategories } from "@/lib/seed/seed-base";
import { DEMO_STEPS } from "@/lib/seed/seed-demo";
import { rulesDocuments } from "@/lib/structured/rules-documents";
import { makeActor } from "@/tests/helpers/actors";

// 政府信息公开工作年度报告: the items of category A1502 the public list shows.

type Team = { clerk: SessionUser; reviewer: SessionUser; director: SessionUser };

let o: DisclosureOrg;
let otherTeam: Team;
let reportsId: string;
let rulesId: string;

async function draft(team: Team, categoryId: string, title: string, now: Date) {
  return createItem(team.clerk, { values: itemValues(categoryId, { title }, now) }, { now });
}

async function published(team: Team, categoryId: string, title: string, now: Date) {
  const c = await draft(team, categoryId, title, now);
  await submitItem(team.clerk, c.id, { now });
  await reviewItem(team.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash }, { now });
  await signItem(team.director, c.id, { expectedRevisionHash: c.revisionHash }, { now });
  await publishItem(team.clerk, c.id, { expectedRevisionHash: c.revisionHash }, { now });
  return c;
}

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedBase(db());
  o = await makeDisclosureOrg(db());
  otherTeam = { clerk: o.outsiderClerk, reviewer: await makeActor(["REVIEWER"], o.other.id), director: o.outsiderDirector };
  reportsId = (await db().category.findUniqueOrThrow({ where: { code: ANNUAL_REPORT_CATEGORY_CODE } })).id;
  rulesId = (await db().category.findUniqueOrThrow({ where: { code: "A1501" } })).id;
});

afterAll(async () => {
  await stopCatalogueListener();
});

describe("the A1502 category", () => {
  it("sits under A15 beside A1501, and reaches a database seeded before it existed", async () => {
    const a15 = await db().category.findUniqueOrThrow({ where: { code: "A15" } });
    const children = await db().category.findMany({ where: { parentId: a15.id }, orderBy: { sortOrder: "asc" } });
    expect(children.map((c) => [c.code, c.name])).toEqual([
      ["A1501", "政府信息公开制度"],
      ["A1502", "政府信息公开工作年度报告"],
    ]);
    expect(CATEGORY_TREE.find((c) => c.code === "A15")?.children?.map((c) => c.code)).toEqual(["A1501", "A1502"]);

    // A database whose one-time base step ran before A1502 was added (and whose administrator
    // renamed a category): the categories-v2 step adds what is missing, and changes nothing else.
    expect(DEMO_STEPS.map((s) => s.name)).toContain("categories-v2");
    await db().category.update({ where: { code: "A1501" }, data: { name: "本县政府信息公开制度" } });
    const saved = await db().category.findUniqueOrThrow({ where: { code: ANNUAL_REPORT_CATEGORY_CODE } });
    await db().category.delete({ where: { id: saved.id } });
    const count = await db().category.count();
    await DEMO_STEPS.find((s) => s.name === "categories-v2")!.run(db());
    const again = await db().category.findUniqueOrThrow({ where: { code: ANNUAL_REPORT_CATEGORY_CODE } });
    expect(again.parentId).toBe(a15.id);
    expect(again.article).toBe("第四十九条、第五十条");
    expect(await db().category.count()).toBe(count + 1);
    expect((await db().category.findUniqueOrThrow({ where: { code: "A1501" } })).name).toBe("本县政府信息公开制度");
    // Idempotent.
    await seedCategories(db());
    expect(await db().category.count()).toBe(count + 1);
    reportsId = again.id;
  });
});

describe("listAnnualReports", () => {
  let ids: Record<"bureau2024" | "bureau2025" | "other2025" | "draft" | "pending" | "inError" | "rules", string>;
  beforeAll(async () => {
    const b = o.bureau.name;
    const x = o.other.name;
    ids = {
      bureau2024: (await published(o, reportsId, `${b}2024年政府信息公开工作年度报告`, new Date("2025-01-20T02:00:00Z"))).id,
      bureau2025: (await published(o, reportsId, `${b}2025年政府信息公开工作年度报告`, new Date("2026-01-22T02:00:00Z"))).id,
      other2025: (await published(otherTeam, reportsId, `${x}2025年政府信息公开工作年度报告`, new Date("2026-01-15T02:00:00Z"))).id,
      draft: (await draft(o, reportsId, `${b}2026年政府信息公开工作年度报告（草稿）`, new Date())).id,
      pending: (await draft(o, reportsId, `${b}2023年政府信息公开工作年度报告（待审）`, new Date())).id,
      inError: (await published(o, reportsId, `${b}2023年政府信息公开工作年度报告（误发）`, new Date("2024-01-10T02:00:00Z"))).id,
      rules: (await published(o, rulesId, `${b}政府信息公开保密审查制度`, new Date("2025-03-01T02:00:00Z"))).id,
    };
    await submitItem(o.clerk, ids.pending);
    await withdrawItem(o.director, ids.inError, { reason: "PUBLISHED_IN_ERROR", note: "误发" });
  });

  it("returns the published reports only, newest 发布日期 first", async () => {
    const r = await listAnnualReports();
    expect(r.categoryKnown).toBe(true);
    expect(r.truncated).toBe(false);
    expect(r.reports.map((x) => x.id)).toEqual([ids.bureau2025, ids.other2025, ids.bureau2024]);
    const got = new Set(r.reports.map((x) => x.id));
    for (const k of ["draft", "pending", "inError", "rules"] as const) expect(got.has(ids[k]), k).toBe(false);
    expect(r.reports[0]).toMatchObject({ category: { code: ANNUAL_REPORT_CATEGORY_CODE }, department: { id: o.bureau.id } });
  });

  it("groups them by report year and department", async () => {
    const { reports } = await listAnnualReports();
    const groups = groupAnnualReports(reports, [o.other.id, o.bureau.id]);
    expect(groups.map((g) => [g.year, g.count])).toEqual([
      [2025, 2],
      [2024, 1],
    ]);
    expect(groups[0]?.departments.map((d) => d.department?.id)).toEqual([o.other.id, o.bureau.id]);
  });

  it("leaves the annual reports out of 公开制度 (A1501)", async () => {
    const docs = await rulesDocuments();
    const got = new Set(docs.map((d) => d.itemId));
    expect(got.has(ids.rules)).toBe(true);
    for (const k of ["bureau2024", "bureau2025", "other2025"] as const) expect(got.has(ids[k]), k).toBe(false);
  });

  it("reports an unknown category (a database not yet given A1502) as such", async () => {
    const cat = await db().category.findUniqueOrThrow({ where: { code: ANNUAL_REPORT_CATEGORY_CODE } });
    await db().category.update({ where: { id: cat.id }, data: { code: "A1502X" } });
    try {
      const r = await listAnnualReports();
      expect(r).toEqual({ reports: [], categoryKnown: false, truncated: false });
    } finally {
      await db().category.update({ where: { id: cat.id }, data: { code: ANNUAL_REPORT_CATEGORY_CODE } });
    }
  });
});
