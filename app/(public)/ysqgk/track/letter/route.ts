import { cookies } from "next/headers";
import { CASE_COOKIE, verifyCaseToken } from "@/lib/requests/public-session";
import { loadReplyLetter } from "@/lib/requests/public-status";

export const dynamic = "force-dynamic";

/**
 * The reply letter (答复书) PDF of the case this browser opened with its query
 * code. The URL carries no secret: without the signed, short-lived case cookie
 * it answers 404, so a shared or guessed link reveals nothing.
 */
export async function GET() {
  const id = verifyCaseToken((await cookies()).get(CASE_COOKIE)?.value);
  const letter = id ? await loadReplyLetter(id) : null;
  if (!letter) {
    return new Response("未找到答复书，或查询已超时，请重新输入申请编号和查询码。", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const name = `${letter.number}-答复书.pdf`;
  return new Response(new Uint8Array(letter.content), {
    headers: {
      "Content-Type": letter.mimeType || "application/pdf",
      "Content-Disposition": `attachment; filename="${letter.number}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
