import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { makeActor } from "@/tests/helpers/actors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "@/lib/disclosure/fixtures";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { withdrawItem } from "@/lib/disclosure/withdraw-item";
import { makeDemoPdf } from "@/lib/disclosure/demo-pdf";
import { parseListQuery, type ListQuery } from "@/lib/disclosure/public-params";
import { getPublicAttachment, getPublicItem, latestPublicDisclosures, listPublicDisclosures } from "@/lib/disclosure/public-queries";
import { setCatalogueCacheEnabled, stopCatalogueListener } from "@/lib/disclosure/public-cache";
import { GET as filesGET } from "@/app/(public)/xxgk/items/[id]/files/[attachmentId]/route";
import { GET as goneGET } from "@/app/(public)/xxgk/items/[id]/gone/route";
import { NextRequest } from "next/server";
import { goneItemRewrite } from "@/lib/disclosure/public-proxy";

// Listing, keyset pages and the visibility rule of every state. The cache is off here so
// each assertion sees the database; public-cache.test.ts covers the cache.

let o: DisclosureOrg;
let parent: { id: string; code: string };
let child: { id: string; code: string };
let pdf: Buffer;

const at = (iso: string) => new Date(iso);

async function draft(categoryId: string, values: Record<string, unknown> = {}, by: SessionUser = o.clerk, now = new Date(), files?: { fileName: string; bytes: Uint8Array }[]) {
  return createItem(by, { values: itemValues(categoryId, values, now), files }, { now });
}

/** Creates and publishes an item at `now` through the real workflow. */
type Team = { clerk: SessionUser; reviewer: SessionUser; director: SessionUser };
let otherTeam: Team;

async function published(categoryId: string, values: Record<string, unknown> = {}, opts: { now?: Date; team?: Team; files?: { fileName: string; bytes: Uint8Array }[] } = {}) {
  const now = opts.now ?? new Date();
  const team = opts.team ?? o;
  const by = team.clerk;
  const c = await draft(categoryId, values, by, now, opts.files);
  await submitItem(by, c.id, { now });
  await reviewItem(team.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash }, { now });
  await signItem(team.director, c.id, { expectedRevisionHash: c.revisionHash }, { now });
  await publishItem(by, c.id, { expectedRevisionHash: c.revisionHash }, { now });
  return c;
}

function q(params: Record<string, string>): ListQuery {
  const r = parseListQuery(new URLSearchParams(params));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.query;
}

beforeAll(async () => {
  setCatalogueCacheEnabled(false);
  o = await makeDisclosureOrg(db());
  const tag = Date.now().toString(36).toUpperCase();
  parent = await db().category.create({ data: { code: `P${tag}`, name: "测试父分类" }, select: { id: true, code: true } });
  child = await db().category.create({ data: { code: `P${tag}01`, name: "测试子分类", parentId: parent.id }, select: { id: true, code: true } });
  pdf = await makeDemoPdf("Public catalogue test", ["attachment"]);
  otherTeam = {
    clerk: o.outsiderClerk,
    reviewer: await makeActor(["REVIEWER"], o.other.id),
    director: o.outsiderDirector,
  };
});

afterAll(async () => {
  await stopCatalogueListener();
});

describe("catalogue listing", () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    // Published on different days (2024 and 2025) in the parent, the child and another category.
    const p1 = await published(parent.id, { title: "父分类2024年信息" }, { now: at("2024-03-01T02:00:00Z") });
    const c1 = await published(child.id, { title: "子分类2024年信息" }, { now: at("2024-12-31T17:00:00Z") }); // 2025-01-01 in China
    const c2 = await published(child.id, { title: "子分类2025年信息" }, { now: at("2025-06-01T02:00:00Z") });
    const x1 = await published(o.category.id, { title: "其他分类信息" }, { now: at("2025-07-01T02:00:00Z") });
    const d1 = await published(child.id, { title: "教育局信息" }, { now: at("2025-08-01T02:00:00Z"), team: otherTeam });
    ids = { p1: p1.id, c1: c1.id, c2: c2.id, x1: x1.id, d1: d1.id };
  });

  it("a category includes its descendants, newest 发布日期 first", async () => {
    const r = await listPublicDisclosures(q({ category: parent.code }));
    expect(r.items.map((i) => i.id)).toEqual([ids.d1, ids.c2, ids.c1, ids.p1]);
    expect(r.total).toBe(4);
    const row = r.items[1];
    expect(row.title).toBe("子分类2025年信息");
    expect(row.category?.code).toBe(child.code);
    expect(row.department?.name).toBe(o.bureau.name);
    expect(row.indexNumber).toMatch(/\S/);
    const onlyChild = await listPublicDisclosures(q({ category: child.code }));
    expect(onlyChild.items.map((i) => i.id)).toEqual([ids.d1, ids.c2, ids.c1]);
  });

  it("filters by department and by year (in China time)", async () => {
    const dept = await listPublicDisclosures(q({ category: parent.code, department: o.bureau.code }));
    expect(dept.items.map((i) => i.id)).toEqual([ids.c2, ids.c1, ids.p1]);
    const y2025 = await listPublicDisclosures(q({ category: parent.code, year: "2025" }));
    expect(y2025.items.map((i) => i.id)).toEqual([ids.d1, ids.c2, ids.c1]);
    const y2024 = await listPublicDisclosures(q({ category: parent.code, year: "2024" }));
    expect(y2024.items.map((i) => i.id)).toEqual([ids.p1]);
    const unknown = await listPublicDisclosures(q({ category: "NOPE" }));
    expect(unknown).toMatchObject({ items: [], total: 0, filtersKnown: false });
  });

  it("keyset pages agree with numbered pages, both ways, and past the end is empty", async () => {
    const base = { category: parent.code, pageSize: "1" };
    const all = (await listPublicDisclosures(q({ category: parent.code }))).items.map((i) => i.id);
    const p1 = await listPublicDisclosures(q(base));
    expect(p1.items.map((i) => i.id)).toEqual([all[0]]);
    expect(p1.totalPages).toBe(4);
    expect(p1.prevCursor).toBeNull();
    const p2 = await listPublicDisclosures(q({ ...base, page: "2", after: p1.nextCursor! }));
    expect(p2.items.map((i) => i.id)).toEqual([all[1]]);
    const p3 = await listPublicDisclosures(q({ ...base, page: "3", after: p2.nextCursor! }));
    expect(p3.items.map((i) => i.id)).toEqual([all[2]]);
    const back = await listPublicDisclosures(q({ ...base, page: "2", before: p3.prevCursor! }));
    expect(back.items.map((i) => i.id)).toEqual([all[1]]);
    // Numbered pages without a cursor, from either end.
    for (let n = 1; n <= 4; n++) {
      const p = await listPublicDisclosures(q({ ...base, page: String(n) }));
      expect(p.items.map((i) => i.id)).toEqual([all[n - 1]]);
    }
    const two = await listPublicDisclosures(q({ category: parent.code, pageSize: "3", page: "2" }));
    expect(two.items.map((i) => i.id)).toEqual([all[3]]);
    const last = await listPublicDisclosures(q({ ...base, page: "4" }));
    expect(last.nextCursor).toBeNull();
    const beyond = await listPublicDisclosures(q({ ...base, page: "9" }));
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(4);
  });

  it("rejects bad parameters with Chinese field errors", () => {
    const r = parseListQuery(new URLSearchParams({ pageSize: "101", page: "0", year: "abc", after: "x" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.pageSize[0]).toContain("每页条数");
    expect(r.fieldErrors.page[0]).toContain("页码");
    expect(r.fieldErrors.year[0]).toContain("年份");
    expect(r.fieldErrors.after[0]).toContain("游标");
    // Empty form fields mean "all".
    expect(parseListQuery({ category: "", department: "", year: "" }).ok).toBe(true);
  });

  it("the newest items for the home page", async () => {
    const latest = await latestPublicDisclosures(3);
    expect(latest.map((i) => i.id)).toEqual([ids.d1, ids.x1, ids.c2]);
  });
});

describe("visibility of every state", () => {
  it("draft, pending, signed-off-but-unpublished and withheld items are never visible", async () => {
    const d = await draft(child.id, { title: "草稿信息" });
    const p = await draft(child.id, { title: "待审查信息" });
    await submitItem(o.clerk, p.id);
    const s = await draft(child.id, { title: "待发布信息" });
    await submitItem(o.clerk, s.id);
    await reviewItem(o.reviewer, s.id, { decision: "CLEAR", expectedRevisionHash: s.revisionHash });
    await signItem(o.director, s.id, { expectedRevisionHash: s.revisionHash });
    const w = await draft(child.id, { title: "不予公开信息" });
    await submitItem(o.clerk, w.id);
    await reviewItem(o.reviewer, w.id, { decision: "WITHHOLD", expectedRevisionHash: w.revisionHash, exemptions: ["THIRD_PARTY"], comment: "涉及个人隐私" });

    const listed = (await listPublicDisclosures(q({ category: child.code, pageSize: "100" }))).items.map((i) => i.id);
    for (const id of [d.id, p.id, s.id, w.id]) {
      expect(await getPublicItem(id)).toEqual({ view: "HIDDEN" });
      expect(listed).not.toContain(id);
    }
    expect(await getPublicItem("no-such-item")).toEqual({ view: "HIDDEN" });
    expect(await getPublicItem("../etc/passwd")).toEqual({ view: "HIDDEN" });
  });

  it("a published item shows the published revision, its metadata and attachments", async () => {
    const c = await published(child.id, { title: "有附件的信息", body: "<p>正文<script>alert(1)</script></p>" }, { files: [{ fileName: "预算表.pdf", bytes: pdf }] });
    const r = await getPublicItem(c.id);
    if (r.view !== "LIVE") throw new Error(r.view);
    expect(r).toMatchObject({ title: "有附件的信息", documentNumber: "青财预〔2025〕12号", validity: "VALID", disclosureMode: "PROACTIVE", disclosureScope: "PUBLIC" });
    expect(r.bodyHtml).toBe("<p>正文</p>");
    expect(r.category?.code).toBe(child.code);
    expect(r.attachments).toHaveLength(1);
    const a = r.attachments[0];
    expect(a).toMatchObject({ fileName: "预算表.pdf", kind: "PDF", mime: "application/pdf", size: pdf.length });

    const res = await filesGET(new Request("http://portal.test/x"), { params: Promise.resolve({ id: c.id, attachmentId: a.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''%E9%A2%84%E7%AE%97%E8%A1%A8.pdf");
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);

    // An attachment id of another item is not served under this item.
    const other = await published(child.id, {}, { files: [{ fileName: "其他.pdf", bytes: pdf }] });
    const otherAtt = (await getPublicItem(other.id)) as { attachments: { id: string }[] };
    expect(await getPublicAttachment(c.id, otherAtt.attachments[0].id)).toEqual({ view: "HIDDEN" });
    const foreign = await filesGET(new Request("http://portal.test/x"), { params: Promise.resolve({ id: c.id, attachmentId: otherAtt.attachments[0].id }) });
    expect(foreign.status).toBe(404);
  });

  it("发布错误 → 410, including the attachment; not listed", async () => {
    const c = await published(child.id, { title: "错误发布的信息" }, { files: [{ fileName: "错误.pdf", bytes: pdf }] });
    const live = (await getPublicItem(c.id)) as { attachments: { id: string }[] };
    await withdrawItem(o.director, c.id, { reason: "PUBLISHED_IN_ERROR", note: "误发" });
    const r = await getPublicItem(c.id);
    expect(r.view).toBe("GONE");
    expect(JSON.stringify(r)).not.toContain("错误发布的信息");
    const file = await filesGET(new Request("http://portal.test/x"), { params: Promise.resolve({ id: c.id, attachmentId: live.attachments[0].id }) });
    expect(file.status).toBe(410);
    expect(await file.text()).toContain("已撤回");
    const gone = await goneGET(new Request("http://portal.test/x"), { params: Promise.resolve({ id: c.id }) });
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toContain("text/html");
    const listed = (await listPublicDisclosures(q({ category: child.code, pageSize: "100" }))).items.map((i) => i.id);
    expect(listed).not.toContain(c.id);
    // The proxy helper rewrites the item URL itself to the 410 handler.
    const rw = await goneItemRewrite(new NextRequest(`http://portal.test/xxgk/items/${c.id}`));
    expect(rw?.headers.get("x-middleware-rewrite")).toBe(`http://portal.test/xxgk/items/${c.id}/gone`);
    expect(await goneItemRewrite(new NextRequest(`http://portal.test/xxgk/items/${live.attachments[0].id}`))).toBeNull();
  });

  it("已被替代 → points to the replacement", async () => {
    const old = await published(child.id, { title: "旧版办法" });
    const neu = await published(child.id, { title: "新版办法" });
    await withdrawItem(o.director, old.id, { reason: "SUPERSEDED", replacementItemId: neu.id, note: "已发布修订版" });
    const r = await getPublicItem(old.id);
    expect(r).toMatchObject({ view: "REPLACED", title: "旧版办法", note: "已发布修订版", replacement: { id: neu.id, title: "新版办法" } });
    // The gone URL does not claim a replaced item is gone.
    const gone = await goneGET(new Request("http://portal.test/x"), { params: Promise.resolve({ id: old.id }) });
    expect(gone.status).toBe(303);
  });

  it("已失效/废止 → the page stays with a notice", async () => {
    const c = await published(child.id, { title: "已失效的通知" });
    await withdrawItem(o.director, c.id, { reason: "EXPIRED", note: "有效期届满" });
    const r = await getPublicItem(c.id);
    expect(r).toMatchObject({ view: "NOTICE", title: "已失效的通知", withdrawal: { reason: "EXPIRED", note: "有效期届满" } });
  });
});
