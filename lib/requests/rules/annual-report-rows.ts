/**
 * Table 三 of the annual report (国办公开办函〔2021〕30号), rows under
 * "三、本年度办理结果". Every reply decision is counted in exactly one leaf
 * row; the keys here are what a report aggregates on. Group subtotals and
 * （七）总计 are sums of leaves, so they are not keys.
 */

export const ANNUAL_REPORT_GROUPS = [
  { group: "DISCLOSE", label: "（一）予以公开" },
  { group: "PARTIAL", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  { group: "WITHHOLD", label: "（三）不予公开" },
  { group: "NOT_EXIST", label: "（四）无法提供" },
  { group: "NOT_PROCESSED", label: "（五）不予处理" },
  { group: "OTHER", label: "（六）其他处理" },
] as const;

export type AnnualReportGroup = (typeof ANNUAL_REPORT_GROUPS)[number]["group"];

/** Leaf rows in table order. Groups (一) and (二) are leaves themselves. */
export const ANNUAL_REPORT_ROWS = [
  { key: "DISCLOSE", group: "DISCLOSE", label: "（一）予以公开" },
  { key: "PARTIAL", group: "PARTIAL", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  { key: "WITHHOLD.STATE_SECRET", group: "WITHHOLD", label: "1.属于国家秘密" },
  { key: "WITHHOLD.LAW_FORBIDDEN", group: "WITHHOLD", label: "2.其他法律行政法规禁止公开" },
  { key: "WITHHOLD.SAFETY_STABILITY", group: "WITHHOLD", label: "3.危及“三安全一稳定”" },
  { key: "WITHHOLD.THIRD_PARTY", group: "WITHHOLD", label: "4.保护第三方合法权益" },
  { key: "WITHHOLD.INTERNAL_AFFAIRS", group: "WITHHOLD", label: "5.属于三类内部事务信息" },
  { key: "WITHHOLD.PROCESS_INFO", group: "WITHHOLD", label: "6.属于四类过程性信息" },
  { key: "WITHHOLD.ENFORCEMENT_FILE", group: "WITHHOLD", label: "7.属于行政执法案卷" },
  { key: "WITHHOLD.ADMIN_QUERY", group: "WITHHOLD", label: "8.属于行政查询事项" },
  { key: "NOT_EXIST.NOT_HELD", group: "NOT_EXIST", label: "1.本机关不掌握相关政府信息" },
  { key: "NOT_EXIST.NEEDS_CREATION", group: "NOT_EXIST", label: "2.没有现成信息需要另行制作" },
  { key: "NOT_EXIST.STILL_UNCLEAR", group: "NOT_EXIST", label: "3.补正后申请内容仍不明确" },
  { key: "NOT_PROCESSED.PETITION", group: "NOT_PROCESSED", label: "1.信访举报投诉类申请" },
  { key: "NOT_PROCESSED.REPEAT", group: "NOT_PROCESSED", label: "2.重复申请" },
  { key: "NOT_PROCESSED.PUBLICATION", group: "NOT_PROCESSED", label: "3.要求提供公开出版物" },
  { key: "NOT_PROCESSED.EXCESSIVE", group: "NOT_PROCESSED", label: "4.无正当理由大量反复申请" },
  { key: "NOT_PROCESSED.CONFIRM_OR_REISSUE", group: "NOT_PROCESSED", label: "5.要求行政机关确认或重新出具已获取信息" },
  {
    key: "OTHER.CORRECTION_OVERDUE",
    group: "OTHER",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  },
  {
    key: "OTHER.FEE_UNPAID",
    group: "OTHER",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  },
  { key: "OTHER.OTHER", group: "OTHER", label: "3.其他" },
] as const satisfies ReadonlyArray<{ key: string; group: AnnualReportGroup; label: string }>;

export type AnnualReportRowKey = (typeof ANNUAL_REPORT_ROWS)[number]["key"];

export const ANNUAL_REPORT_ROW_KEYS: readonly AnnualReportRowKey[] = ANNUAL_REPORT_ROWS.map((r) => r.key);

export const ANNUAL_REPORT_TOTAL_LABEL = "（七）总计";
