// 政府信息公开工作年度报告 (Arts. 49–50; reference §5): which year a published report covers,
// and the grouping of the public list by report year and publishing department. Pure, no I/O.

import { civilDateInShanghai } from "@/lib/calendar/civil-date";

/** The category the annual reports are filed under (lib/seed/categories.ts). */
export const ANNUAL_REPORT_CATEGORY_CODE = "A1502";

/** The statutory deadlines (Arts. 49–50), for the page text. */
export const ANNUAL_REPORT_DEADLINES = [
  { who: "县级以上人民政府部门", when: "每年1月31日前", article: "第四十九条" },
  { who: "县级以上地方人民政府", when: "每年3月31日前", article: "第五十条" },
] as const;

/** The six sections of a report (国办公开办函〔2021〕30号). */
export const ANNUAL_REPORT_SECTIONS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
] as const;

// "青山县财政局2025年政府信息公开工作年度报告", "……2025年度政府信息公开工作年度报告".
const TITLE_YEAR = /((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)/;

/**
 * The year a report covers: the year named in its title before "政府信息公开", when that is
 * a plausible year (not after the year it was published); otherwise the year before its
 * publication in China, since a report covers the previous year (Arts. 49–50).
 */
export function reportYearOf(title: string, publishedAt: Date): number {
  const publishedYear = Number(civilDateInShanghai(publishedAt).slice(0, 4));
  const m = TITLE_YEAR.exec(title);
  const named = m ? Number(m[1]) : NaN;
  if (Number.isInteger(named) && named >= 1949 && named <= publishedYear) return named;
  return publishedYear - 1;
}

export type AnnualReportRow = {
  id: string;
  title: string;
  publishedAt: Date;
  department: { id: string; code: string; name: string } | null;
};

export type DepartmentReports<R extends AnnualReportRow> = {
  department: { id: string; code: string; name: string } | null;
  reports: R[];
};

export type ReportYearGroup<R extends AnnualReportRow> = {
  year: number;
  /** Number of reports in the year. */
  count: number;
  departments: DepartmentReports<R>[];
};

/**
 * Groups reports by the year they cover (newest first), then by publishing department —
 * in `departmentOrder` (ids, e.g. the public department list's order), departments not in
 * it after those in it by name, an unknown department last — and within a department by
 * 发布日期, newest first.
 */
export function groupAnnualReports<R extends AnnualReportRow>(
  rows: readonly R[],
  departmentOrder: readonly string[] = [],
): ReportYearGroup<R>[] {
  const rank = new Map(departmentOrder.map((id, i) => [id, i]));
  const byYear = new Map<number, Map<string, DepartmentReports<R>>>();
  for (const r of rows) {
    const year = reportYearOf(r.title, r.publishedAt);
    let depts = byYear.get(year);
    if (!depts) byYear.set(year, (depts = new Map<string, DepartmentReports<R>>()));
    const key = r.department?.id ?? "";
    let d = depts.get(key);
    if (!d) depts.set(key, (d = { department: r.department, reports: [] }));
    d.reports.push(r);
  }
  const deptCompare = (a: DepartmentReports<R>, b: DepartmentReports<R>) => {
    if (!a.department || !b.department) return a.department ? -1 : b.department ? 1 : 0;
    const ra = rank.get(a.department.id) ?? Number.POSITIVE_INFINITY;
    const rb = rank.get(b.department.id) ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
    return a.department.name.localeCompare(b.department.name, "zh-CN") || a.department.code.localeCompare(b.department.code);
  };
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, depts]) => {
      const departments = [...depts.values()].sort(deptCompare);
      for (const d of departments) {
        d.reports.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      }
      return { year, count: departments.reduce((n, d) => n + d.reports.length, 0), departments };
    });
}
