import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { createDepartment } from "@/lib/seed/factories";
import { createSearchFixture } from "@/tests/helpers/search-fixtures";
import { parseSearchParams, type SearchParams } from "@/lib/search/params";
import { SEARCH_BUSY_MESSAGE, searchDisclosures } from "@/lib/search/search";
import { ServiceBusyError } from "@/lib/errors";

// Above FULL_RANK_MAX_MATCHES a search ranks without reading vectors: heading matches first
// (newest first), then the body-only matches (newest first). The threshold is lowered here
// so a handful of items exercise that path; its answers must agree with the small-set path
// on everything but the order within a tier.
setCatalogueCacheEnabled(false);

const LARGE = { fullRankMax: 1 };
const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, 2));
let deptId = "";

function params(q: string, extra: Partial<SearchParams> = {}): SearchParams {
  const p = parseSearchParams({ q });
  if (!p.ok) throw new Error(p.error);
  return { ...p.params, ...extra };
}
const titles = async (q: string, extra: Partial<SearchParams> = {}, opts = LARGE) =>
  (await searchDisclosures(params(q, extra), db(), opts)).items.map((h) => h.title);

beforeAll(async () => {
  const c = db();
  const d = await createDepartment(c, { name: "县财政局" });
  deptId = d.id;
  const cat = await c.category.create({ data: { code: "R01", name: "收费" } });
  const mk = (title: string, body: string, n: number, extra: Record<string, unknown> = {}) =>
    createSearchFixture(c, { title, body: `<p>${body}</p>`, departmentId: d.id, categoryId: cat.id, publishedAt: day(n), ...extra });
  // Heading matches (title, 文号 or summary mention 收费), oldest to newest.
  await mk("标题一：行政事业性收费目录", "目录见附件。", 1);
  await mk("标题二：调整收费标准的通知", "自发布之日起执行。", 5);
  await mk("标题三：关于价格的通知", "自发布之日起执行。", 9, { summary: "明确收费项目" });
  // Body-only matches, oldest to newest.
  await mk("正文一：工作要点", "规范收费行为。", 2);
  await mk("正文二：会议纪要", "清理违规收费。", 6);
  await mk("正文三：情况通报", "整治乱收费问题，已废止的规定不再执行。", 10);
  // No match at all.
  await mk("无关：防汛通知", "做好防汛工作。", 11);
});

describe("ranking a large result set", () => {
  it("puts heading matches first, each tier newest first", async () => {
    expect(await titles("收费")).toEqual([
      "标题三：关于价格的通知",
      "标题二：调整收费标准的通知",
      "标题一：行政事业性收费目录",
      "正文三：情况通报",
      "正文二：会议纪要",
      "正文一：工作要点",
    ]);
  });

  it("returns the same set as full ranking, and the same total and facets", async () => {
    const small = await searchDisclosures(params("收费"), db(), { fullRankMax: 10_000 });
    const large = await searchDisclosures(params("收费"), db(), LARGE);
    expect(large.total).toBe(6);
    expect(large.total).toBe(small.total);
    expect(large.facets).toEqual(small.facets);
    expect(new Set(large.items.map((h) => h.id))).toEqual(new Set(small.items.map((h) => h.id)));
  });

  it("pages across the boundary between the tiers without losing or repeating an item", async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) seen.push(...(await titles("收费", { page, pageSize: 2 })));
    expect(seen).toEqual(await titles("收费"));
    expect(await titles("收费", { page: 4, pageSize: 2 })).toEqual([]);
  });

  it("applies exclusions to both tiers", async () => {
    const r = await titles("收费 -废止");
    expect(r).not.toContain("正文三：情况通报");
    expect(r).toHaveLength(5);
    expect(r.slice(0, 3)).toEqual(["标题三：关于价格的通知", "标题二：调整收费标准的通知", "标题一：行政事业性收费目录"]);
  });

  it("applies facet filters to both tiers", async () => {
    expect(await titles("收费", { year: 2023 })).toEqual([]);
    expect((await titles("收费", { year: 2024 })).length).toBe(6);
  });

  it("offers newest first across the tiers when asked", async () => {
    expect(await titles("收费", { sort: "newest" })).toEqual([
      "正文三：情况通报",
      "标题三：关于价格的通知",
      "正文二：会议纪要",
      "标题二：调整收费标准的通知",
      "正文一：工作要点",
      "标题一：行政事业性收费目录",
    ]);
  });
});

describe("the index tables", () => {
  it("keep the match row narrow: both vectors are stored out of line, uncompressed", async () => {
    const attrs = await db().$queryRaw<{ attname: string; attstorage: string }[]>`
      SELECT attname, attstorage::text FROM pg_attribute
      WHERE attrelid = '"SearchTerm"'::regclass AND attname IN ('tsv', 'tsvHead') ORDER BY attname`;
    expect(attrs).toEqual([
      { attname: "tsv", attstorage: "e" },
      { attname: "tsvHead", attstorage: "e" },
    ]);
    const [rel] = await db().$queryRaw<{ opts: string[] }[]>`SELECT reloptions AS opts FROM pg_class WHERE oid = '"SearchTerm"'::regclass`;
    expect(rel?.opts).toContain("toast_tuple_target=128");
    // PostgreSQL starts toasting a row only above ~2 KB; an ordinary document's vectors are
    // larger than that, and then both leave the row (target 128 bytes), not just the largest.
    const cat = await db().category.findFirstOrThrow({ where: { code: "R01" } });
    const long = "为进一步规范行政事业性收费管理，切实减轻企业和群众负担，现就有关事项通知如下。".repeat(12);
    await createSearchFixture(db(), {
      title: "长文：收费管理通知",
      body: `<p>${long}</p>`,
      departmentId: deptId,
      categoryId: cat.id,
      publishedAt: day(20),
    });
    const [t] = await db().$queryRaw<{ chunks: number }[]>`
      SELECT pg_relation_size(reltoastrelid)::int AS chunks FROM pg_class WHERE oid = '"SearchTerm"'::regclass`;
    expect(t?.chunks).toBeGreaterThan(0);
  });
});

describe("overload", () => {
  it("answers busy (503) instead of holding a connection when a search cannot finish in time", async () => {
    // Another session holds the table: the search's statements wait until their timeout.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "SearchTerm" IN ACCESS EXCLUSIVE MODE`);
      const err = await searchDisclosures(params("收费"), db(), LARGE).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServiceBusyError);
      expect((err as ServiceBusyError).status).toBe(503);
      expect((err as ServiceBusyError).message).toBe(SEARCH_BUSY_MESSAGE);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    // And the next search works as usual.
    expect((await titles("收费")).length).toBeGreaterThan(0);
  }, 20_000);
});
