import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { publicMessage } from "@/lib/errors";
import { feeRows, feesCsv, feesXlsx, filterFees } from "@/lib/structured/fees";

export const dynamic = "force-dynamic";

/** GET /xxgk/fees/download?format=xlsx|csv — the current fee schedule. */
export async function GET(req: Request) {
  const format = new URL(req.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  try {
    const today = civilDateInShanghai(new Date());
    const rows = filterFees(await feeRows(), { current: true }, today);
    const base = `现行收费目录-${today}`;
    const disposition = (ext: string) =>
      `attachment; filename="fees-${today}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`;
    if (format === "csv") {
      return new Response(feesCsv(rows), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition("csv"), "Cache-Control": "no-store" },
      });
    }
    const buf = await feesXlsx(rows, "现行行政事业性收费目录");
    return new Response(new Uint8Array(buf), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": disposition("xlsx"),
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    const pm = publicMessage(e);
    return new Response(pm.message, { status: pm.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
