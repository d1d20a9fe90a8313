import { currentUser } from "@/lib/auth/guard";
import { DomainError, publicMessage } from "@/lib/errors";
import { replyLetterForStaff } from "@/lib/requests/reply-letter";
import { pdfResponse } from "@/lib/requests/http";

export const dynamic = "force-dynamic";

/** The reply letter PDF (generated on first download). Outside the user's scope: 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const file = await replyLetterForStaff(await currentUser(), id);
    return pdfResponse(file);
  } catch (e) {
    if (e instanceof DomainError) {
      const status = e.status === 409 ? 409 : 404;
      return new Response(status === 404 ? "未找到该文件" : e.message, {
        status,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    const pm = publicMessage(e);
    return new Response(pm.message, { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
