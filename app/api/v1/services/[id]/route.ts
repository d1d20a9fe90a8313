import { guarded, json, notFound, serviceJson } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/services/{itemId} — one service guide. */
export function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return guarded(async () => {
    const { id } = await params;
    const s = await serviceJson(id);
    return s ? json(s) : notFound();
  });
}
