import { departmentJson, guarded, json, notFound } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/departments/{id|code} — one department's published 机构职能. */
export function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return guarded(async () => {
    const { id } = await params;
    const d = await departmentJson(id);
    return d ? json(d) : notFound();
  });
}
