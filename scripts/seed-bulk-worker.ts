// Worker of scripts/seed-bulk.ts: builds the rows of one batch (text, segmentation, search
// document), the CPU-heavy part of the load, so it runs on every core beside PostgreSQL.
import { parentPort, workerData } from "node:worker_threads";
import { buildSearchDocument } from "@/lib/search/document";
import { makeItemText, rng } from "@/lib/search/bulk-vocabulary";

type Ref = { id: string; code: string; name?: string; shortName?: string | null };
const { depts, cats, seed } = workerData as { depts: Ref[]; cats: Ref[]; seed: number };

const FROM = Date.UTC(2012, 0, 1);
const TO = Date.UTC(2026, 10, 15);

/** Column arrays for one table, named by the keys the parent's unnest() insert expects. */
function columns<K extends string>(...names: K[]): Record<K, unknown[]> {
  return Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
}

function pick(list: readonly Ref[], r: () => number): Ref {
  const v = list[Math.floor(r() * list.length)];
  if (!v) throw new Error("seed-bulk-worker: no departments or categories to spread items over");
  return v;
}

export type BatchRows = ReturnType<typeof batchRows>;

function batchRows(from: number, count: number) {
  // One generator per batch, seeded by its position: the same data whatever the worker count.
  const r = rng(seed + from);
  const it = columns("id", "dept", "idx", "rev", "at");
  const rv = columns("id", "item", "title", "docno", "cat", "day", "summary", "body", "kw", "validity", "at");
  const sd = columns("item", "dept", "cat", "year", "validity", "at", "idx", "title", "docno", "summary", "text", "tsv", "head");
  for (let k = 0; k < count; k++) {
    const n = from + k;
    const dept = pick(depts, r);
    const cat = pick(cats, r);
    const at = new Date(FROM + Math.floor(r() * (TO - FROM)));
    const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
    const text = makeItemText(r, dept.shortName ?? dept.name ?? "", year, n);
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
    const iso = at.toISOString();
    it.id.push(id);
    it.dept.push(dept.id);
    it.idx.push(indexNumber);
    it.rev.push(revId);
    it.at.push(iso);
    rv.id.push(revId);
    rv.item.push(id);
    rv.title.push(text.title);
    rv.docno.push(text.documentNumber);
    rv.cat.push(cat.id);
    rv.day.push(iso.slice(0, 10));
    rv.summary.push(text.summary);
    rv.body.push(`<p>${text.body}</p>`);
    rv.kw.push(text.keywords.join("|"));
    rv.validity.push(validity);
    rv.at.push(iso);
    sd.item.push(id);
    sd.dept.push(dept.id);
    sd.cat.push(cat.id);
    sd.year.push(doc.year);
    sd.validity.push(validity);
    sd.at.push(iso);
    sd.idx.push(indexNumber);
    sd.title.push(text.title);
    sd.docno.push(text.documentNumber);
    sd.summary.push(text.summary);
    sd.text.push(doc.text);
    sd.tsv.push(doc.tsv);
    sd.head.push(doc.tsvHead);
  }
  return { it, rv, sd };
}

const port = parentPort;
if (!port) throw new Error("scripts/seed-bulk-worker.ts runs only as a worker thread of scripts/seed-bulk.ts");
port.on("message", (job: { from: number; count: number }) => {
  port.postMessage({ from: job.from, rows: batchRows(job.from, job.count) });
});
