import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { createDepartment } from "@/lib/seed/factories";
import { createSearchFixture } from "@/tests/helpers/search-fixtures";
import { searchApiResponse } from "@/lib/search/api";
import { parseSearchParams, type SearchParams } from "@/lib/search/params";
import { searchDisclosures } from "@/lib/search/search";
import { syncSearchDocument } from "@/lib/search/sync-item";

// These tests change the index without the workflow's notification: read the database directly.
setCatalogueCacheEnabled(false);

// Filled in by beforeAll; every test runs after it.
const ids = { dibao: "", fee: "", job: "", draft: "", scattered: "" };
let indexNo3 = "";
const codes = { deptA: "", deptB: "", catX: "", catY: "", catZ: "" };

function params(q: string, extra: Partial<SearchParams> = {}): SearchParams {
  const p = parseSearchParams({ q });
  if (!p.ok) throw new Error(p.error);
  return { ...p.params, ...extra };
}
async function titles(q: string, extra: Partial<SearchParams> = {}) {
  const r = await searchDisclosures(params(q, extra));
  return r.items.map((h) => h.title);
}

beforeAll(async () => {
  const c = db();
  const a = await createDepartment(c, { name: "县民政局" });
  const b = await createDepartment(c, { name: "县发展和改革局" });
  codes.deptA = a.code;
  codes.deptB = b.code;
  const mk = (code: string, name: string) => c.category.create({ data: { code, name } });
  const [x, y, z] = await Promise.all([mk("S01", "社会救助"), mk("S02", "行政事业性收费"), mk("S03", "公务员招考")]);
  codes.catX = x.code;
  codes.catY = y.code;
  codes.catZ = z.code;

  ids.dibao = (
    await createSearchFixture(c, {
      title: "青山县城乡居民最低生活保障实施办法",
      documentNumber: "青政办发〔2024〕12号",
      summary: "规定低保对象的认定条件、保障标准和审批程序。",
      body: "<p>为规范城乡居民最低生活保障工作，根据有关规定，制定本办法。</p><p>申请不收取任何费用。</p>",
      keywords: ["社会救助", "低保"],
      departmentId: a.id,
      categoryId: x.id,
      publishedAt: new Date("2024-03-01T02:00:00Z"),
    })
  ).id;
  ids.fee = (
    await createSearchFixture(c, {
      title: "关于调整行政事业性收费标准的通知",
      documentNumber: "青发改〔2023〕5号",
      summary: "调整部分行政事业性收费项目的收费标准。",
      body: "<p>享受低保待遇的家庭免收相关费用。</p>",
      departmentId: b.id,
      categoryId: y.id,
      validity: "REPEALED",
      publishedAt: new Date("2023-06-10T02:00:00Z"),
    })
  ).id;
  const f3 = await createSearchFixture(c, {
    title: "2025年度公务员招聘公告",
    summary: "面向社会公开招聘公务员。",
    body: "<p>报名时间为5月。经费保障由财政负责。</p>",
    departmentId: a.id,
    categoryId: z.id,
    publishedAt: new Date("2025-04-01T02:00:00Z"),
  });
  ids.job = f3.id;
  indexNo3 = f3.indexNumber;
  ids.draft = (await createSearchFixture(c, { title: "低保收费草稿（未发布）", departmentId: a.id, categoryId: x.id, state: "DRAFT" })).id;
  ids.scattered = (
    await createSearchFixture(c, {
      title: "生活与保障工作座谈会召开",
      summary: "最低，生活，保障三方面。",
      departmentId: b.id,
      categoryId: x.id,
      publishedAt: new Date("2024-09-01T02:00:00Z"),
    })
  ).id;
});

describe("segmentation and matching", () => {
  it("finds two-character terms wherever they occur, never in unpublished items", async () => {
    expect((await titles("低保")).sort()).toEqual(["关于调整行政事业性收费标准的通知", "青山县城乡居民最低生活保障实施办法"].sort());
    expect(await titles("招聘")).toEqual(["2025年度公务员招聘公告"]);
    expect(await titles("草稿")).toEqual([]);
  });

  it("finds one-character terms", async () => {
    expect((await titles("费")).length).toBe(3); // 费用 ×2, 经费
  });

  it("ranks a title match above a body-only match", async () => {
    const r = await titles("保障");
    expect(r).toHaveLength(3);
    expect(r[2]).toBe("2025年度公务员招聘公告"); // 经费保障 in the body only
    expect(await titles("收费")).toEqual(["关于调整行政事业性收费标准的通知"]); // 不收取…费用 is not 收费
  });

  it("matches 文号 fragments in any bracket style", async () => {
    for (const q of ["〔2024〕12号", "[2024]12号", "（2024）12号", "2024 12号", "青政办发", "青政办发〔2024〕12号"]) {
      expect(await titles(q), q).toEqual(["青山县城乡居民最低生活保障实施办法"]);
    }
    expect(await titles("〔2024〕5号")).toEqual([]);
  });

  it("matches 索引号 fragments", async () => {
    const tail = indexNo3.split("/")[1]!; // "01-2025-000NN…"
    expect(await titles(tail)).toEqual(["2025年度公务员招聘公告"]);
    expect(await titles(indexNo3)).toEqual(["2025年度公务员招聘公告"]);
  });

  it("treats quoted text as a phrase", async () => {
    expect(await titles('"最低生活保障"')).toEqual(["青山县城乡居民最低生活保障实施办法"]);
    // Unquoted, the words may be apart (the scattered item has 最低, 生活, 保障 apart).
    expect((await titles("最低生活保障")).length).toBe(2);
    expect(await titles('"保障生活"')).toEqual([]);
  });

  it("excludes terms with a minus sign", async () => {
    expect(await titles("低保 -收费")).toEqual(["青山县城乡居民最低生活保障实施办法"]);
    expect(await titles("低保 -调整")).toEqual(["青山县城乡居民最低生活保障实施办法"]);
    expect(await titles('低保 -"实施办法"')).toEqual(["关于调整行政事业性收费标准的通知"]);
  });

  it("sorts by newest on request", async () => {
    const r = await titles("保障", { sort: "newest" });
    expect(r).toEqual(["2025年度公务员招聘公告", "生活与保障工作座谈会召开", "青山县城乡居民最低生活保障实施办法"]);
  });

  it("marks the matched words in the snippet and title", async () => {
    const r = await searchDisclosures(params("低保"));
    const hit = r.items.find((h) => h.id === ids.fee)!;
    expect(hit.snippetParts.filter((p) => p.mark).map((p) => p.text)).toContain("低保");
  });
});

describe("facets", () => {
  it("count exactly the results a facet value gives, combined with the query and each other", async () => {
    for (const [q, base] of [
      ["保障", {}],
      ["费", {}],
      ["", {}],
      ["保障", { department: codes.deptA }],
      ["", { year: 2024 }],
    ] as [string, Partial<SearchParams>][]) {
      const r = await searchDisclosures(params(q, base));
      expect(r.items.length).toBe(Math.min(r.total, 20));
      for (const key of ["category", "department", "year", "validity"] as const) {
        for (const v of r.facets[key]) {
          const narrowed = await searchDisclosures(params(q, { ...base, [key]: key === "year" ? Number(v.key) : v.key }));
          expect(narrowed.total, `${q} ${key}=${v.key}`).toBe(v.count);
          expect(narrowed.items.length).toBe(Math.min(v.count, 20));
        }
      }
    }
  });

  it("reports labels and keys in the API shape", async () => {
    const r = await searchDisclosures(params("低保"));
    expect(r.facets.validity).toEqual(
      expect.arrayContaining([
        { key: "VALID", label: "有效", count: 1 },
        { key: "REPEALED", label: "已废止", count: 1 },
      ]),
    );
    expect(r.facets.category.find((c) => c.key === codes.catX)?.label).toBe("社会救助");
  });

  it("answers unknown facet values with no results, not an error", async () => {
    const r = await searchDisclosures(params("低保", { category: "NOPE", department: "NOPE2" }));
    expect(r.total).toBe(0);
  });
});

describe("visibility", () => {
  it("drops a withdrawn item in the same transaction, and brings it back when republished", async () => {
    await db().$transaction(async (tx) => {
      await tx.disclosureItem.update({ where: { id: ids.job }, data: { state: "WITHDRAWN", withdrawnPage: "NOTICE" } });
      await syncSearchDocument(tx, ids.job);
    });
    expect(await titles("招聘")).toEqual([]);
    expect(await titles("", { sort: "newest" })).not.toContain("2025年度公务员招聘公告");
    await db().$transaction(async (tx) => {
      await tx.disclosureItem.update({ where: { id: ids.job }, data: { state: "PUBLISHED", withdrawnPage: null } });
      await syncSearchDocument(tx, ids.job);
    });
    expect(await titles("招聘")).toEqual(["2025年度公务员招聘公告"]);
  });

  it("rolls back with the transaction", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await tx.disclosureItem.update({ where: { id: ids.job }, data: { state: "WITHDRAWN" } });
        await syncSearchDocument(tx, ids.job);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await titles("招聘")).toEqual(["2025年度公务员招聘公告"]);
  });

  it("follows a 有效性 change", async () => {
    // A new published version marked 已修改 (revisions are immutable, so the change is a new
    // revision, as when a clerk publishes an amended version).
    await db().$transaction(async (tx) => {
      const item = await tx.disclosureItem.findUniqueOrThrow({ where: { id: ids.dibao }, select: { publishedRevisionId: true } });
      const {
        id: _id,
        number,
        hash,
        createdAt: _c,
        ...rest
      } = await tx.disclosureRevision.findUniqueOrThrow({ where: { id: item.publishedRevisionId! } });
      const next = await tx.disclosureRevision.create({
        data: { ...rest, content: rest.content ?? {}, number: number + 1, hash: `${hash}-2`, validity: "AMENDED", publishedAt: new Date() },
      });
      await tx.disclosureItem.update({ where: { id: ids.dibao }, data: { publishedRevisionId: next.id, workingRevisionId: next.id } });
      await syncSearchDocument(tx, ids.dibao);
    });
    const r = await searchDisclosures(params("低保", { validity: "AMENDED" }));
    expect(r.items.map((h) => h.id)).toEqual([ids.dibao]);
  });
});

describe("bad input", () => {
  it("never fails on tsquery syntax characters", async () => {
    for (const q of ["&|!():*'\\", "低保 & 收费", "'低保'", "低保:*", "!低保", "(低保", "低保 <-> 收费", "\\'", "- -- ---", '"', '"""']) {
      const r = await searchDisclosures(params(q));
      expect(r.total, q).toBeGreaterThanOrEqual(0);
    }
    expect((await searchDisclosures(params("低保&收费"))).total).toBe(1);
  });

  it("cuts a 2,000-character query", async () => {
    const r = await searchDisclosures(params("低保".repeat(1000)));
    expect(r.total).toBeGreaterThan(0);
    const res = await searchApiResponse(new URLSearchParams({ q: "低保".repeat(1000) }));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.notices.join("")).toContain("检索词过长");
  });

  it("answers malformed API parameters with 400 and a Chinese message", async () => {
    for (const [k, v] of [
      ["page", "-1"],
      ["page", "99999999999"],
      ["page", "abc"],
      ["pageSize", "100000"],
      ["year", "20x4"],
      ["validity", "MAYBE"],
      ["sort", "random"],
      ["category", "<script>"],
    ] as const) {
      const res = await searchApiResponse(new URLSearchParams({ q: "低保", [k]: v }));
      expect(res.status, `${k}=${v}`).toBe(400);
      expect((await res.json()).error).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("returns the documented JSON shape", async () => {
    const res = await searchApiResponse(new URLSearchParams({ q: "低保", department: codes.deptB }));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.total).toBe(1);
    expect(json.items[0]).toMatchObject({ id: ids.fee, url: `/xxgk/items/${ids.fee}`, publishedOn: "2023-06-10" });
    expect(json.items[0].snippet).toContain("<mark>低保</mark>");
    expect(Object.keys(json.facets).sort()).toEqual(["category", "department", "validity", "year"]);
    expect(json.facets.department[0]).toHaveProperty("key");
    expect(json.facets.department[0]).toHaveProperty("label");
    expect(json.facets.department[0]).toHaveProperty("count");
  });

  it("clamps a deep page on the page (lenient parsing) and pages past the end are empty", async () => {
    const p = parseSearchParams({ q: "低保", page: "99999" });
    expect(p.ok && p.params.page).toBe(50);
    const r = await searchDisclosures(params("低保", { page: 50 }));
    expect(r.items).toEqual([]);
  });
});
