import { submitApplicationOnline } from "@/lib/requests/public-submit";
import { errorResponse, ipOf, json, readJsonObject } from "@/lib/requests/public-api";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/requests — submit an application (same fields as the online
 * form, see docs/api-requests.md). 201 { trackingNo, queryCode, status };
 * 400 { error, fieldErrors }; 429 when this address submitted too often.
 */
export async function POST(req: Request) {
  const body = await readJsonObject(req);
  if (!body) return json({ error: "请求体必须是JSON对象（Content-Type: application/json，不超过64KB）" }, 400);
  try {
    const created = await submitApplicationOnline(body, { ip: ipOf(req) });
    return json(
      { trackingNo: created.trackingNo, queryCode: created.queryCode, status: "PENDING_CONFIRMATION", statusLabel: "待确认" },
      201,
      { Location: `/api/v1/requests/${encodeURIComponent(created.trackingNo)}` },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
