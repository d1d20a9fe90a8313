import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };
const TIMEOUT_MS = 3_000;

/**
 * GET /api/health — liveness plus a database round trip (SELECT 1, 3 s limit).
 * 200 { status: "ok", database: "ok", time } or 503 { status: "degraded",
 * database: "error" }. Error details go to the server log only.
 */
export async function GET() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: "ok", database: "ok", time: new Date().toISOString() }, { headers });
  } catch (e) {
    console.error("[health] database check failed:", e instanceof Error ? e.message.slice(0, 200) : "unknown");
    return Response.json({ status: "degraded", database: "error" }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}
