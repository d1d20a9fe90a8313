import { describe, expect, it } from "vitest";
import { groupAnnualReports, reportYearOf, type AnnualReportRow } from "@/lib/disclosure/rules/annual-reports";

const dept = (id: string, name: string) => ({ id, code: `C-${id}`, name });
const fin = dept("fin", "青山县财政局");
const edu = dept("edu", "青山县教育局");
const gov = dept("gov", "青山县人民政府");

let n = 0;
const row = (title: string, publishedAt: string, department: AnnualReportRow["department"]): AnnualReportRow => ({
  id: `r${++n}`,
  title,
  publishedAt: new Date(publishedAt),
  department,
});

describe("reportYearOf", () => {
  it("takes the year named before 政府信息公开 in the title", () => {
    expect(reportYearOf("青山县财政局2025年政府信息公开工作年度报告", new Date("2026-01-20T02:00:00Z"))).toBe(2025);
    expect(reportYearOf("青山县人民政府2024年度政府信息公开工作年度报告", new Date("2025-03-28T02:00:00Z"))).toBe(2024);
    expect(reportYearOf("青山县2023 年度政务公开工作年度报告", new Date("2024-01-10T02:00:00Z"))).toBe(2023);
  });

  it("falls back to the year before publication (in China) when the title names none or an impossible one", () => {
    expect(reportYearOf("青山县财政局政府信息公开工作年度报告", new Date("2026-01-20T02:00:00Z"))).toBe(2025);
    // 2025-12-31T17:00Z is 2026-01-01 in China.
    expect(reportYearOf("年度报告", new Date("2025-12-31T17:00:00Z"))).toBe(2025);
    // A report cannot cover a year after its publication.
    expect(reportYearOf("青山县2030年政府信息公开工作年度报告", new Date("2026-01-20T02:00:00Z"))).toBe(2025);
  });
});

describe("groupAnnualReports", () => {
  it("groups by report year (newest first), then department (in the given order), then newest first", () => {
    const rows = [
      row("青山县教育局2024年政府信息公开工作年度报告", "2025-01-15T02:00:00Z", edu),
      row("青山县财政局2025年政府信息公开工作年度报告", "2026-01-20T02:00:00Z", fin),
      row("青山县人民政府2025年政府信息公开工作年度报告", "2026-03-30T02:00:00Z", gov),
      row("青山县财政局2024年政府信息公开工作年度报告", "2025-01-28T02:00:00Z", fin),
      row("青山县财政局2024年政府信息公开工作年度报告（更正）", "2025-02-10T02:00:00Z", fin),
    ];
    const groups = groupAnnualReports(rows, ["gov", "fin", "edu"]);
    expect(groups.map((g) => g.year)).toEqual([2025, 2024]);
    expect(groups.map((g) => g.count)).toEqual([2, 3]);
    expect(groups[0]!.departments.map((d) => d.department?.id)).toEqual(["gov", "fin"]);
    expect(groups[1]!.departments.map((d) => d.department?.id)).toEqual(["fin", "edu"]);
    expect(groups[1]!.departments[0]!.reports.map((r) => r.title)).toEqual([
      "青山县财政局2024年政府信息公开工作年度报告（更正）",
      "青山县财政局2024年政府信息公开工作年度报告",
    ]);
  });

  it("puts departments outside the order after those in it (by name), an unknown one last", () => {
    const rows = [
      row("未知机构2025年政府信息公开工作年度报告", "2026-01-05T02:00:00Z", null),
      row("青山县教育局2025年政府信息公开工作年度报告", "2026-01-06T02:00:00Z", edu),
      row("青山县财政局2025年政府信息公开工作年度报告", "2026-01-07T02:00:00Z", fin),
      row("青山县人民政府2025年政府信息公开工作年度报告", "2026-01-08T02:00:00Z", gov),
    ];
    const [g] = groupAnnualReports(rows, ["gov"]);
    const names = g!.departments.map((d) => d.department?.name ?? null);
    expect(names[0]).toBe("青山县人民政府");
    expect(names.slice(1, 3).sort()).toEqual(["青山县教育局", "青山县财政局"].sort());
    expect(names.slice(1, 3)).toEqual([...names.slice(1, 3)].sort((a, b) => a!.localeCompare(b!, "zh-CN")));
    expect(names[3]).toBeNull();
  });

  it("is empty for no rows and does not change its input", () => {
    expect(groupAnnualReports([])).toEqual([]);
    const rows = [
      row("B2025年政府信息公开工作年度报告", "2026-01-01T02:00:00Z", fin),
      row("A2025年政府信息公开工作年度报告", "2026-01-02T02:00:00Z", fin),
    ];
    const ids = rows.map((r) => r.id);
    groupAnnualReports(rows);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });
});
