// Response security headers set by the production server (scripts/server.ts) on every
// response it hands to Next. The decisions (docs/security.md, "Content Security Policy"):
//
// - Scripts: a nonce per rendered response and 'self'; no 'unsafe-inline', no 'unsafe-eval'.
//   Next reads the nonce from the request's Content-Security-Policy header (which the server
//   sets, replacing anything a client sent) and puts it on its own <script> tags.
//   'self' is needed for the /_next/static chunks of pages Next serves prerendered.
// - Cached public pages (lib/http/page-cache.ts) are replayed with the nonce and policy they
//   were rendered with: a cached entry is the same for every anonymous visitor, keyed by
//   its full URL, so an injection would have to be present when the page was rendered,
//   and then it had no way to know the nonce chosen for that render. Staff pages and any
//   personal page are never cached and get a fresh nonce each time.
// - Styles allow 'unsafe-inline': React style attributes and Next's inline styles need it,
//   and CSS cannot run script.
// - frame-ancestors 'none' on /admin (clickjacking of staff actions), 'self' elsewhere
//   (X-Frame-Options, for old browsers, comes from next.config.ts).
// - HSTS only when PUBLIC_ORIGIN is https: sending it over plain HTTP is ignored at best.

import { randomBytes } from "node:crypto";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(opts: { nonce: string; admin: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${opts.admin ? "'none'" : "'self'"}`,
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()";

/** Headers for one response; `nonce` goes into the CSP. */
export function securityHeaders(opts: { nonce: string; path: string; https: boolean }): Array<[string, string]> {
  const admin = opts.path === "/admin" || opts.path.startsWith("/admin/");
  const h: Array<[string, string]> = [
    ["Content-Security-Policy", contentSecurityPolicy({ nonce: opts.nonce, admin, https: opts.https })],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ["X-Content-Type-Options", "nosniff"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
  if (opts.https) h.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return h;
}
