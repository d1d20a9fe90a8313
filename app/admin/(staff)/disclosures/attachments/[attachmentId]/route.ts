import { currentUser } from "@/lib/auth/guard";
import { publicMessage } from "@/lib/errors";
import { readStoredFile } from "@/lib/disclosure/attachments";
import { getAttachmentForStaff } from "@/lib/disclosure/queries";

// Staff download of an attachment of any item in their scope, whatever its state.
export async function GET(_req: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const { attachmentId } = await params;
  const user = await currentUser();
  if (!user) return new Response("请先登录", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  try {
    const a = await getAttachmentForStaff(user, attachmentId);
    const bytes = await readStoredFile(a.storageName);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": a.mime,
        "content-length": String(bytes.length),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    const pm = publicMessage(e);
    return new Response(pm.message, { status: pm.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
