import { openCaseWithCode } from "@/lib/requests/public-access";
import { loadPublicStatus } from "@/lib/requests/public-status";
import { errorResponse, ipOf, json } from "@/lib/requests/public-api";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/requests/{trackingNo} with header X-Query-Code → the applicant's
 * status view. 404 (same body) for an unknown number or a wrong code; 429
 * after too many failures.
 */
export async function GET(req: Request, { params }: { params: Promise<{ trackingNo: string }> }) {
  const { trackingNo } = await params;
  try {
    const id = await openCaseWithCode(trackingNo, req.headers.get("x-query-code") ?? "", ipOf(req));
    const view = await loadPublicStatus(id);
    if (!view) return json({ error: "申请编号或查询码不正确，请核对后重试。" }, 404);
    const { reply, ...rest } = view;
    return json({
      ...rest,
      reply: reply
        ? { ...reply, letterUrl: reply.letterAvailable ? `/api/v1/requests/${encodeURIComponent(view.trackingNo)}/letter` : null }
        : null,
    });
  } catch (e) {
    return errorResponse(e);
  }
}
