import { headers } from "next/headers";

/** First address in X-Forwarded-For (set by the reverse proxy), else X-Real-IP. */
export function clientIp(get: (name: string) => string | null): string {
  const xff = get("x-forwarded-for");
  if (xff) return xff.split(",")[0]!.trim().slice(0, 64);
  return (get("x-real-ip") ?? "").slice(0, 64);
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  return { ip: clientIp((n) => h.get(n)), userAgent: (h.get("user-agent") ?? "").slice(0, 300) };
}
