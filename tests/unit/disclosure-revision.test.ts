import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { htmlToTextLines } from "@/lib/disclosure/rules/html-text";
import { canonicalJson } from "@/lib/law/canonical-json";
import { diffRevisions, REVISION_CONTENT_FIELDS, revisionHash, type DiffRow, type RevisionContent } from "@/lib/disclosure/rules/revision";

const base: RevisionContent = {
  title: "关于印发2026年政府信息公开工作要点的通知",
  documentNumber: "杭教办〔2026〕3号",
  categoryId: "cat-policy",
  writtenOn: "2026-02-10",
  formedOn: "2026-02-12",
  summary: "明确2026年政府信息公开工作的重点任务。",
  body: "<p>各区、县（市）教育局：</p><p>现将工作要点印发给你们，请认真贯彻执行。</p>",
  keywords: ["政务公开", "工作要点"],
  disclosureMode: "PROACTIVE",
  disclosureScope: "PUBLIC",
  validity: "VALID",
  replacedById: null,
  tier: "GENERAL",
  negative: false,
  responsibleSection: "办公室",
  responsiblePerson: "李明",
  attachments: [{ fileName: "工作要点.pdf", sha256: "a".repeat(64), size: 204_800 }],
};

describe("canonicalJson", () => {
  it("is independent of key order, at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: "x" } })).toBe(
      canonicalJson({ a: { c: "x", d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("keeps array order, escapes strings as JSON and treats undefined properties as absent", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: 'x"\n中', b: undefined })).toBe('{"a":"x\\"\\n中"}');
    expect(canonicalJson({ a: null, t: true, n: -0.5 })).toBe('{"a":null,"n":-0.5,"t":true}');
  });

  it("refuses values JSON would silently change", () => {
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });

  it("accepts null-prototype objects", () => {
    const o = Object.assign(Object.create(null), { b: 1, a: 2 });
    expect(canonicalJson(o)).toBe('{"a":2,"b":1}');
  });
});

describe("revisionHash", () => {
  it("is a sha256 hex digest, stable across key order", () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as RevisionContent;
    expect(revisionHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionHash(reordered)).toBe(revisionHash(base));
  });

  it("is pinned, so an accidental change to the canonical form is noticed (it would void every approval)", () => {
    const expected = createHash("sha256")
      .update("gov-disclosure/revision/v1\n" + canonicalJson(Object.fromEntries(REVISION_CONTENT_FIELDS.map((f) => [f, base[f]]))))
      .digest("hex");
    expect(revisionHash(base)).toBe(expected);
  });

  describe("the 解读 link (interpretsItemId, added to the content after v1 approvals were recorded)", () => {
    // revisionHash(base) as computed before the link was part of the content: every approval
    // recorded so far is bound to a hash like this one, so it must not move.
    const V1_HASH_OF_BASE = "7a9fa70c0339b54c3400c70e199428f30ae2355bc48538d0dec370bd1185e39a";

    it("leaves the hash of content without a link exactly as before (no domain bump, no voided approvals)", () => {
      expect(revisionHash(base)).toBe(V1_HASH_OF_BASE);
      expect(revisionHash({ ...base, interpretsItemId: null })).toBe(V1_HASH_OF_BASE);
      expect(revisionHash({ ...base, interpretsItemId: undefined })).toBe(V1_HASH_OF_BASE);
      // The v1 recipe: domain, then the canonical JSON of the pre-link fields with null for absent values.
      const v1Fields = REVISION_CONTENT_FIELDS.filter((f) => f !== "interpretsItemId");
      const v1 = createHash("sha256")
        .update("gov-disclosure/revision/v1\n" + canonicalJson(Object.fromEntries(v1Fields.map((f) => [f, base[f] ?? null]))))
        .digest("hex");
      expect(v1).toBe(V1_HASH_OF_BASE);
    });

    it("changes the hash when a link is added, changed or removed", () => {
      const linkedA = revisionHash({ ...base, interpretsItemId: "item-policy-a" });
      const linkedB = revisionHash({ ...base, interpretsItemId: "item-policy-b" });
      expect(linkedA).not.toBe(V1_HASH_OF_BASE);
      expect(linkedB).not.toBe(V1_HASH_OF_BASE);
      expect(linkedB).not.toBe(linkedA);
      expect(revisionHash({ ...base, interpretsItemId: "item-policy-a" })).toBe(linkedA);
      // Hashed with its key, so it cannot be confused with another field holding the same id.
      expect(linkedA).not.toBe(revisionHash({ ...base, replacedById: "item-policy-a" }));
    });

    it("is listed in the diff as 所解读的信息, by display name", () => {
      const d = diffRevisions(
        { ...base, interpretsItemId: "item-a" },
        { ...base, interpretsItemId: "item-b" },
        { describeItem: (id) => `《${id}》` },
      );
      expect(d.changedFields).toEqual(["interpretsItemId"]);
      expect(byField(d, "interpretsItemId").label).toBe("所解读的信息");
      expect(render(byField(d, "interpretsItemId").rows)).toEqual([{ kind: "changed", left: "[-《item-a》-]", right: "{+《item-b》+}" }]);
      expect(render(byField(diffRevisions(base, { ...base, interpretsItemId: "item-a" }), "interpretsItemId").rows)).toEqual([
        { kind: "added", left: null, right: "{+item-a+}" },
      ]);
      expect(diffRevisions(base, { ...base, interpretsItemId: null }).changed).toBe(false);
    });
  });

  it("ignores bookkeeping fields that are not content", () => {
    const row = { ...base, id: "rev-9", authorId: "clerk-li", createdAt: new Date() } as RevisionContent;
    expect(revisionHash(row)).toBe(revisionHash(base));
  });

  it("changes with every content field, including tier and the 负面 flag", () => {
    const changes: Partial<RevisionContent>[] = [
      { title: base.title + "（修订）" },
      { documentNumber: null },
      { categoryId: "cat-other" },
      { writtenOn: "2026-02-11" },
      { formedOn: "2026-02-13" },
      { summary: "" },
      { body: "<p>x</p>" },
      { keywords: ["工作要点", "政务公开"] },
      { disclosureMode: "ON_REQUEST" },
      { disclosureScope: "SPECIFIC_GROUP" },
      { validity: "REPEALED", replacedById: "item-2" },
      { tier: "MAJOR" },
      { negative: true },
      { responsibleSection: "政策法规处" },
      { responsiblePerson: "王芳" },
      { attachments: [] },
      { attachments: [{ ...base.attachments[0]!, sha256: "b".repeat(64) }] },
      { interpretsItemId: "item-3" },
    ];
    const hashes = new Set([revisionHash(base), ...changes.map((c) => revisionHash({ ...base, ...c }))]);
    expect(hashes.size).toBe(changes.length + 1);
  });

  it("treats an undefined optional as null and hash case as irrelevant", () => {
    expect(revisionHash({ ...base, documentNumber: undefined as unknown as null })).toBe(revisionHash({ ...base, documentNumber: null }));
    const upper = { ...base, attachments: [{ ...base.attachments[0]!, sha256: "A".repeat(64) }] };
    expect(revisionHash(upper)).toBe(revisionHash(base));
  });
});

describe("htmlToTextLines", () => {
  it("gives one line per block, table rows as cells, links and images with their addresses", () => {
    const html =
      "<h2>一、总体要求</h2><p>坚持<strong>以公开为常态</strong>&amp;不公开为例外。<br />第二行</p>" +
      "<ul><li>第一条</li><li>第二条</li></ul>" +
      "<table><tbody><tr><th>项目</th><th>金额</th></tr><tr><td>教育</td><td>100</td></tr></tbody></table>" +
      '<p>详见<a href="https://www.hangzhou.gov.cn/a?x=1&amp;y=2">附件</a></p>' +
      '<p><img src="/files/chart.png" alt="统计图" /></p>';
    expect(htmlToTextLines(html)).toEqual([
      "一、总体要求",
      "坚持以公开为常态&不公开为例外。",
      "第二行",
      "· 第一条",
      "· 第二条",
      "项目 | 金额",
      "教育 | 100",
      "详见附件（链接：https://www.hangzhou.gov.cn/a?x=1&y=2）",
      "［图片：统计图（/files/chart.png）］",
    ]);
  });

  it("sanitizes first, so hostile markup never reaches the output as markup", () => {
    expect(htmlToTextLines('<p>a<script>alert(1)</script>b</p><p onclick="x">&lt;script&gt;</p>')).toEqual(["ab", "<script>"]);
  });

  it("drops empty paragraphs and collapses whitespace", () => {
    expect(htmlToTextLines("<p>  </p><p>a \n  b</p><p><br /></p>")).toEqual(["a b"]);
    expect(htmlToTextLines("")).toEqual([]);
  });
});

const byField = (d: ReturnType<typeof diffRevisions>, field: string) => d.fields.find((f) => f.field === field)!;
const render = (rows: DiffRow[]) =>
  rows.map((r) => ({
    kind: r.kind,
    left: r.left?.segments.map((s) => (s.op === "removed" ? `[-${s.text}-]` : s.text)).join("") ?? null,
    right: r.right?.segments.map((s) => (s.op === "added" ? `{+${s.text}+}` : s.text)).join("") ?? null,
  }));

describe("diffRevisions", () => {
  it("reports no change for equal content and lists every field in form order", () => {
    const d = diffRevisions(base, { ...base });
    expect(d.changed).toBe(false);
    expect(d.changedFields).toEqual([]);
    expect(d.fields.map((f) => f.field)).toEqual([...REVISION_CONTENT_FIELDS]);
    expect(byField(d, "title").label).toBe("标题");
    expect(byField(d, "title").rows).toEqual([
      {
        kind: "equal",
        left: { lineNo: 1, segments: [{ text: base.title, op: "equal" }] },
        right: { lineNo: 1, segments: [{ text: base.title, op: "equal" }] },
      },
    ]);
  });

  it("marks changed Chinese words inside a line, not the whole line", () => {
    const d = diffRevisions(base, { ...base, title: "关于印发2026年政府信息公开工作计划的通知" });
    expect(d.changedFields).toEqual(["title"]);
    expect(render(byField(d, "title").rows)).toEqual([
      { kind: "changed", left: "关于印发2026年政府信息公开工作[-要点-]的通知", right: "关于印发2026年政府信息公开工作{+计划+}的通知" },
    ]);
  });

  it("aligns body paragraphs side by side: changed, added and removed rows", () => {
    const after = {
      ...base,
      body: "<p>各区、县（市）教育局：</p><p>现将工作要点印发给你们，请结合实际认真贯彻执行。</p><p>特此通知。</p>",
    };
    const rows = byField(diffRevisions(base, after), "body").rows;
    expect(render(rows)).toEqual([
      { kind: "equal", left: "各区、县（市）教育局：", right: "各区、县（市）教育局：" },
      { kind: "changed", left: "现将工作要点印发给你们，请认真贯彻执行。", right: "现将工作要点印发给你们，请{+结合实际+}认真贯彻执行。" },
      { kind: "added", left: null, right: "{+特此通知。+}" },
    ]);
    expect(rows[2]!.right?.lineNo).toBe(3);

    const removed = byField(diffRevisions(after, base), "body").rows;
    expect(removed.map((r) => r.kind)).toEqual(["equal", "changed", "removed"]);
    expect(removed[2]).toMatchObject({ left: { lineNo: 3 }, right: null });
  });

  it("shows a changed link target as a change", () => {
    const before = { ...base, body: '<p><a href="https://a.gov.cn/1">附件</a></p>' };
    const after = { ...base, body: '<p><a href="https://a.gov.cn/2">附件</a></p>' };
    expect(diffRevisions(before, after).changedFields).toEqual(["body"]);
  });

  it("shows enums and flags by their Chinese labels", () => {
    const d = diffRevisions(base, {
      ...base,
      validity: "REPEALED",
      replacedById: "item-2",
      tier: "MAJOR",
      negative: true,
      disclosureScope: "SPECIFIC_GROUP",
    });
    expect(render(byField(d, "validity").rows)).toEqual([{ kind: "changed", left: "[-有效-]", right: "{+已废止+}" }]);
    expect(render(byField(d, "tier").rows)).toEqual([{ kind: "changed", left: "[-一般信息-]", right: "{+重大信息+}" }]);
    expect(render(byField(d, "negative").rows)).toEqual([{ kind: "changed", left: "[-否-]", right: "{+是+}" }]);
    expect(render(byField(d, "disclosureScope").rows)[0]!.right).toBe("{+特定群体+}");
    expect(render(byField(d, "replacedById").rows)).toEqual([{ kind: "added", left: null, right: "{+item-2+}" }]);
  });

  it("uses display names for ids when given", () => {
    const d = diffRevisions(
      base,
      { ...base, categoryId: "cat-budget", validity: "AMENDED", replacedById: "item-2" },
      {
        describeCategory: (id) => ({ "cat-policy": "规范性文件", "cat-budget": "财政预决算" })[id] ?? id,
        describeItem: (id) => `《${id}的标题》`,
      },
    );
    expect(render(byField(d, "categoryId").rows)).toEqual([{ kind: "changed", left: "[-规范性文件-]", right: "{+财政预决算+}" }]);
    expect(render(byField(d, "replacedById").rows)[0]!.right).toBe("{+《item-2的标题》+}");
  });

  it("diffs keywords as a list", () => {
    const d = diffRevisions(base, { ...base, keywords: ["政务公开", "年度计划", "教育"] });
    expect(render(byField(d, "keywords").rows)).toEqual([
      { kind: "equal", left: "政务公开", right: "政务公开" },
      { kind: "changed", left: "[-工作要点-]", right: "{+年度计划+}" },
      { kind: "added", left: null, right: "{+教育+}" },
    ]);
  });

  it("tells a replaced attachment file from an unchanged one even when the name is the same", () => {
    const same = diffRevisions(base, { ...base, attachments: [{ ...base.attachments[0]! }] });
    expect(same.changedFields).toEqual([]);
    const replaced = diffRevisions(base, { ...base, attachments: [{ ...base.attachments[0]!, sha256: "b".repeat(64) }] });
    const rows = byField(replaced, "attachments").rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe("changed");
    expect(render(rows)[0]!.left).toContain("aaaaaaaaaaaa");
    expect(render(rows)[0]!.right).toContain("bbbbbbbbbbbb");
    expect(render(rows)[0]!.left).toContain("200.0 KB");
  });

  it("a removed 文号 leaves an empty right cell", () => {
    const rows = byField(diffRevisions(base, { ...base, documentNumber: null }), "documentNumber").rows;
    expect(render(rows)).toEqual([{ kind: "removed", left: "[-杭教办〔2026〕3号-]", right: null }]);
  });

  it("multi-line summaries diff per line", () => {
    const rows = byField(
      diffRevisions({ ...base, summary: "第一行\n第二行" }, { ...base, summary: "第一行\n第三行\n第四行" }),
      "summary",
    ).rows;
    expect(rows.map((r) => r.kind)).toEqual(["equal", "changed", "added"]);
  });
});
