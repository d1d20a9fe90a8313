import { openCaseWithCode } from "@/lib/requests/public-access";
import { loadReplyLetter } from "@/lib/requests/public-status";
import { errorResponse, ipOf, json } from "@/lib/requests/public-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/requests/{trackingNo}/letter, X-Query-Code → the signed reply letter (PDF), else 404. */
export async function GET(req: Request, { params }: { params: Promise<{ trackingNo: string }> }) {
  const { trackingNo } = await params;
  try {
    const id = await openCaseWithCode(trackingNo, req.headers.get("x-query-code") ?? "", ipOf(req));
    const letter = await loadReplyLetter(id);
    if (!letter) return json({ error: "答复书尚未签发" }, 404);
    return new Response(new Uint8Array(letter.content), {
      headers: {
        "Content-Type": letter.mimeType || "application/pdf",
        "Content-Disposition": `attachment; filename="${letter.number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
