// The portal's public origin (scheme://host[:port]) for absolute links.
//
// Links in the feed, the sitemap and the open API used to be built from the request's
// Host / X-Forwarded-Host. Those responses are cached whole (lib/http/page-cache.ts), so one
// request with a forged Host poisoned every later visitor's copy. The origin now comes
// from configuration (PUBLIC_ORIGIN, lib/env.ts) and nothing a client sends can change it.

import { securityEnv } from "@/lib/env";

let memo: { key: string; origin: string } | null = null;

/** PUBLIC_ORIGIN, or http://localhost:<PORT> for the demo. Re-read when the variables change (tests). */
export function publicOrigin(): string {
  const key = `${process.env.PUBLIC_ORIGIN ?? ""}\u0000${process.env.PORT ?? ""}`;
  if (memo?.key !== key) memo = { key, origin: securityEnv().publicOrigin };
  return memo.origin;
}

/** Whether the portal is served over HTTPS (HSTS, Secure cookies). */
export function servedOverHttps(): boolean {
  return publicOrigin().startsWith("https://");
}

/**
 * Whether cookies get the Secure flag: SECURE_COOKIES when set; otherwise yes for an
 * https PUBLIC_ORIGIN and for any production server not on a loopback address (the demo
 * on http://localhost keeps working; a real deployment over plain HTTP must opt out
 * explicitly, so a forgotten setting fails closed).
 */
export function secureCookies(): boolean {
  const explicit = process.env.SECURE_COOKIES;
  if (explicit === "true" || explicit === "false") return explicit === "true";
  if (servedOverHttps()) return true;
  if (process.env.NODE_ENV !== "production") return false;
  const host = new URL(publicOrigin()).hostname;
  return !(host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host));
}
