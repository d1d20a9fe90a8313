// Fills a database with believable published items for load tests.
//   npm run seed:bulk -- --items 1000000 [--batch 2000] [--seed 42] [--workers N]
// Uses DATABASE_URL, or an embedded cluster at .data/pg-bench (port 54961) by default —
// never the demo database. Applies migrations and the demo seed first (departments,
// categories, accounts). Items, their published revisions and their search documents are
// written in the same pass with multi-row INSERT … SELECT FROM unnest(…) batches; the GIN
// indexes are dropped during a large load and rebuilt at the end (faster than row-by-row).
import os from "node:os";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { applyMigrations } from "@/lib/db/schema-engine";
import { ensureLocalAuthSecret, resolveDatabase } from "@/lib/db/local-database";

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
const ITEMS = arg("items", 10_000);
const BATCH = arg("batch", 2_000);
const SEED = arg("seed", 42);
if (!Number.isInteger(ITEMS) || ITEMS < 1) throw new Error("--items 应为正整数");

const database = await resolveDatabase({ cluster: process.env.PG_CLUSTER ?? "pg-bench", port: Number(process.env.PG_PORT ?? 54961) });
process.env.DATABASE_URL = database.url;
ensureLocalAuthSecret(database.embedded);
const log = (m: string) => console.log(`[seed:bulk] ${m}`);
log(database.embedded ? `嵌入式 PostgreSQL：${database.url.replace(/:[^:@/]+@/, ":***@")}` : "使用 DATABASE_URL");

await applyMigrations(database.url);
{
  const { createDb } = await import("@/lib/db/client");
  const { seedDemo } = await import("@/lib/seed/seed-demo");
  const client = createDb(database.url);
  await seedDemo(client, log);
  await client.$disconnect();
}

const pool = new pg.Pool({ connectionString: database.url, max: 3 });
const depts = (
  await pool.query<{ id: string; code: string; name: string; shortName: string | null }>(
    `SELECT id, code, name, "shortName" FROM "Department" ORDER BY "sortOrder"`,
  )
).rows;
const cats = (
  await pool.query<{ id: string; code: string }>(
    `SELECT c.id, c.code FROM "Category" c WHERE NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c.id)`,
  )
).rows;
const author = (await pool.query<{ id: string }>(`SELECT id FROM "User" ORDER BY username LIMIT 1`)).rows[0]?.id ?? "bulk";
if (!depts.length || !cats.length) throw new Error("没有机构或主题分类：演示数据未写入？");
const start = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "DisclosureItem" WHERE id LIKE 'bk%'`)).rows[0]?.n ?? "0";
let offset = Number(start);
log(`已有批量数据 ${offset} 条；本次写入 ${ITEMS} 条（${depts.length} 个机构，${cats.length} 个末级分类）`);

const large = ITEMS >= 20_000;
const GIN_INDEXES = [
  `CREATE INDEX IF NOT EXISTS "SearchTerm_tsv_idx" ON "SearchTerm" USING GIN ("tsv") WITH (fastupdate = off)`,
  `CREATE INDEX IF NOT EXISTS "SearchTerm_tsvHead_idx" ON "SearchTerm" USING GIN ("tsvHead") WITH (fastupdate = off)`,
];
if (large) {
  await pool.query(`DROP INDEX IF EXISTS "SearchTerm_tsv_idx"`);
  await pool.query(`DROP INDEX IF EXISTS "SearchTerm_tsvHead_idx"`);
}

type BatchRows = import("./seed-bulk-worker").BatchRows;

// Segmentation is the CPU-heavy part: it runs in worker threads (one per core by default),
// while the main thread only inserts.
const WORKERS = Math.max(1, arg("workers", os.cpus().length));
const workers = Array.from(
  { length: WORKERS },
  () =>
    // A worker does not inherit tsx's loader: register it, then load the TypeScript worker.
    new Worker(
      `import { register } from "tsx/esm/api"; register(); await import(${JSON.stringify(new URL("./seed-bulk-worker.ts", import.meta.url).href)});`,
      { eval: true, workerData: { depts, cats, seed: SEED } },
    ),
);
const idle = [...workers];
const waiting: Array<(w: Worker) => void> = [];
function build(from: number, count: number): Promise<BatchRows> {
  const take = () => {
    const w = idle.pop();
    return w ? Promise.resolve(w) : new Promise<Worker>((res) => waiting.push(res));
  };
  return take().then(
    (w) =>
      new Promise<BatchRows>((resolve, reject) => {
        const done = (m: { rows: BatchRows }) => {
          w.off("error", reject);
          const next = waiting.shift();
          if (next) next(w);
          else idle.push(w);
          resolve(m.rows);
        };
        w.once("message", done);
        w.once("error", reject);
        w.postMessage({ from, count });
      }),
  );
}

async function insert(b: BatchRows) {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    // Bulk load: the rows are consistent by construction; skip per-row FK triggers.
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query(
      `INSERT INTO "DisclosureItem" (id, "departmentId", state, "indexNumber", "workingRevisionId", "publishedRevisionId",
         "firstPublishedAt", "publishedAt", "createdById", "createdAt", "updatedAt", version)
       SELECT id, dept, 'PUBLISHED', idx, rev, rev, at, at, $6, at, at, 1
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS t(id, dept, idx, rev, at)`,
      [b.it.id, b.it.dept, b.it.idx, b.it.rev, b.it.at, author],
    );
    await c.query(
      `INSERT INTO "DisclosureRevision" (id, "itemId", number, hash, content, title, "documentNumber", "categoryId", "writtenOn",
         "formedOn", summary, body, keywords, validity, "responsibleSection", "responsiblePerson", "authorId", "publishedAt", "createdAt")
       SELECT id, item, 1, id, '{}'::jsonb, title, docno, cat, day, day, summary, body, string_to_array(kw, '|'),
         validity::"DisclosureValidity", '办公室', '张明', $12, at, at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::timestamptz[]) AS t(id, item, title, docno, cat, day, summary, body, kw, validity, at)`,
      [b.rv.id, b.rv.item, b.rv.title, b.rv.docno, b.rv.cat, b.rv.day, b.rv.summary, b.rv.body, b.rv.kw, b.rv.validity, b.rv.at, author],
    );
    await c.query(
      `INSERT INTO "SearchDocument" ("itemId", "departmentId", "categoryId", year, validity, "publishedAt", "indexNumber", title,
         "documentNumber", summary, text)
       SELECT item, dept, cat, year, validity::"DisclosureValidity", at, idx, title, docno, summary, text
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[]) AS t(item, dept, cat, year, validity, at, idx, title, docno, summary, text)`,
      [b.sd.item, b.sd.dept, b.sd.cat, b.sd.year, b.sd.validity, b.sd.at, b.sd.idx, b.sd.title, b.sd.docno, b.sd.summary, b.sd.text],
    );
    await c.query(
      `INSERT INTO "SearchTerm" ("itemId", "departmentId", "categoryId", year, validity, "publishedAt", tsv, "tsvHead")
       SELECT item, dept, cat, year, validity::"DisclosureValidity", at, tsv::tsvector, head::tsvector
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::text[], $8::text[])
         AS t(item, dept, cat, year, validity, at, tsv, head)`,
      [b.sd.item, b.sd.dept, b.sd.cat, b.sd.year, b.sd.validity, b.sd.at, b.sd.tsv, b.sd.head],
    );
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

const t0 = Date.now();
let done = 0;
// Batches are built ahead (one per worker) and inserted in order, two at a time.
const inflight = new Set<Promise<void>>();
const built: Array<{ count: number; rows: Promise<BatchRows> }> = [];
let next = 0;
const queueBuild = () => {
  if (next >= ITEMS) return;
  const count = Math.min(BATCH, ITEMS - next);
  built.push({ count, rows: build(offset + next, count) });
  next += count;
};
for (let i = 0; i < WORKERS + 1; i++) queueBuild();
for (let batch = built.shift(); batch; batch = built.shift()) {
  const { count, rows } = batch;
  const b = await rows;
  queueBuild();
  const p = insert(b).then(() => {
    done += count;
    inflight.delete(p);
    if (done % (BATCH * 25) === 0 || done === ITEMS) {
      const s = (Date.now() - t0) / 1000;
      log(`${done} / ${ITEMS} 条，${Math.round(done / s)} 条/秒`);
    }
  });
  inflight.add(p);
  if (inflight.size >= 2) await Promise.race(inflight);
}
await Promise.all(inflight);
await Promise.all(workers.map((w) => w.terminate()));
const loadSec = (Date.now() - t0) / 1000;
offset += ITEMS;

{
  // Rebuilt after a large load; also restores them if an earlier load stopped half way.
  const t1 = Date.now();
  if (large) log("重建全文索引（GIN）…");
  await pool.query(`SET maintenance_work_mem = '1GB'`);
  for (const sql of GIN_INDEXES) await pool.query(sql);
  if (large) log(`GIN 索引 ${((Date.now() - t1) / 1000).toFixed(1)} 秒`);
}
await pool.query(`VACUUM ANALYZE "DisclosureItem"`);
await pool.query(`VACUUM ANALYZE "DisclosureRevision"`);
await pool.query(`VACUUM ANALYZE "SearchDocument"`);
await pool.query(`VACUUM ANALYZE "SearchTerm"`);
const total = (Date.now() - t0) / 1000;
const size = (await pool.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]?.s ?? "?";
log(
  `完成：${ITEMS} 条，写入 ${loadSec.toFixed(1)} 秒（${Math.round(ITEMS / loadSec)} 条/秒，含分词与检索文档），合计 ${total.toFixed(1)} 秒（含索引与 ANALYZE）；数据库 ${size}`,
);
await pool.end();
await database.stop();
