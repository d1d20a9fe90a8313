// The public fee schedule: published fee items with their effective status (a published
// successor turns its predecessor into 已调整), filters and the CSV / Excel export.

import ExcelJS from "exceljs";
import { chinaDateOf } from "@/lib/disclosure/rules/dates";
import { departmentNames, publishedRecords } from "./queries";
import { describeStandard, effectiveFeeStatus, FEE_STATUS_LABELS, type FeeData, type FeeStatus, type LegalBasis } from "./rules/fee";

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
  status: FeeStatus;
  statusLabel: string;
  /** Date the status took effect (cancellation date, successor's start). */
  since: string | null;
  successorItemId: string | null;
  successorName: string | null;
  predecessorItemId: string | null;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  publisher: string;
};

export async function feeRows(): Promise<FeeRow[]> {
  const [records, depts] = await Promise.all([publishedRecords("FEE"), departmentNames()]);
  const withData = records.filter((r): r is typeof r & { data: FeeData } => r.data !== null);
  const byId = new Map(withData.map((r) => [r.meta.itemId, r]));
  const successorOf = new Map<string, { itemId: string; validFrom: string }>();
  for (const r of withData) {
    if (!r.predecessorItemId) continue;
    const prev = successorOf.get(r.predecessorItemId);
    if (!prev || prev.validFrom < r.data.validFrom) successorOf.set(r.predecessorItemId, { itemId: r.meta.itemId, validFrom: r.data.validFrom });
  }
  const rows = withData.map((r): FeeRow => {
    const f = r.data;
    const eff = effectiveFeeStatus(f, successorOf.get(r.meta.itemId) ?? null);
    return {
      itemId: r.meta.itemId,
      indexNumber: r.meta.indexNumber,
      name: f.name,
      code: f.code,
      departmentId: f.departmentId,
      departmentName: depts.get(f.departmentId)?.name ?? "",
      standard: describeStandard(f),
      note: f.note,
      payer: f.payer,
      reductions: f.reductions,
      legalBases: f.legalBases,
      validFrom: f.validFrom,
      validUntil: f.validUntil,
      status: eff.status,
      statusLabel: FEE_STATUS_LABELS[eff.status],
      since: eff.since,
      successorItemId: eff.successorItemId,
      successorName: eff.successorItemId ? (byId.get(eff.successorItemId)?.data.name ?? null) : null,
      predecessorItemId: r.predecessorItemId,
      publishedAt: r.meta.publishedAt,
      firstPublishedAt: r.meta.firstPublishedAt,
      publisher: r.meta.publisher,
    };
  });
  const order = (id: string) => depts.get(id)?.sortOrder ?? 999;
  return rows.sort(
    (a, b) =>
      order(a.departmentId) - order(b.departmentId) ||
      a.code.localeCompare(b.code) ||
      a.name.localeCompare(b.name, "zh-CN") ||
      a.validFrom.localeCompare(b.validFrom),
  );
}

export type FeeFilter = { q?: string; departmentId?: string; status?: FeeStatus | ""; current?: boolean };

/** In effect today: 有效 and within its dates. */
export function isCurrent(r: FeeRow, today: string): boolean {
  return r.status === "VALID" && r.validFrom <= today && (!r.validUntil || r.validUntil >= today);
}

export function filterFees(rows: FeeRow[], f: FeeFilter, today = chinaDateOf(new Date())): FeeRow[] {
  const q = f.q?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.departmentId || r.departmentId === f.departmentId) &&
      (!f.status || r.status === f.status) &&
      (!f.current || isCurrent(r, today)) &&
      (!q ||
        r.name.toLowerCase().includes(q) ||
        r.code.toLowerCase().includes(q) ||
        r.legalBases.some((b) => b.title.toLowerCase().includes(q) || b.documentNumber.toLowerCase().includes(q))),
  );
}

export const EXPORT_COLUMNS = ["序号", "收费项目名称", "项目编码", "收费单位", "收费标准", "标准说明", "缴费对象", "减免政策", "收费依据", "执行起始日期", "执行截止日期", "状态", "索引号"] as const;

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

export async function feesXlsx(rows: FeeRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = title;
  const ws = wb.addWorksheet("收费项目目录");
  ws.addRow([...EXPORT_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  for (const r of exportRows(rows)) ws.addRow(r);
  ws.columns.forEach((col, i) => {
    col.width = [6, 30, 14, 24, 30, 30, 20, 30, 50, 14, 14, 8, 28][i] ?? 16;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
