/** Helpers shared by the /api/v1/requests route handlers (JSON in Chinese, same shapes everywhere). */
import { clientIp } from "@/lib/auth/request-meta";
import { publicMessage } from "@/lib/errors";
import { RateLimitedError } from "./rate-limit";

export const MAX_JSON_BYTES = 64 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function ipOf(req: Request): string {
  return clientIp((n) => req.headers.get(n));
}

/** Reads a JSON object body; null when it is not one (or too large). */
export async function readJsonObject(req: Request): Promise<Record<string, unknown> | null> {
  const len = Number(req.headers.get("content-length") ?? "0");
  if (len > MAX_JSON_BYTES) return null;
  const text = await req.text().catch(() => "");
  if (text.length > MAX_JSON_BYTES) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Any thrown value → the API's error response (429 with Retry-After; domain errors with their status). */
export function errorResponse(e: unknown): Response {
  if (e instanceof RateLimitedError) {
    return json({ error: e.message }, 429, { "Retry-After": String(e.retryAfterSeconds) });
  }
  const pm = publicMessage(e);
  return json(pm.fieldErrors ? { error: "提交的内容有误，请按提示修改", fieldErrors: pm.fieldErrors } : { error: pm.message }, pm.status);
}
