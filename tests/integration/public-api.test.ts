import { beforeAll, describe, expect, it, vi } from "vitest";

// The sitemap route reads the category tree through lib/site (marked server-only).
vi.mock("server-only", () => ({}));
import { db } from "@/lib/db/client";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { makeDemoPdf } from "@/lib/disclosure/demo-pdf";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { GET as listGET } from "@/app/api/v1/disclosures/route";
import { GET as itemGET } from "@/app/api/v1/disclosures/[id]/route";
import { GET as feedGET } from "@/app/feed.xml/route";
import { GET as sitemapGET } from "@/app/sitemap.xml/route";

// The open API: 200 / 400 / 404 / 410 and the documented shapes (docs/api.md).

// Absolute links come from PUBLIC_ORIGIN, never from the request's Host (lib/http/origin.ts).
process.env.PUBLIC_ORIGIN = "http://portal.test";

let o: DisclosureOrg;
// Filled by beforeAll before any test reads it.
const ids = {} as Record<"a" | "b" | "c" | "gone" | "old" | "draft", string>;

async function published(title: string, files?: { fileName: string; bytes: Uint8Array }[]) {
  const c = await createItem(o.clerk, { values: itemValues(o.category.id, { title }), files });
  await submitItem(o.clerk, c.id);
  await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
  await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
  await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
  return c;
}

const list = async (qs: string) => {
  const res = await listGET(new Request(`http://portal.test/api/v1/disclosures?${qs}`));
  return { status: res.status, body: await res.json(), headers: res.headers };
};
const item = async (id: string) => {
  const res = await itemGET(new Request(`http://portal.test/api/v1/disclosures/${id}`), { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  o = await makeDisclosureOrg(db());
  const pdf = await makeDemoPdf("API test", []);
  ids.a = (await published("接口测试一", [{ fileName: "附件一.pdf", bytes: pdf }])).id;
  ids.b = (await published("接口测试二")).id;
  ids.c = (await published("接口测试三")).id;
  ids.gone = (await published("接口测试错误发布")).id;
  await withdrawItem(o.director, ids.gone, { reason: "PUBLISHED_IN_ERROR" });
  ids.old = (await published("接口测试旧版")).id;
  await withdrawItem(o.director, ids.old, { reason: "SUPERSEDED", replacementItemId: ids.c });
  const d = await createItem(o.clerk, { values: itemValues(o.category.id, { title: "接口测试草稿" }) });
  ids.draft = d.id;
});

describe("GET /api/v1/disclosures", () => {
  it("lists published items newest first with the documented fields", async () => {
    const r = await list(`category=${o.category.code}&pageSize=2`);
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.body).toMatchObject({ total: 3, page: 1, pageSize: 2, totalPages: 2 });
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([ids.c, ids.b]);
    const first = r.body.items[0];
    expect(Object.keys(first).sort()).toEqual(
      ["category", "department", "docNo", "id", "indexNo", "publishedAt", "title", "url", "validity", "validityLabel"].sort(),
    );
    expect(first).toMatchObject({
      title: "接口测试三",
      docNo: "青财预〔2025〕12号",
      department: { code: o.bureau.code, name: o.bureau.name },
      category: { code: o.category.code },
      validity: "VALID",
      validityLabel: "有效",
      url: `http://portal.test/xxgk/items/${ids.c}`,
    });
    expect(new Date(first.publishedAt).toISOString()).toBe(first.publishedAt);

    const next = await list(`category=${o.category.code}&pageSize=2&page=2&after=${r.body.nextCursor}`);
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([ids.a]);
    const numbered = await list(`category=${o.category.code}&pageSize=2&page=2`);
    expect(numbered.body.items.map((i: { id: string }) => i.id)).toEqual([ids.a]);
  });

  it("a page beyond the end is empty, not an error", async () => {
    const r = await list(`category=${o.category.code}&page=999`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ items: [], total: 3, page: 999 });
  });

  it("answers 400 with Chinese field errors for bad values", async () => {
    for (const [qs, field] of [
      ["pageSize=101", "pageSize"],
      ["pageSize=0", "pageSize"],
      ["page=-1", "page"],
      ["page=abc", "page"],
      ["year=20x5", "year"],
      ["category=%3Cscript%3E", "category"],
      ["category=NO_SUCH_CODE", "category"],
      ["department=NO_SUCH_CODE", "department"],
      ["after=zzz", "after"],
    ] as const) {
      const r = await list(qs);
      expect(r.status, qs).toBe(400);
      expect(r.body.error).toBe("查询参数有误");
      expect(r.body.fieldErrors[field][0], qs).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("GET /api/v1/disclosures/{id}", () => {
  it("returns metadata, body and attachment download URLs", async () => {
    const r = await item(ids.a);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: ids.a,
      status: "LIVE",
      title: "接口测试一",
      validity: "VALID",
      disclosureModeLabel: "主动公开",
      disclosureScopeLabel: "面向全社会",
      category: { code: o.category.code },
    });
    expect(r.body.attachments).toHaveLength(1);
    expect(r.body.attachments[0]).toMatchObject({ fileName: "附件一.pdf", kind: "PDF", mime: "application/pdf" });
    expect(r.body.attachments[0].url).toMatch(new RegExp(`^http://portal.test/xxgk/items/${ids.a}/files/`));
  });

  it("404 for a draft or unknown id, 410 for 发布错误, the replacement for 已被替代", async () => {
    expect((await item(ids.draft)).status).toBe(404);
    expect((await item("nope")).status).toBe(404);
    const gone = await item(ids.gone);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toContain("已撤回");
    expect(JSON.stringify(gone.body)).not.toContain("接口测试错误发布");
    const old = await item(ids.old);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ status: "REPLACED", replacement: { id: ids.c, title: "接口测试三" } });
  });
});

describe("GET /feed.xml", () => {
  it("is an Atom feed of the newest published items", async () => {
    const res = await feedGET(new Request("http://portal.test/feed.xml"));
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`http://portal.test/xxgk/items/${ids.c}`);
    expect(xml).not.toContain("接口测试错误发布");
    expect(xml).not.toContain("接口测试草稿");
    expect(xml.indexOf("接口测试三")).toBeLessThan(xml.indexOf("接口测试一"));
  });
});

describe("GET /sitemap.xml", () => {
  it("lists the catalogue pages and published items only", async () => {
    const res = await sitemapGET(new Request("http://portal.test/sitemap.xml"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/xml");
    const xml = await res.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain("<loc>http://portal.test/xxgk</loc>");
    for (const id of [ids.a, ids.b, ids.c]) expect(xml).toContain(`<loc>http://portal.test/xxgk/items/${id}</loc>`);
    for (const id of [ids.gone, ids.old, ids.draft]) expect(xml).not.toContain(`/xxgk/items/${id}<`);
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/lastmod>/);
  });
});
