import { db } from "@/lib/db/client";
import { isPublicPhoto } from "@/lib/structured/leaders";

export const dynamic = "force-dynamic";

/**
 * GET /xxgk/leaders/photo/{sha256} — a leader's photo, served only once a published leader
 * revision shows it (a draft's photo is not public before sign-off). The bytes of an id never
 * change, but whether it may be shown does (withdrawal), so the cache lifetime is short.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f]{64}$/.test(id)) return new Response("未找到", { status: 404 });
  if (!(await isPublicPhoto(id))) return new Response("未找到", { status: 404, headers: { "Cache-Control": "no-store" } });
  const p = await db().structuredPhoto.findUnique({ where: { id }, select: { bytes: true, mime: true } });
  if (!p) return new Response("未找到", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(p.bytes), {
    headers: { "Content-Type": p.mime, "Cache-Control": "public, max-age=300" },
  });
}
