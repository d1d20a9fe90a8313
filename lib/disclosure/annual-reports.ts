// 政府信息公开工作年度报告: the published reports (items of category A1502), read through
// the public catalogue's list helper — cached, invalidated on every publication change, and
// with its visibility rule (published and not withdrawn).

import { decodeCursor, MAX_PAGE_SIZE, type Cursor } from "./public-params";
import { findPublicCategory, listPublicDisclosures, type PublicListRow } from "./public-queries";
import { ANNUAL_REPORT_CATEGORY_CODE } from "./rules/annual-reports";

/** Upper bound on the pages read (MAX_PAGE_SIZE rows each): decades of a county's reports. */
const MAX_PAGES = 50;

export type AnnualReportList = {
  reports: PublicListRow[];
  /** False when the category does not exist (a database seeded before it was added). */
  categoryKnown: boolean;
  /** True when there were more reports than MAX_PAGES pages hold (the oldest are left out). */
  truncated: boolean;
};

/** Every listed annual report (all departments), newest 发布日期 first. */
export async function listAnnualReports(): Promise<AnnualReportList> {
  if (!(await findPublicCategory(ANNUAL_REPORT_CATEGORY_CODE))) return { reports: [], categoryKnown: false, truncated: false };
  const reports: PublicListRow[] = [];
  let after: Cursor | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await listPublicDisclosures({ category: ANNUAL_REPORT_CATEGORY_CODE, page, pageSize: MAX_PAGE_SIZE, after });
    reports.push(...r.items);
    if (!r.nextCursor || r.items.length === 0 || reports.length >= r.total) return { reports, categoryKnown: true, truncated: false };
    after = decodeCursor(r.nextCursor) ?? undefined;
    if (!after) return { reports, categoryKnown: true, truncated: false };
  }
  return { reports, categoryKnown: true, truncated: true };
}
