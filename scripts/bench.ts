// Load test of the public side against a production build (a script, never a test).
//   npm run bench -- [--duration 10] [--connections 50] [--out bench-results/latest.json] [--build] [--url URL] [--only cached|uncached] [--node-options "…"]
// Without --url it serves the build in NEXT_DIST_DIR (default .next-bench; built first if
// missing or with --build) through scripts/server.ts — the server `npm start` runs — on port
// 3361, against DATABASE_URL or the embedded cluster .data/pg-bench (fill it with
// `npm run seed:bulk`), twice: first as deployed (page and data caches on), then with both
// caches off, so every request renders and queries (the cost of a cache miss).
// Prints a table and writes JSON: RPS and p50/p95/p99 latency at N connections for each
// scenario, each also as a ratio to the static-file baseline measured in the same server
// run; the server's peak RSS; and the time from a director's sign-off (the real verbs:
// sign, then publish) to the item being visible in search and in the catalogue.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureLocalAuthSecret, resolveDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/schema-engine";
import { serverNodeFlags } from "./server-flags";

const ROOT = path.resolve(import.meta.dirname, "..");
function opt(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? def;
}
const DURATION = Number(opt("duration", "10"));
const CONNECTIONS = Number(opt("connections", "50"));
// bench-results/ is git-ignored.
const OUT = path.resolve(opt("out", "bench-results/latest.json"));
const PORT = Number(opt("port", "3361"));
const EXTERNAL = opt("url", "");
/** `--only cached` or `--only uncached` runs one of the two passes. */
const ONLY = opt("only", "");
const DIST = process.env.NEXT_DIST_DIR ?? ".next-bench";
const log = (m: string) => console.log(`[bench] ${m}`);

const database = await resolveDatabase({ cluster: process.env.PG_CLUSTER ?? "pg-bench", port: Number(process.env.PG_PORT ?? 54961) });
process.env.DATABASE_URL = database.url;
// A data set loaded by an older checkout gets this checkout's schema first.
await applyMigrations(database.url);
// The sign-off measurement runs the workflow verbs in this process; they read the env.
ensureLocalAuthSecret(database.embedded);
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
const q1 = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;

const serverEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXT_DIST_DIR: DIST,
  NODE_ENV: "production" as const,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  // The bench publishes through the verbs itself; the runner would only add noise.
  DISCLOSURE_SCHEDULER: "off",
  ...(opt("node-options", "") ? { NODE_OPTIONS: opt("node-options", "") } : {}),
};
if (!EXTERNAL && (!fs.existsSync(path.join(ROOT, DIST, "BUILD_ID")) || process.argv.includes("--build"))) {
  log(`构建生产版本到 ${DIST} …`);
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: ROOT,
    env: serverEnv,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("构建失败");
}

// ---- The server and its RSS (process tree, peak, sampled every 200 ms) ----------------
type Server = { base: string; proc: ChildProcess | null; peakRssKb: () => number; stop: () => Promise<void> };

async function startServer(extraEnv: Record<string, string>): Promise<Server> {
  if (EXTERNAL) return { base: EXTERNAL, proc: null, peakRssKb: () => 0, stop: async () => {} };
  const proc = spawn(process.execPath, [...serverNodeFlags(serverEnv), "--import", "tsx", path.join(ROOT, "scripts", "server.ts")], {
    cwd: ROOT,
    env: { ...serverEnv, ...extraEnv },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300) throw new Error("服务未能启动");
    await new Promise((r) => setTimeout(r, 200));
  }
  let peak = 0;
  const pid = proc.pid;
  const timer = setInterval(() => {
    if (pid !== undefined) peak = Math.max(peak, treeRssKb(pid));
  }, 200);
  return {
    base,
    proc,
    peakRssKb: () => peak,
    stop: async () => {
      clearInterval(timer);
      const gone = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await gone;
    },
  };
}

function treeRssKb(pid: number): number {
  let total = 0;
  const kids = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone */
    }
  }
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]);
    } catch {
      /* gone */
    }
    for (const k of kids.get(p) ?? []) walk(k);
  };
  walk(pid);
  return total;
}

// ---- Scenarios -----------------------------------------------------------------------
const dataSize = Number((await q1<{ n: string }>(`SELECT count(*) AS n FROM "SearchDocument"`))[0]?.n ?? 0);
const bigCat = (
  await q1<{ code: string; n: string }>(
    `SELECT c.code, count(*) AS n FROM "SearchDocument" s JOIN "Category" c ON c.id = s."categoryId" GROUP BY c.code ORDER BY n DESC LIMIT 1`,
  )
)[0];
const anyItem = (
  await q1<{ itemId: string }>(`SELECT "itemId" FROM "SearchDocument" ORDER BY "publishedAt" DESC OFFSET $1 LIMIT 1`, [
    Math.floor(dataSize / 2),
  ])
)[0];
const dept = (
  await q1<{ code: string }>(
    `SELECT d.code FROM "SearchDocument" s JOIN "Department" d ON d.id = s."departmentId" GROUP BY d.code ORDER BY count(*) DESC LIMIT 1`,
  )
)[0];
const staticDir = path.join(ROOT, DIST, "static", "chunks");
const staticFile = fs.existsSync(staticDir) ? fs.readdirSync(staticDir).find((f) => f.endsWith(".js")) : undefined;
// Half way into the largest category: the deepest a visitor paging from either end gets.
const deepPage = Math.max(1, Math.floor(Number(bigCat?.n ?? 20) / 20 / 2));

type Scenario = { key: string; label: string; path: string };
const scenarios: Scenario[] = [
  { key: "static", label: "(a) 静态文件（基线）", path: staticFile ? `/_next/static/chunks/${staticFile}` : "/favicon.ico" },
  { key: "home", label: "(b) 首页", path: "/" },
  {
    key: "catalogueDeep",
    label: `(c) 目录列表第${deepPage}页`,
    path: `/xxgk/catalog/${encodeURIComponent(bigCat?.code ?? "A01")}?page=${deepPage}`,
  },
  { key: "item", label: "(d) 信息详情页", path: `/xxgk/items/${encodeURIComponent(anyItem?.itemId ?? "none")}` },
  { key: "search2", label: "(e) 搜索两字词“收费”", path: `/search?q=${encodeURIComponent("收费")}` },
  {
    key: "searchFacets",
    label: "(f) 多词搜索+两个筛选",
    path: `/search?q=${encodeURIComponent("最低生活保障 资金")}&department=${encodeURIComponent(dept?.code ?? "")}&year=2020`,
  },
  { key: "api", label: "(g) GET /api/v1/disclosures?q=", path: `/api/v1/disclosures?q=${encodeURIComponent("收费标准")}` },
];

type Row = {
  key: string;
  label: string;
  path: string;
  status: string;
  bytes: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

async function run(base: string, s: Scenario): Promise<Row> {
  const warm = await fetch(base + s.path);
  const status = String(warm.status);
  const bytes = (await warm.arrayBuffer()).byteLength;
  // autocannon reports p97.5 but not p95: collect every response time and take our own percentiles.
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: base + s.path, connections: CONNECTIONS, duration: DURATION, timeout: 30 }, (err: unknown, res) => {
      if (err) reject(err instanceof Error ? err : new Error("autocannon 运行失败", { cause: err }));
      else resolve(res);
    });
    inst.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => {
    const ms = times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
    return ms === undefined ? NaN : Math.round(ms * 10) / 10;
  };
  return {
    key: s.key,
    label: s.label,
    path: s.path,
    status,
    bytes,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

// ---- Sign-off → visible ----------------------------------------------------------------
// A 一般 item of the demo 县发展和改革局 goes through the real verbs (clerk drafts and
// submits, the reviewer clears it, the director signs, the clerk publishes at once, as the
// admin page's buttons do); then search and the catalogue are polled until it shows.
async function signOffToVisible(base: string, timed = true) {
  const { createItem } = await import("@/lib/disclosure/save-item");
  const { submitItem } = await import("@/lib/disclosure/submit-item");
  const { reviewItem } = await import("@/lib/disclosure/review-item");
  const { signItem } = await import("@/lib/disclosure/sign-item");
  const { publishItem } = await import("@/lib/disclosure/publish-item");
  const { db } = await import("@/lib/db/client");
  const who = async (username: string) => {
    const u = await db().user.findUniqueOrThrow({
      where: { username },
      select: { id: true, username: true, displayName: true, roles: true, departmentId: true, department: { select: { name: true } } },
    });
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      departmentId: u.departmentId,
      departmentName: u.department.name,
      sessionId: "bench",
    };
  };
  const [clerk, reviewer, director] = await Promise.all([who("clerk"), who("reviewer"), who("director")]);
  const cat = bigCat && (await q1<{ id: string; code: string }>(`SELECT id, code FROM "Category" WHERE code = $1`, [bigCat.code]))[0];
  if (!cat) throw new Error("基准测试需要演示数据：没有已公开信息的分类");
  const hash = async (id: string) => {
    const { workingRevision } = await db().disclosureItem.findUniqueOrThrow({
      where: { id },
      select: { workingRevision: { select: { hash: true } } },
    });
    if (!workingRevision) throw new Error(`基准测试：${id} 没有工作版本`);
    return workingRevision.hash;
  };
  const token = `基准${Date.now().toString(36)}`;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const created = await createItem(clerk, {
    values: {
      title: `县发展和改革局关于${token}的公告`,
      categoryId: cat.id,
      writtenOn: today,
      formedOn: today,
      summary: `基准测试${token}`,
      body: `<p>${token}</p>`,
      keywords: "",
      disclosureMode: "PROACTIVE",
      disclosureScope: "PUBLIC",
      validity: "VALID",
      tier: "GENERAL",
      negative: false,
      responsibleSection: "办公室",
      responsiblePerson: "测试",
    },
  });
  const id = created.id;
  await submitItem(clerk, id);
  await reviewItem(reviewer, id, { decision: "CLEAR", expectedRevisionHash: await hash(id), comment: "基准测试" });
  const h = await hash(id);
  if (!timed) {
    // Warm-up: the verbs run in this fresh process (in production, in the warm server).
    await signItem(director, id, { expectedRevisionHash: h, comment: "同意" });
    await publishItem(clerk, id, { expectedRevisionHash: h });
    return null;
  }
  const t0 = performance.now();
  await signItem(director, id, { expectedRevisionHash: h, comment: "同意" });
  const signedMs = performance.now() - t0;
  await publishItem(clerk, id, { expectedRevisionHash: h });
  const publishedMs = performance.now() - t0;
  const until = async (url: string) => {
    for (;;) {
      const body = await (await fetch(url)).text();
      if (body.includes(id)) return Math.round(performance.now() - t0);
      if (performance.now() - t0 > 30_000) return Infinity;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const [searchMs, catalogueMs, cataloguePageMs] = await Promise.all([
    until(`${base}/api/v1/disclosures?q=${encodeURIComponent(token)}`),
    until(`${base}/api/v1/disclosures?category=${encodeURIComponent(cat.code)}&pageSize=5`),
    until(`${base}/xxgk/departments/${encodeURIComponent(clerk.departmentId)}`),
  ]);
  return { signMs: Math.round(signedMs), publishCommittedMs: Math.round(publishedMs), searchMs, catalogueMs, cataloguePageMs };
}

// ---- Run ---------------------------------------------------------------------------------
type Pass = { name: string; label: string; rows: Row[]; peakRssMb: number | null; loadAvgAtEnd: number[] };

async function pass(
  name: string,
  label: string,
  env: Record<string, string>,
  list: Scenario[],
  extra?: (base: string) => Promise<void>,
): Promise<Pass> {
  log(`—— ${label} ——`);
  const server = await startServer(env);
  const rows: Row[] = [];
  try {
    for (const s of list) {
      log(`${s.label}  ${s.path}`);
      rows.push(await run(server.base, s));
    }
    if (extra) await extra(server.base);
  } finally {
    await server.stop();
  }
  return { name, label, rows, peakRssMb: server.proc ? Math.round(server.peakRssKb() / 1024) : null, loadAvgAtEnd: os.loadavg() };
}

log(`数据量：${dataSize} 条检索文档；${CONNECTIONS} 个连接，每项 ${DURATION} 秒`);
let visibility: Awaited<ReturnType<typeof signOffToVisible>> | null = null;
const passes: Pass[] = [];
if (ONLY !== "uncached")
  passes.push(
    await pass("cached", "按部署方式运行（页面缓存与数据缓存开启）", {}, scenarios, async (base) => {
      try {
        await signOffToVisible(base, false);
        visibility = await signOffToVisible(base);
      } catch (e) {
        log(`签发→可见测量失败：${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
if (!EXTERNAL && ONLY !== "cached")
  passes.push(await pass("uncached", "缓存关闭（每个请求都渲染并查询数据库）", { PAGE_CACHE: "off", PUBLIC_CACHE: "off" }, scenarios));

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const report = {
  at: new Date().toISOString(),
  dataSize,
  connections: CONNECTIONS,
  durationSec: DURATION,
  cpus: os.cpus().length,
  passes: passes.map((p) => {
    const baseline = p.rows.find((r) => r.key === "static");
    return {
      ...p,
      rows: p.rows.map((r) => ({
        ...r,
        rpsVsStatic: baseline ? ratio(r.rps, baseline.rps) : null,
        p95VsStatic: baseline ? ratio(r.p95, baseline.p95) : null,
      })),
    };
  }),
  signOffToVisibleMs: visibility,
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n数据量 ${dataSize} 条，${CONNECTIONS} 连接，每项 ${DURATION} 秒，CPU ${report.cpus} 核`);
for (const p of report.passes) {
  console.log(
    `\n${p.label}（结束时负载 ${p.loadAvgAtEnd.map((x) => x.toFixed(1)).join(" ")}，服务进程峰值 RSS ${p.peakRssMb ?? "未测"} MB）`,
  );
  console.log(
    `${"场景".padEnd(26)}${pad("状态", 6)}${pad("字节", 8)}${pad("RPS", 9)}${pad("p50ms", 8)}${pad("p95ms", 8)}${pad("p99ms", 8)}${pad("RPS/基线", 10)}${pad("错误", 6)}`,
  );
  for (const r of p.rows) {
    console.log(
      `${r.label.padEnd(26)}${pad(r.status, 6)}${pad(r.bytes, 8)}${pad(r.rps.toFixed(0), 9)}${pad(r.p50, 8)}${pad(r.p95, 8)}${pad(r.p99, 8)}${pad(String(r.rpsVsStatic), 10)}${pad(r.errors + r.non2xx, 6)}`,
    );
  }
}
const v = visibility as Awaited<ReturnType<typeof signOffToVisible>> | null;
console.log(
  v
    ? `\n签发→可见（从主任签发开始计时）：签发 ${v.signMs} ms，发布提交 ${v.publishCommittedMs} ms；检索可见 ${v.searchMs} ms，目录 API 可见 ${v.catalogueMs} ms，机构目录页可见 ${v.cataloguePageMs} ms`
    : "\n签发→可见：未测得",
);
console.log(`结果已写入 ${OUT}`);

await pool.end();
const { db } = await import("@/lib/db/client");
await db().$disconnect();
await database.stop();
process.exit(0);
