import { feesJson, guarded, json, notFound } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/fees/{itemId} — one fee item. */
export function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return guarded(async () => {
    const { id } = await params;
    const f = (await feesJson(new URLSearchParams())).find((x) => x.itemId === id);
    return f ? json(f) : notFound();
  });
}
