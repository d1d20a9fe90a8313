import { openCaseWithCode } from "@/lib/requests/public-access";
import { submitCorrectionOnline } from "@/lib/requests/public-correction";
import { errorResponse, ipOf, json, readJsonObject } from "@/lib/requests/public-api";

export const dynamic = "force-dynamic";

/** POST /api/v1/requests/{trackingNo}/correction, X-Query-Code, body { correction } → 200 { receivedOn }. */
export async function POST(req: Request, { params }: { params: Promise<{ trackingNo: string }> }) {
  const { trackingNo } = await params;
  try {
    const ip = ipOf(req);
    const id = await openCaseWithCode(trackingNo, req.headers.get("x-query-code") ?? "", ip);
    const body = await readJsonObject(req);
    if (!body) return json({ error: "请求体必须是JSON对象" }, 400);
    const r = await submitCorrectionOnline(id, body.correction, { ip });
    return json({ trackingNo: r.trackingNo, receivedOn: r.receivedOn, status: "UNDER_REVIEW" });
  } catch (e) {
    return errorResponse(e);
  }
}
