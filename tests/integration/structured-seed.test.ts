import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { seedDemo } from "@/lib/seed/seed-demo";
import { departmentsJson, feesJson, leadersJson, servicesJson } from "@/lib/structured/api";
import { feeRows, feesCsv, feesXlsx, filterFees } from "@/lib/structured/fees";
import { publishedRecords } from "@/lib/structured/queries";
import { rulesDocuments } from "@/lib/structured/rules-documents";
import { RULES_DOCUMENTS } from "@/lib/seed/seed-structured-data";
import ExcelJS from "exceljs";
import { withSeededDatabase } from "@/tests/helpers/database";

// The whole demo data, from the seeded template (seedDemo below then finds every step done).
withSeededDatabase();

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  await seedDemo(db());
}, 120_000);

describe("structured demo data for 青山县", () => {
  it("fills every type", async () => {
    const depts = await db().department.count();
    expect((await departmentsJson()).length).toBe(depts);
    expect((await feesJson(new URLSearchParams())).length).toBeGreaterThanOrEqual(40);
    expect((await servicesJson(new URLSearchParams())).length).toBeGreaterThanOrEqual(36);
    const leaders = await leadersJson(new URLSearchParams());
    expect("leaders" in leaders ? leaders.leaders!.length : 0).toBeGreaterThanOrEqual(depts * 3 - 3);
    expect((await publishedRecords("GUIDE")).length).toBe(1);
    const rules = (await rulesDocuments()).map((d) => d.title);
    expect(rules.some((t) => t.includes("保密审查制度"))).toBe(true);
    expect(rules.some((t) => t.includes("依申请公开工作规程"))).toBe(true);
    // 公开制度 (A1501) lists only the rules documents: the annual reports are filed under A1502.
    expect(rules.filter((t) => t.includes("年度报告"))).toEqual([]);
    expect(rules).toHaveLength(RULES_DOCUMENTS.length);
  });

  it("keeps cancelled and adjusted fees visible, and exports only the current ones", async () => {
    const rows = await feeRows();
    expect(rows.some((r) => r.status === "CANCELLED" && r.since)).toBe(true);
    const adjusted = rows.find((r) => r.status === "ADJUSTED");
    expect(adjusted?.name).toBe("污水处理费（居民）");
    expect(rows.find((r) => r.itemId === adjusted!.successorItemId)?.standard).toBe("0.95 元/立方米");
    const current = filterFees(rows, { current: true });
    expect(current.every((r) => r.status === "VALID")).toBe(true);
    expect(feesCsv(current).startsWith('\ufeff"序号"')).toBe(true);
    const wb = new ExcelJS.Workbook();
    // ExcelJS types load() as taking an ArrayBuffer (its own `Buffer extends ArrayBuffer`): copy the bytes into one.
    await wb.xlsx.load(new Uint8Array(await feesXlsx(current, "t")).buffer);
    expect(wb.getWorksheet("收费项目目录")!.rowCount).toBe(current.length + 1);
  });

  it("answers the leadership as of a past date", async () => {
    const now = await leadersJson(new URLSearchParams());
    const past = await leadersJson(new URLSearchParams({ date: "2025-01-01" }));
    expect("leaders" in now && "leaders" in past).toBe(true);
    if (!("leaders" in now) || !("leaders" in past)) return;
    type L = { title: string; duties: string; name: string };
    const deputies = (l: L[]) => l.filter((x) => x.title === "副县长" && x.duties.startsWith("负责教育")).map((x) => x.name);
    expect(deputies(past.leaders!)).toHaveLength(1);
    expect(deputies(now.leaders!)).toHaveLength(1);
    expect(deputies(past.leaders!)).not.toEqual(deputies(now.leaders!));
    expect("error" in (await leadersJson(new URLSearchParams({ date: "2025-13-01" })))).toBe(true);
  });
});
