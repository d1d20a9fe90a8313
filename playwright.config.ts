import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

// End-to-end tests drive Debian's Chromium (Playwright cannot download its
// own browsers here) against the production build served by `npm start` on a
// fresh embedded database.
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
if (!CHROMIUM) {
  throw new Error(
    "未找到 Chromium，无法运行端到端测试。请先安装：apt-get update && apt-get install -y chromium（或设置 CHROMIUM_PATH 指向浏览器可执行文件）。",
  );
}

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: a loaded 2-core CI machine runs the long flows several times slower.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx scripts/start.ts --fresh",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PG_CLUSTER: process.env.E2E_PG_CLUSTER ?? "pg-e2e",
      PG_PORT: process.env.E2E_PG_PORT ?? "54600",
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      // Absolute links (feed, sitemap, API, redirects) are built from this origin only.
      PUBLIC_ORIGIN: `http://127.0.0.1:${PORT}`,
    },
  },
});
