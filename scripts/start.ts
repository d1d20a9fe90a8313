import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { ROOT, applyMigrations } from "@/lib/db/schema-engine";
import { DATA_DIR, ensureLocalAuthSecret, resolveDatabase } from "@/lib/db/local-database";
import { serverNodeFlags } from "./server-flags";
import { startMailCatcherUnlessSmtp } from "./mail-catcher";

// `npm start`: the portal with demo data on one command. Without DATABASE_URL
// it runs an embedded PostgreSQL under .data/ (kept between runs); it applies
// migrations, seeds the demo data the first time, builds if the sources
// changed, and serves the production build. Ctrl-C stops both cleanly.
// With DATABASE_URL (somebody's real portal) no demo data is written unless
// SEED_DEMO=true: the demo accounts' password is published in the README.
//   --dev          next dev instead of a production build
//   --no-seed      skip the demo data (or SEED_DEMO=false)
//   --fresh        start from an empty embedded database (used by e2e tests)

const dev = process.argv.includes("--dev");
const noSeed = process.argv.includes("--no-seed") || process.env.SEED_DEMO === "false";
const forceSeed = process.env.SEED_DEMO === "true";
const t0 = Date.now();
const log = (m: string) => {
  console.log(`[portal] ${m}`);
};

if (process.argv.includes("--fresh") && !process.env.DATABASE_URL) {
  fs.rmSync(path.join(DATA_DIR, process.env.PG_CLUSTER ?? "pg"), { recursive: true, force: true });
}
const db = await resolveDatabase({ cluster: process.env.PG_CLUSTER ?? "pg", port: Number(process.env.PG_PORT ?? 54329) });
log(db.embedded ? `嵌入式 PostgreSQL 已启动（数据目录 .data/${process.env.PG_CLUSTER ?? "pg"}）` : "使用 DATABASE_URL 指定的数据库");

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await db.stop().catch(() => {});
  process.exit(code);
}

try {
  ensureLocalAuthSecret(db.embedded, { dev });
  process.env.DATABASE_URL = db.url;
  const env = parseEnv(process.env);

  const applied = await applyMigrations(db.url);
  log(applied.length ? `已应用 ${applied.length} 个迁移` : "数据库结构已是最新");
  // Without SMTP_URL, mail goes to a local catcher (sets SMTP_URL for the server process).
  await startMailCatcherUnlessSmtp(db.url, log);

  const seed = !noSeed && (db.embedded || forceSeed);
  if (!db.embedded && !seed) log("外部数据库：不写入演示数据（需要时设置 SEED_DEMO=true）");
  if (seed) {
    const { createDb } = await import("@/lib/db/client");
    const { seedDemo } = await import("@/lib/seed/seed-demo");
    const client = createDb(db.url);
    const ran = await seedDemo(client, log);
    await client.$disconnect();
    if (ran.length) log(`已写入演示数据：${ran.join("、")}`);
  }

  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const childEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(env.PORT),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    // Node's default 16 KiB request-head limit stays: a raised limit let one long URL cost
    // seconds of CPU in Next's query parsing (docs/security.md). scripts/server.ts answers
    // over-long requests itself, in Chinese.
  };

  if (!dev && needsBuild()) {
    log("正在构建生产版本（首次或源码变化后需要 1–3 分钟）…");
    const r = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: ROOT,
      env: { ...childEnv, NODE_ENV: "production" },
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("构建失败");
  }

  // Production: Next's handler behind the public page cache (scripts/server.ts).
  const args = dev
    ? [nextBin, "dev", "-p", String(env.PORT), "-H", process.env.HOST ?? "0.0.0.0"]
    : [...serverNodeFlags(), "--import", "tsx", path.join(ROOT, "scripts", "server.ts")];
  // A crashed production server is started again (1 s, 2 s, 4 s … up to 60 s apart; the
  // delay resets after a minute of running) while PostgreSQL keeps running. Five crashes in
  // a row within seconds of starting mean it cannot start at all (configuration): stop.
  let child: ChildProcess | null = null;
  let stopRequested = false;
  let backoffMs = 1_000;
  let quickCrashes = 0;
  const startChild = () => {
    const startedAt = Date.now();
    const c = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
      stdio: "inherit",
    });
    child = c;
    c.on("exit", (code, signal) => {
      child = null;
      if (stopRequested || dev) return void shutdown(code ?? 0);
      const ranMs = Date.now() - startedAt;
      if (ranMs > 60_000) backoffMs = 1_000;
      quickCrashes = ranMs < 15_000 ? quickCrashes + 1 : 0;
      if (quickCrashes >= 5) {
        log("门户服务连续启动失败，已停止（请检查上面的错误信息）");
        return void shutdown(1);
      }
      log(`门户服务进程意外退出（${signal ?? `退出码 ${code}`}），${backoffMs / 1000} 秒后重启；数据库保持运行`);
      restartTimer = setTimeout(() => {
        restartTimer = null;
        if (!stopRequested) startChild();
      }, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 60_000);
    });
  };
  let restartTimer: NodeJS.Timeout | null = null;
  startChild();
  log(`门户已启动：http://localhost:${env.PORT}（准备用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      log("正在停止…");
      stopRequested = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (child) child.kill("SIGTERM");
      else void shutdown(0);
    });
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await shutdown(1);
}

/** Build when there is no build or any source is newer than it. */
function needsBuild(): boolean {
  const stamp = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const roots = ["app", "components", "lib", "public", "prisma/schema", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false;
    const st = fs.statSync(p);
    if (st.isFile()) return st.mtimeMs > built;
    return fs.readdirSync(p).some((n) => n !== "generated" && newer(path.join(p, n)));
  };
  return roots.some((r) => newer(path.join(ROOT, r)));
}
