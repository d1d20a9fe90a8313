import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** GET /xxgk/leaders/photo/{sha256} — a leader's photo (immutable, content-addressed). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f]{64}$/.test(id)) return new Response("未找到", { status: 404 });
  const p = await db().structuredPhoto.findUnique({ where: { id }, select: { bytes: true, mime: true } });
  if (!p) return new Response("未找到", { status: 404 });
  return new Response(new Uint8Array(p.bytes), {
    headers: { "Content-Type": p.mime, "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
