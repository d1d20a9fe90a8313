// Fills a database with believable published items for load tests.
//   npm run seed:bulk -- --items 1000000 [--batch 2000] [--seed 42]
// Uses DATABASE_URL, or an embedded cluster at .data/pg-bench (port 54961) by default —
// never the demo database. Applies migrations and the demo seed first (departments,
// categories, accounts). Items, their published revisions and their search documents are
// written in the same pass with multi-row INSERT … SELECT FROM unnest(…) batches; the GIN
// index is dropped during a large load and rebuilt at the end (faster than row-by-row).
import pg from "pg";
import { applyMigrations } from "@/lib/db/schema-engine";
import { resolveDatabase } from "@/lib/db/local-database";
import { buildSearchDocument } from "@/lib/search/document";
import { makeItemText, rng } from "@/lib/search/bulk-vocabulary";

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
const depts = (await pool.query<{ id: string; code: string; name: string; shortName: string | null }>(`SELECT id, code, name, "shortName" FROM "Department" ORDER BY "sortOrder"`)).rows;
const cats = (
  await pool.query<{ id: string; code: string }>(
    `SELECT c.id, c.code FROM "Category" c WHERE NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c.id)`,
  )
).rows;
const author = (await pool.query<{ id: string }>(`SELECT id FROM "User" ORDER BY username LIMIT 1`)).rows[0]?.id ?? "bulk";
if (!depts.length || !cats.length) throw new Error("没有机构或主题分类：演示数据未写入？");
const start = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "DisclosureItem" WHERE id LIKE 'bk%'`)).rows[0].n;
let offset = Number(start);
log(`已有批量数据 ${offset} 条；本次写入 ${ITEMS} 条（${depts.length} 个机构，${cats.length} 个末级分类）`);

const large = ITEMS >= 20_000;
if (large) await pool.query(`DROP INDEX IF EXISTS "SearchDocument_tsv_idx"`);

const r = rng(SEED + offset);
const FROM = Date.UTC(2012, 0, 1);
const TO = Date.UTC(2026, 10, 15);

function batchRows(from: number, count: number) {
  const it: Record<string, unknown[]> = { id: [], dept: [], idx: [], rev: [], at: [] };
  const rv: Record<string, unknown[]> = { id: [], item: [], title: [], docno: [], cat: [], day: [], summary: [], body: [], kw: [], validity: [], at: [] };
  const sd: Record<string, unknown[]> = { item: [], dept: [], cat: [], year: [], validity: [], at: [], idx: [], title: [], docno: [], summary: [], text: [], tsv: [], head: [] };
  for (let k = 0; k < count; k++) {
    const n = from + k;
    const dept = depts[Math.floor(r() * depts.length)];
    const cat = cats[Math.floor(r() * cats.length)];
    const at = new Date(FROM + Math.floor(r() * (TO - FROM)));
    const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
    const text = makeItemText(r, dept.shortName ?? dept.name, year, n);
    const v = r();
    const validity = v < 0.85 ? "VALID" : v < 0.92 ? "AMENDED" : v < 0.97 ? "REPEALED" : "EXPIRED";
    const id = `bk${n.toString(36).padStart(8, "0")}`;
    const revId = `bkr${n.toString(36).padStart(8, "0")}`;
    const indexNumber = `${dept.code}/${cat.code}-${year}-${String(n + 1).padStart(7, "0")}`;
    const doc = buildSearchDocument({
      title: text.title,
      documentNumber: text.documentNumber,
      indexNumber,
      keywords: text.keywords,
      summary: text.summary,
      bodyText: text.body,
      attachmentTexts: [],
      publishedAt: at,
    });
    it.id.push(id); it.dept.push(dept.id); it.idx.push(indexNumber); it.rev.push(revId); it.at.push(at.toISOString());
    rv.id.push(revId); rv.item.push(id); rv.title.push(text.title); rv.docno.push(text.documentNumber); rv.cat.push(cat.id);
    rv.day.push(at.toISOString().slice(0, 10)); rv.summary.push(text.summary); rv.body.push(`<p>${text.body}</p>`);
    rv.kw.push(text.keywords.join("|")); rv.validity.push(validity); rv.at.push(at.toISOString());
    sd.item.push(id); sd.dept.push(dept.id); sd.cat.push(cat.id); sd.year.push(doc.year); sd.validity.push(validity);
    sd.at.push(at.toISOString()); sd.idx.push(indexNumber); sd.title.push(text.title); sd.docno.push(text.documentNumber);
    sd.summary.push(text.summary); sd.text.push(doc.text); sd.tsv.push(doc.tsv); sd.head.push(doc.tsvHead);
  }
  return { it, rv, sd };
}

async function insert(b: ReturnType<typeof batchRows>) {
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
         "documentNumber", summary, text, tsv, "tsvHead")
       SELECT item, dept, cat, year, validity::"DisclosureValidity", at, idx, title, docno, summary, text, tsv::tsvector, head::tsvector
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::text[]) AS t(item, dept, cat, year, validity, at, idx, title, docno, summary, text, tsv, head)`,
      [b.sd.item, b.sd.dept, b.sd.cat, b.sd.year, b.sd.validity, b.sd.at, b.sd.idx, b.sd.title, b.sd.docno, b.sd.summary, b.sd.text, b.sd.tsv, b.sd.head],
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
const inflight = new Set<Promise<void>>();
for (let from = 0; from < ITEMS; from += BATCH) {
  const count = Math.min(BATCH, ITEMS - from);
  const rows = batchRows(offset + from, count); // CPU (segmentation) overlaps the previous INSERT
  const p = insert(rows).then(() => {
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
const loadSec = (Date.now() - t0) / 1000;
offset += ITEMS;

if (large) {
  const t1 = Date.now();
  log("重建全文索引（GIN）…");
  await pool.query(`SET maintenance_work_mem = '1GB'`);
  await pool.query(`CREATE INDEX "SearchDocument_tsv_idx" ON "SearchDocument" USING GIN ("tsv") WITH (fastupdate = off)`);
  log(`GIN 索引 ${((Date.now() - t1) / 1000).toFixed(1)} 秒`);
}
await pool.query(`VACUUM ANALYZE "DisclosureItem"`);
await pool.query(`VACUUM ANALYZE "DisclosureRevision"`);
await pool.query(`VACUUM ANALYZE "SearchDocument"`);
const total = (Date.now() - t0) / 1000;
const size = (await pool.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0].s;
log(`完成：${ITEMS} 条，写入 ${loadSec.toFixed(1)} 秒（${Math.round(ITEMS / loadSec)} 条/秒，含分词与检索文档），合计 ${total.toFixed(1)} 秒（含索引与 ANALYZE）；数据库 ${size}`);
await pool.end();
await database.stop();
