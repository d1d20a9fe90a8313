import { calculateWorkingDays } from "@/lib/calendar/calculate-working-days";
import { publicMessage } from "@/lib/errors";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

/**
 * GET /api/v1/calendar/working-days?from=YYYY-MM-DD&add=N[&region=code]
 * 200 { from, add, region, due, provisional, skipped: [{ date, reason }], makeupDays: [{ date, reason }] }
 *   due — the N-th working day after `from` (the start day is not counted);
 *   provisional — some day examined lies in a year whose schedule is not loaded;
 *   skipped — non-working days passed over; makeupDays — 调休上班 days counted as working days.
 * 400 { error, fieldErrors } for a bad date, N outside 1–365 or an unknown region.
 * 503 { error } when the calendar cannot be read (never a 500 with details).
 */
export async function GET(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const query: Record<string, string> = {};
    for (const key of ["from", "add", "region"]) {
      const v = params.get(key);
      if (v !== null) query[key] = v;
    }
    const outcome = await calculateWorkingDays(query);
    if (!outcome.ok) return Response.json({ error: outcome.error, fieldErrors: outcome.fieldErrors }, { status: 400, headers });
    const a = outcome.answer;
    return Response.json(
      { from: a.from, add: a.add, region: a.region, due: a.due, provisional: a.provisional, skipped: a.skipped, makeupDays: a.makeupDays },
      { headers },
    );
  } catch (e) {
    const pm = publicMessage(e);
    return Response.json({ error: pm.message }, { status: pm.status >= 500 ? 503 : pm.status, headers });
  }
}
