import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "./client-ip";

/**
 * The client's address. The production server (scripts/server.ts) always sets
 * CLIENT_IP_HEADER from the socket or the trusted part of X-Forwarded-For
 * (TRUSTED_PROXY_HOPS) and drops any value a client sent. Only without that
 * server (`next dev`, `next start`) is the header absent; then this falls back
 * to the first X-Forwarded-For entry, which a client can forge — acceptable
 * for development only.
 */
export function clientIp(get: (name: string) => string | null): string {
  const chosen = get(CLIENT_IP_HEADER);
  if (chosen !== null) return chosen.slice(0, 64);
  const xff = get("x-forwarded-for");
  if (xff) return (xff.split(",")[0] ?? "").trim().slice(0, 64);
  return (get("x-real-ip") ?? "").slice(0, 64);
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  return { ip: clientIp((n) => h.get(n)), userAgent: (h.get("user-agent") ?? "").slice(0, 300) };
}
