import { guarded, json, leaderJson, notFound } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/leaders/{itemId} — one leader record (its published revision, with 元数据). */
export function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return guarded(async () => {
    const { id } = await params;
    const l = await leaderJson(id);
    return l ? json(l) : notFound();
  });
}
