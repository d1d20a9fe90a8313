// The public fee schedule: published fee items with their effective status (a published
// successor turns its predecessor into 已调整), filters and the CSV / Excel export.

import ExcelJS from "exceljs";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { departmentNames, publishedRecords } from "./queries";
import { describeStandard, effectiveFeeStatus, feeStatusLabel, type FeeData } from "./rules/fee";
import { EXPORT_COLUMNS, exportRows, type FeeRow } from "./rules/fee-schedule";

export { EXPORT_COLUMNS, exportRows, feesCsv, filterFees, isCurrent, type FeeFilter, type FeeRow } from "./rules/fee-schedule";

/** Every published fee with its status on `today` ("YYYY-MM-DD", China; default: now). */
export async function feeRows(today = civilDateInShanghai(new Date())): Promise<FeeRow[]> {
  const [records, depts] = await Promise.all([publishedRecords("FEE"), departmentNames()]);
  const withData = records.filter((r): r is typeof r & { data: FeeData } => r.data !== null);
  const byId = new Map(withData.map((r) => [r.meta.itemId, r]));
  const successorOf = new Map<string, { itemId: string; validFrom: string }>();
  for (const r of withData) {
    // A withdrawn adjustment adjusts nothing.
    if (!r.predecessorItemId || r.meta.withdrawn) continue;
    const prev = successorOf.get(r.predecessorItemId);
    if (!prev || prev.validFrom < r.data.validFrom)
      successorOf.set(r.predecessorItemId, { itemId: r.meta.itemId, validFrom: r.data.validFrom });
  }
  const rows = withData.map((r): FeeRow => {
    const f = r.data;
    const eff = effectiveFeeStatus(f, successorOf.get(r.meta.itemId) ?? null, today);
    // Link only to a successor citizens can open.
    const successorItemId = eff.successorItemId && byId.has(eff.successorItemId) ? eff.successorItemId : null;
    const upcoming = eff.upcoming
      ? {
          ...eff.upcoming,
          successorName: eff.upcoming.successorItemId ? (byId.get(eff.upcoming.successorItemId)?.data.name ?? null) : null,
        }
      : null;
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
      statusLabel: feeStatusLabel(eff),
      since: eff.since,
      successorItemId,
      successorName: successorItemId ? (byId.get(successorItemId)?.data.name ?? null) : null,
      upcoming,
      predecessorItemId: r.predecessorItemId,
      withdrawn: r.meta.withdrawn,
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
