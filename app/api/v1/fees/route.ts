import { feesJson, guarded, json } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/fees[?q=][&department=id][&status=VALID|CANCELLED|ADJUSTED][&current=1] — 收费项目. */
export function GET(req: Request) {
  return guarded(async () => json({ fees: await feesJson(new URL(req.url).searchParams) }));
}
