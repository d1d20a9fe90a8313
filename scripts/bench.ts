// Load test of the public side against a production build (a script, never a test).
//   npm run bench -- [--url http://127.0.0.1:3361] [--duration 10] [--connections 50] [--out bench-results.json]
// Without --url it serves the build in NEXT_DIST_DIR (default .next-bench; built first if
// missing) on port 3361 against DATABASE_URL or the embedded cluster .data/pg-bench (fill it
// with `npm run seed:bulk`), samples the server's RSS, and stops it at the end.
// Prints a table and writes JSON: RPS and p50/p95/p99 latency at N connections for each
// scenario, each also as a ratio to the static-file baseline of the same run, the server's
// peak RSS, and the time from a publication's commit to its visibility in search and in the
// catalogue.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { resolveDatabase } from "@/lib/db/local-database";
import { ROOT } from "@/lib/db/schema-engine";

function opt(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}
const DURATION = Number(opt("duration", "10"));
const CONNECTIONS = Number(opt("connections", "50"));
const OUT = path.resolve(opt("out", "bench-results.json"));
const PORT = Number(opt("port", "3361"));
const DIST = process.env.NEXT_DIST_DIR ?? ".next-bench";
const log = (m: string) => console.log(`[bench] ${m}`);

const database = await resolveDatabase({ cluster: process.env.PG_CLUSTER ?? "pg-bench", port: Number(process.env.PG_PORT ?? 54961) });
const pool = new pg.Pool({ connectionString: database.url, max: 2 });

let server: ChildProcess | null = null;
let base = opt("url", "");
if (!base) {
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_DIST_DIR: DIST,
    NODE_ENV: "production" as const,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0001",
    PORT: String(PORT),
  };
  if (!fs.existsSync(path.join(ROOT, DIST, "BUILD_ID")) || process.argv.includes("--build")) {
    log(`构建生产版本到 ${DIST} …`);
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, env, stdio: "inherit" });
    if (r.status !== 0) throw new Error("构建失败");
  }
  server = spawn(process.execPath, [nextBin, "start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300) throw new Error("服务未能启动");
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---- RSS of the server process tree (peak), sampled every 200 ms ----------------------
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
let peakRssKb = 0;
const sampler = server?.pid
  ? setInterval(() => {
      peakRssKb = Math.max(peakRssKb, treeRssKb(server!.pid!));
    }, 200)
  : null;

// ---- Scenarios -----------------------------------------------------------------------
const q1 = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;
const dataSize = Number((await q1<{ n: string }>(`SELECT count(*) AS n FROM "SearchDocument"`))[0].n);
const bigCat = (await q1<{ code: string; n: string }>(
  `SELECT c.code, count(*) AS n FROM "SearchDocument" s JOIN "Category" c ON c.id = s."categoryId" GROUP BY c.code ORDER BY n DESC LIMIT 1`,
))[0];
const anyItem = (await q1<{ itemId: string }>(`SELECT "itemId" FROM "SearchDocument" ORDER BY "publishedAt" DESC OFFSET $1 LIMIT 1`, [Math.floor(dataSize / 2)]))[0];
const dept = (await q1<{ code: string }>(`SELECT d.code FROM "SearchDocument" s JOIN "Department" d ON d.id = s."departmentId" GROUP BY d.code ORDER BY count(*) DESC LIMIT 1`))[0];
const staticDir = path.join(ROOT, DIST, "static", "chunks");
const staticFile = fs.existsSync(staticDir) ? fs.readdirSync(staticDir).find((f) => f.endsWith(".js")) : undefined;
const deepPage = Math.max(1, Math.floor(Number(bigCat?.n ?? 20) / 20 / 2));

const scenarios: { key: string; label: string; path: string }[] = [
  { key: "static", label: "(a) 静态文件（基线）", path: staticFile ? `/_next/static/chunks/${staticFile}` : "/favicon.ico" },
  { key: "home", label: "(b) 首页", path: "/" },
  { key: "catalogueDeep", label: `(c) 目录列表第${deepPage}页`, path: `/xxgk/catalog/${encodeURIComponent(bigCat?.code ?? "A01")}?page=${deepPage}` },
  { key: "item", label: "(d) 信息详情页", path: `/xxgk/items/${encodeURIComponent(anyItem?.itemId ?? "none")}` },
  { key: "search2", label: "(e) 搜索两字词“收费”", path: `/search?q=${encodeURIComponent("收费")}` },
  {
    key: "searchFacets",
    label: "(f) 多词搜索+两个筛选",
    path: `/search?q=${encodeURIComponent("最低生活保障 资金")}&department=${encodeURIComponent(dept?.code ?? "")}&year=2020`,
  },
  { key: "api", label: "(g) GET /api/v1/disclosures?q=", path: `/api/v1/disclosures?q=${encodeURIComponent("收费标准")}` },
];

type Row = { key: string; label: string; path: string; status: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

async function run(s: (typeof scenarios)[number]): Promise<Row> {
  const warm = await fetch(base + s.path);
  const status = String(warm.status);
  await warm.arrayBuffer();
  // autocannon reports p97.5 but not p95: collect every response time and take our own percentiles.
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: base + s.path, connections: CONNECTIONS, duration: DURATION, timeout: 30 }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    inst.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 10) / 10 : NaN);
  return {
    key: s.key,
    label: s.label,
    path: s.path,
    status,
    rps: r.requests.average,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

log(`数据量：${dataSize} 条检索文档；${CONNECTIONS} 个连接，每项 ${DURATION} 秒；${base}`);
const rows: Row[] = [];
for (const s of scenarios) {
  log(`${s.label}  ${s.path}`);
  rows.push(await run(s));
}

// ---- Publication → visible ------------------------------------------------------------
// Commits a new item the way a director's final sign-off does (one transaction with
// afterVisibilityChange), then polls search and the catalogue until it shows up.
async function publishToVisible(): Promise<{ searchMs: number; catalogueMs: number }> {
  const { createDb } = await import("@/lib/db/client");
  const { afterVisibilityChange } = await import("@/lib/disclosure/visibility");
  const client = createDb(database.url);
  const token = `基准${Date.now().toString(36)}`;
  const deptRow = (await q1<{ id: string; code: string }>(`SELECT id, code FROM "Department" WHERE code = $1`, [dept.code]))[0];
  const catRow = (await q1<{ id: string }>(`SELECT id FROM "Category" WHERE code = $1`, [bigCat.code]))[0];
  const id = `bench${Date.now().toString(36)}`;
  const now = new Date();
  const t0 = performance.now();
  await client.$transaction(async (tx) => {
    await tx.disclosureItem.create({ data: { id, departmentId: deptRow.id, state: "PUBLISHED", indexNumber: `BENCH/${id}`, createdById: "bench", firstPublishedAt: now, publishedAt: now } });
    await tx.disclosureRevision.create({
      data: {
        id: `${id}r`, itemId: id, number: 1, hash: id, content: {}, title: `关于${token}的公告`, categoryId: catRow.id,
        writtenOn: now, formedOn: now, summary: token, body: `<p>${token}</p>`, keywords: [], responsibleSection: "办公室",
        responsiblePerson: "测试", authorId: "bench", publishedAt: now,
      },
    });
    await tx.disclosureItem.update({ where: { id }, data: { workingRevisionId: `${id}r`, publishedRevisionId: `${id}r` } });
    await afterVisibilityChange(tx, id);
  });
  const until = async (url: string, pred: (body: string) => boolean) => {
    for (;;) {
      const body = await (await fetch(url)).text();
      if (pred(body)) return performance.now() - t0;
      if (performance.now() - t0 > 30_000) return Infinity;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const [searchMs, catalogueMs] = await Promise.all([
    until(`${base}/api/v1/disclosures?q=${encodeURIComponent(token)}`, (b) => b.includes(id)),
    until(`${base}/api/v1/disclosures?category=${encodeURIComponent(bigCat.code)}&pageSize=5`, (b) => b.includes(id)),
  ]);
  await client.$disconnect();
  return { searchMs, catalogueMs };
}
let visibility: { searchMs: number; catalogueMs: number } | null = null;
try {
  visibility = await publishToVisible();
} catch (e) {
  log(`发布→可见测量失败：${e instanceof Error ? e.message : String(e)}`);
}

if (sampler) clearInterval(sampler);
const baseline = rows.find((r) => r.key === "static")!;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const report = {
  at: new Date().toISOString(),
  base,
  dataSize,
  connections: CONNECTIONS,
  durationSec: DURATION,
  cpus: (await import("node:os")).cpus().length,
  loadAvgAtEnd: (await import("node:os")).loadavg(),
  results: rows.map((r) => ({ ...r, rpsVsStatic: ratio(r.rps, baseline.rps), p95VsStatic: ratio(r.p95, baseline.p95) })),
  serverPeakRssMb: server ? Math.round(peakRssKb / 1024) : null,
  publishToVisibleMs: visibility,
};
fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n数据量 ${dataSize} 条，${CONNECTIONS} 连接，每项 ${DURATION} 秒，CPU ${report.cpus} 核，结束时负载 ${report.loadAvgAtEnd.map((x) => x.toFixed(1)).join(" ")}`);
console.log(`${"场景".padEnd(26)}${pad("状态", 6)}${pad("RPS", 9)}${pad("p50ms", 8)}${pad("p95ms", 8)}${pad("p99ms", 8)}${pad("RPS/基线", 10)}${pad("错误", 6)}`);
for (const r of report.results) {
  console.log(`${r.label.padEnd(26)}${pad(r.status, 6)}${pad(r.rps.toFixed(0), 9)}${pad(r.p50, 8)}${pad(r.p95, 8)}${pad(r.p99, 8)}${pad(String(r.rpsVsStatic), 10)}${pad(r.errors + r.non2xx, 6)}`);
}
console.log(`服务进程峰值 RSS：${report.serverPeakRssMb ?? "（外部服务，未测）"} MB`);
console.log(`发布提交→可见：检索 ${visibility?.searchMs.toFixed(0) ?? "?"} ms，目录 ${visibility?.catalogueMs.toFixed(0) ?? "?"} ms`);
console.log(`结果已写入 ${OUT}`);

server?.kill("SIGTERM");
await pool.end();
await database.stop();
process.exit(0);
