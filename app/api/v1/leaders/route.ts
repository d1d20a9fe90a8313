import { guarded, json, leadersJson } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/leaders[?department=id][&date=YYYY-MM-DD] — 领导分工, now or as of a date. */
export function GET(req: Request) {
  return guarded(async () => {
    const r = await leadersJson(new URL(req.url).searchParams);
    return "error" in r ? json(r, 400) : json(r);
  });
}
