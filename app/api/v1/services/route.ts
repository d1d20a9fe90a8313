import { guarded, json, servicesJson } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/services[?q=][&department=id] — 办事指南. */
export function GET(req: Request) {
  return guarded(async () => json({ services: await servicesJson(new URL(req.url).searchParams) }));
}
