// Which address is the client's. No imports: scripts/server.ts (outside Next)
// and lib/auth/request-meta.ts (inside) share it.
//
// X-Forwarded-For is a list anyone can start: a client may send
// "X-Forwarded-For: 1.2.3.4" and each proxy appends the address it received
// the request from. Only entries added by proxies we run can be trusted, so
// the client is the n-th entry from the right when n trusted proxies are in
// front of the portal, and the socket's peer when there are none.

/** Request header the production server sets to the address it chose; any client-sent value is removed. */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

export function chooseClientIp(input: {
  remoteAddress: string | undefined | null;
  forwardedFor: string | string[] | undefined | null;
  trustedProxyHops: number;
}): string {
  const socket = normaliseIp(input.remoteAddress ?? "");
  const hops = Math.trunc(input.trustedProxyHops);
  if (!(hops > 0)) return socket;
  // Several X-Forwarded-For headers count as one comma-joined list (RFC 7230 §3.2.2).
  const raw = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const entries = raw
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  // Fewer entries than trusted proxies: the chain is not what was configured;
  // the socket peer is at least not chosen by the client.
  if (entries.length < hops) return socket;
  return normaliseIp(entries.at(-hops) ?? "") || socket;
}

/** "::ffff:203.0.113.7" → "203.0.113.7", so one client has one key in rate limits and the log. */
export function normaliseIp(ip: string): string {
  const v = ip.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  return (mapped?.[1] ?? v).slice(0, 64);
}
