import { currentUser } from "@/lib/auth/guard";
import { DomainError, publicMessage } from "@/lib/errors";
import { loadCaseFile } from "@/lib/requests/queries";
import { pdfResponse } from "@/lib/requests/http";

export const dynamic = "force-dynamic";

/** A stored letter or scanned attachment of a case. Outside the user's scope: 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  try {
    return pdfResponse(await loadCaseFile(await currentUser(), id, fileId));
  } catch (e) {
    if (e instanceof DomainError)
      return new Response("未找到该文件", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    return new Response(publicMessage(e).message, { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
