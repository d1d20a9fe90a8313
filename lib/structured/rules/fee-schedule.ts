// The public fee schedule as rows: filters, "current" and the CSV export. Pure (the rows
// are built in lib/structured/fees.ts from published revisions).

import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import type { LegalBasis, PublicFeeStatus, UpcomingFeeChange } from "./fee";

export type FeeRow = {
  itemId: string;
  indexNumber: string;
  name: string;
  code: string;
  departmentId: string;
  departmentName: string;
  standard: string;
  note: string;
  payer: string;
  reductions: string;
  legalBases: LegalBasis[];
  validFrom: string;
  validUntil: string | null;
  /** The status on the day the rows were built (effectiveFeeStatus): dates included. */
  status: PublicFeeStatus;
  statusLabel: string;
  /** Date the status took effect (cancellation date, successor's start, end of validity, start). */
  since: string | null;
  /** The published fee that replaced this one (null while the successor is unpublished). */
  successorItemId: string | null;
  successorName: string | null;
  /** A published change that takes effect later (将于…起调整 / 取消). */
  upcoming: (UpcomingFeeChange & { successorName: string | null }) | null;
  predecessorItemId: string | null;
  /** The disclosure item was withdrawn (撤回) with its page kept: never part of the current schedule. */
  withdrawn: boolean;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  publisher: string;
};

/** The public fee table's filters (all optional): keyword, collecting department, status, in force today. */
export type FeeFilter = { q?: string; departmentId?: string; status?: PublicFeeStatus | ""; current?: boolean };

/** In effect today: 有效, within its dates, and not withdrawn. */
export function isCurrent(r: Pick<FeeRow, "status" | "validFrom" | "validUntil" | "withdrawn">, today: string): boolean {
  return !r.withdrawn && r.status === "VALID" && r.validFrom <= today && (!r.validUntil || r.validUntil >= today);
}

export function filterFees(rows: FeeRow[], f: FeeFilter, today = civilDateInShanghai(new Date())): FeeRow[] {
  const q = f.q?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.departmentId || r.departmentId === f.departmentId) &&
      // 有效 means in force today — the very test of the "current" view (a withdrawn fee, or
      // one outside its 执行起止日期, is not 有效 whatever its data says).
      (!f.status || (f.status === "VALID" ? isCurrent(r, today) : r.status === f.status)) &&
      (!f.current || isCurrent(r, today)) &&
      (!q ||
        r.name.toLowerCase().includes(q) ||
        r.code.toLowerCase().includes(q) ||
        r.legalBases.some((b) => b.title.toLowerCase().includes(q) || b.documentNumber.toLowerCase().includes(q))),
  );
}

export const EXPORT_COLUMNS = [
  "序号",
  "收费项目名称",
  "项目编码",
  "收费单位",
  "收费标准",
  "标准说明",
  "缴费对象",
  "减免政策",
  "收费依据",
  "执行起始日期",
  "执行截止日期",
  "状态",
  "索引号",
] as const;

export function exportRows(rows: FeeRow[]): string[][] {
  return rows.map((r, i) => [
    String(i + 1),
    r.name,
    r.code,
    r.departmentName,
    r.standard,
    r.note,
    r.payer,
    r.reductions,
    r.legalBases.map((b) => `${b.title}${b.documentNumber ? `（${b.documentNumber}）` : ""}`).join("；"),
    r.validFrom,
    r.validUntil ?? "",
    r.statusLabel,
    r.indexNumber,
  ]);
}

function csvCell(v: string): string {
  // Neutralise spreadsheet formulas (CSV injection) and quote every cell.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 with BOM so Excel opens the Chinese text correctly. */
export function feesCsv(rows: FeeRow[]): string {
  const lines = [EXPORT_COLUMNS as readonly string[], ...exportRows(rows)].map((r) => r.map(csvCell).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
