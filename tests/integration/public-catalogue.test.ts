import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { makeActor } from "@/tests/helpers/actors";
import { makeDisclosureOrg, itemValues, type DisclosureOrg } from "../helpers/disclosure-org";
import { createItem, editItem } from "@/lib/disclosure/save-item";
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

async function draft(
  categoryId: string,
  values: Record<string, unknown> = {},
  by: SessionUser = o.clerk,
  now = new Date(),
  files?: { fileName: string; bytes: Uint8Array }[],
) {
  return createItem(by, { values: itemValues(categoryId, values, now), files }, { now });
}

/** Creates and publishes an item at `now` through the real workflow. */
type Team = { clerk: SessionUser; reviewer: SessionUser; director: SessionUser };
let otherTeam: Team;

async function published(
  categoryId: string,
  values: Record<string, unknown> = {},
  opts: { now?: Date; team?: Team; files?: { fileName: string; bytes: Uint8Array }[] } = {},
) {
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
  child = await db().category.create({
    data: { code: `P${tag}01`, name: "测试子分类", parentId: parent.id },
    select: { id: true, code: true },
  });
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
  let ids: Record<"p1" | "c1" | "c2" | "x1" | "d1", string>;
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
    const row = r.items[1]!;
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
    expect(r.fieldErrors.pageSize?.[0]).toContain("每页条数");
    expect(r.fieldErrors.page?.[0]).toContain("页码");
    expect(r.fieldErrors.year?.[0]).toContain("年份");
    expect(r.fieldErrors.after?.[0]).toContain("游标");
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
    await reviewItem(o.reviewer, w.id, {
      decision: "WITHHOLD",
      expectedRevisionHash: w.revisionHash,
      exemptions: ["THIRD_PARTY"],
      comment: "涉及个人隐私",
    });

    const listed = (await listPublicDisclosures(q({ category: child.code, pageSize: "100" }))).items.map((i) => i.id);
    for (const id of [d.id, p.id, s.id, w.id]) {
      expect(await getPublicItem(id)).toEqual({ view: "HIDDEN" });
      expect(listed).not.toContain(id);
    }
    expect(await getPublicItem("no-such-item")).toEqual({ view: "HIDDEN" });
    expect(await getPublicItem("../etc/passwd")).toEqual({ view: "HIDDEN" });
  });

  it("attachments of drafts, pending, withheld and not-yet-published versions are never served", async () => {
    const files = [{ fileName: "内部材料.pdf", bytes: pdf }];
    const attOf = async (itemId: string) =>
      (await db().disclosureAttachment.findMany({ where: { itemId }, orderBy: { createdAt: "asc" } })).map((a) => a.id);
    const expectHidden = async (itemId: string, attachmentId: string) => {
      expect(await getPublicAttachment(itemId, attachmentId)).toEqual({ view: "HIDDEN" });
      const res = await filesGET(new Request("http://portal.test/x"), { params: Promise.resolve({ id: itemId, attachmentId }) });
      expect(res.status).toBe(404);
      expect(Buffer.from(await res.arrayBuffer()).includes(Buffer.from("%PDF"))).toBe(false);
    };

    const d = await draft(child.id, { title: "有附件的草稿" }, o.clerk, new Date(), files);
    await expectHidden(d.id, (await attOf(d.id))[0]!);

    const p = await draft(child.id, { title: "有附件的待签发信息" }, o.clerk, new Date(), files);
    await submitItem(o.clerk, p.id);
    await reviewItem(o.reviewer, p.id, { decision: "CLEAR", expectedRevisionHash: p.revisionHash });
    await signItem(o.director, p.id, { expectedRevisionHash: p.revisionHash });
    await expectHidden(p.id, (await attOf(p.id))[0]!);

    const w = await draft(child.id, { title: "有附件的不予公开信息" }, o.clerk, new Date(), files);
    await submitItem(o.clerk, w.id);
    await reviewItem(o.reviewer, w.id, { decision: "WITHHOLD", expectedRevisionHash: w.revisionHash, exemptions: ["PROCESS_INFO"] });
    await expectHidden(w.id, (await attOf(w.id))[0]!);

    // A file added in a new version stays private until that version is published; the
    // live version's file is still served meanwhile.
    const live = await published(child.id, { title: "新版本附件" }, { files });
    const liveFile = (await attOf(live.id))[0]!;
    await editItem(o.clerk, live.id, {
      values: itemValues(child.id, { title: "新版本附件" }),
      baseRevisionId: live.revisionId,
      keepAttachmentIds: [liveFile],
      files: [{ fileName: "新增附件.pdf", bytes: pdf }],
    });
    const newFile = (await attOf(live.id)).find((id) => id !== liveFile)!;
    await expectHidden(live.id, newFile);
    expect((await getPublicAttachment(live.id, liveFile)).view).toBe("LIVE");
  });

  it("部分公开: an attachment the reviewer left out of the redacted revision is never served", async () => {
    const c = await draft(child.id, { title: "部分公开附件" }, o.clerk, new Date(), [
      { fileName: "公开附件.pdf", bytes: pdf },
      { fileName: "含个人信息.pdf", bytes: pdf },
    ]);
    const atts = await db().disclosureRevisionAttachment.findMany({ where: { revisionId: c.revisionId }, orderBy: { sortOrder: "asc" } });
    const keep = atts[0]!.attachmentId;
    const drop = atts[1]!.attachmentId;
    await submitItem(o.clerk, c.id);
    await expect(
      reviewItem(o.reviewer, c.id, {
        decision: "PARTIAL",
        expectedRevisionHash: c.revisionHash,
        exemptions: ["THIRD_PARTY"],
        redactedBody: "<p>正文</p>",
        redactedAttachmentIds: ["not-an-attachment"],
      }),
    ).rejects.toThrow();
    await reviewItem(o.reviewer, c.id, {
      decision: "PARTIAL",
      expectedRevisionHash: c.revisionHash,
      exemptions: ["THIRD_PARTY"],
      redactedBody: "<p>根据《中华人民共和国预算法》有关规定，现将2025年度部门预算公开如下。</p>",
      redactedAttachmentIds: [keep],
    });
    const working = (await db().disclosureItem.findUniqueOrThrow({ where: { id: c.id }, include: { workingRevision: true } }))
      .workingRevision!;
    expect(working.redaction).toBe(true);
    await signItem(o.director, c.id, { expectedRevisionHash: working.hash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: working.hash });
    const r = await getPublicItem(c.id);
    if (r.view !== "LIVE") throw new Error(r.view);
    expect(r.attachments.map((a) => a.id)).toEqual([keep]);
    expect((await getPublicAttachment(c.id, keep)).view).toBe("LIVE");
    expect(await getPublicAttachment(c.id, drop)).toEqual({ view: "HIDDEN" });
  });

  it("解读 links both ways, and only to what is public", async () => {
    const policy = await published(child.id, { title: "某某政策文件" });
    const reading = await createItem(o.clerk, {
      values: itemValues(child.id, { title: "《某某政策文件》政策解读" }),
      interpretsItemId: policy.id,
    });
    // While the interpretation is unpublished, the policy page does not mention it.
    let p = await getPublicItem(policy.id);
    if (p.view !== "LIVE") throw new Error(p.view);
    expect(p.interpretations).toEqual([]);
    await submitItem(o.clerk, reading.id);
    await reviewItem(o.reviewer, reading.id, { decision: "CLEAR", expectedRevisionHash: reading.revisionHash });
    await signItem(o.director, reading.id, { expectedRevisionHash: reading.revisionHash });
    await publishItem(o.clerk, reading.id, { expectedRevisionHash: reading.revisionHash });
    p = await getPublicItem(policy.id);
    if (p.view !== "LIVE") throw new Error(p.view);
    expect(p.interpretations).toEqual([{ id: reading.id, title: "《某某政策文件》政策解读", indexNumber: reading.indexNumber }]);
    const r = await getPublicItem(reading.id);
    if (r.view !== "LIVE") throw new Error(r.view);
    expect(r.interprets).toMatchObject({ id: policy.id, title: "某某政策文件" });
    // Editing without naming the link keeps it on the new revision; the form's empty choice
    // clears it there. Either way the public pages keep the published revision's link.
    const values = itemValues(child.id, { title: "《某某政策文件》政策解读" });
    const workingOf = async () =>
      (await db().disclosureItem.findUniqueOrThrow({ where: { id: reading.id }, include: { workingRevision: true } })).workingRevision!;
    await editItem(o.clerk, reading.id, { values, baseRevisionId: reading.revisionId });
    const kept = await workingOf();
    expect(kept.id).not.toBe(reading.revisionId);
    expect(kept.interpretsItemId).toBe(policy.id);
    await editItem(o.clerk, reading.id, { values, baseRevisionId: kept.id, interpretsItemId: "" });
    expect((await workingOf()).interpretsItemId).toBeNull();
    p = await getPublicItem(policy.id);
    if (p.view !== "LIVE") throw new Error(p.view);
    expect(p.interpretations.map((x) => x.id)).toEqual([reading.id]);
    expect(await getPublicItem(reading.id)).toMatchObject({ interprets: { id: policy.id } });
  });

  it("有效性 已废止 / 已修改 shows the banner data with a link to the replacing item", async () => {
    const neu = await published(child.id, { title: "新办法" });
    const old = await published(child.id, { title: "旧办法", validity: "REPEALED", replacedById: neu.id });
    const r = await getPublicItem(old.id);
    if (r.view !== "LIVE") throw new Error(r.view);
    expect(r).toMatchObject({ validity: "REPEALED", replacedBy: { id: neu.id, title: "新办法" } });
    const amended = await published(child.id, { title: "被修改的办法", validity: "AMENDED", replacedById: neu.id });
    expect(await getPublicItem(amended.id)).toMatchObject({ validity: "AMENDED", replacedBy: { id: neu.id } });
    // Listed with its validity, so the catalogue row can mark it 【已废止】.
    const listed = (await listPublicDisclosures(q({ category: child.code, pageSize: "100" }))).items.find((i) => i.id === old.id);
    expect(listed?.validity).toBe("REPEALED");
  });

  it("a published item shows the published revision, its metadata and attachments", async () => {
    const c = await published(
      child.id,
      { title: "有附件的信息", body: "<p>正文<script>alert(1)</script></p>" },
      { files: [{ fileName: "预算表.pdf", bytes: pdf }] },
    );
    const r = await getPublicItem(c.id);
    if (r.view !== "LIVE") throw new Error(r.view);
    expect(r).toMatchObject({
      title: "有附件的信息",
      documentNumber: "青财预〔2025〕12号",
      validity: "VALID",
      disclosureMode: "PROACTIVE",
      disclosureScope: "PUBLIC",
    });
    expect(r.bodyHtml).toBe("<p>正文</p>");
    expect(r.category?.code).toBe(child.code);
    expect(r.attachments).toHaveLength(1);
    const a = r.attachments[0]!;
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
    expect(await getPublicAttachment(c.id, otherAtt.attachments[0]!.id)).toEqual({ view: "HIDDEN" });
    const foreign = await filesGET(new Request("http://portal.test/x"), {
      params: Promise.resolve({ id: c.id, attachmentId: otherAtt.attachments[0]!.id }),
    });
    expect(foreign.status).toBe(404);
  });

  it("发布错误 → 410, including the attachment; not listed", async () => {
    const c = await published(child.id, { title: "错误发布的信息" }, { files: [{ fileName: "错误.pdf", bytes: pdf }] });
    const live = (await getPublicItem(c.id)) as { attachments: { id: string }[] };
    await withdrawItem(o.director, c.id, { reason: "PUBLISHED_IN_ERROR", note: "误发" });
    const r = await getPublicItem(c.id);
    expect(r.view).toBe("GONE");
    expect(JSON.stringify(r)).not.toContain("错误发布的信息");
    const file = await filesGET(new Request("http://portal.test/x"), {
      params: Promise.resolve({ id: c.id, attachmentId: live.attachments[0]!.id }),
    });
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
    expect(await goneItemRewrite(new NextRequest(`http://portal.test/xxgk/items/${live.attachments[0]!.id}`))).toBeNull();
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
