import { departmentsJson, guarded, json } from "@/lib/structured/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/departments — every department's published 机构职能 (docs/api-structured.md). */
export function GET() {
  return guarded(async () => json({ departments: await departmentsJson() }));
}
