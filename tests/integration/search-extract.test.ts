import { describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import JSZip from "jszip";
import { db } from "@/lib/db/client";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { createDepartment } from "@/lib/seed/factories";
import { createSearchFixture } from "@/tests/helpers/search-fixtures";
import { runExtractionBatch } from "@/lib/search/extract/run-extraction";
import { extractPdfText } from "@/lib/search/extract/pdf";
import { parseSearchParams } from "@/lib/search/params";
import { searchDisclosures } from "@/lib/search/search";
import { resolveCjkFonts } from "@/lib/documents/cjk-fonts";

// These tests change the index without the workflow's notification: read the database directly.
setCatalogueCacheEnabled(false);

// The letters' font (system Noto CJK, else the bundled one): a Chinese PDF like the ones departments attach.
const FONT = resolveCjkFonts().sans;

function makePdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    (FONT.face ? doc.font(FONT.file, FONT.face) : doc.font(FONT.file)).fontSize(14);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}

async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

const search = async (q: string) => {
  const p = parseSearchParams({ q });
  if (!p.ok) throw new Error(p.error);
  return (await searchDisclosures(p.params)).items.map((h) => h.title);
};

describe("attachment text", () => {
  it("reads Chinese text from a real PDF", async () => {
    const text = await extractPdfText(await makePdf(["青山县耕地地力保护补贴发放名单", "第二批"]));
    expect(text.replace(/\s/g, "")).toContain("耕地地力保护补贴发放名单");
  });

  it("is extracted in the background and then found by search, for PDF and DOCX", async () => {
    const c = db();
    const dept = await createDepartment(c);
    const cat = await c.category.create({ data: { code: "E01", name: "涉农补贴" } });
    const files = new Map<string, Buffer>([
      ["pdf-1", await makePdf(["2026年耕地地力保护补贴发放名单", "张三 李四 王五"])],
      ["docx-1", await makeDocx(["村级公益事业一事一议财政奖补项目公示", "项目名称：道路硬化"])],
      ["broken-1", Buffer.from("%PDF-1.7 not really a pdf")],
    ]);
    const item = await createSearchFixture(c, {
      title: "关于公布补贴发放情况的通知",
      departmentId: dept.id,
      categoryId: cat.id,
      attachments: [
        { fileName: "发放名单.pdf", kind: "PDF", storageName: "pdf-1" },
        { fileName: "奖补项目.docx", kind: "DOCX", storageName: "docx-1" },
        { fileName: "损坏.pdf", kind: "PDF", storageName: "broken-1" },
        { fileName: "照片.jpg", kind: "JPG", storageName: "jpg-1" },
      ],
    });

    // Publishing queued the PDF/DOCX attachments and did not read them.
    const queued = await c.attachmentText.findMany({ where: { attachmentId: { in: item.attachmentIds } } });
    expect(queued.map((q) => q.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
    expect(await search("耕地地力")).toEqual([]);
    // The file name is indexed at once.
    expect(await search("发放名单")).toEqual(["关于公布补贴发放情况的通知"]);

    const r = await runExtractionBatch({ readStored: async (name) => files.get(name)! });
    expect(r).toMatchObject({ claimed: 3, done: 2, failed: 1 });
    expect(await search("耕地地力")).toEqual(["关于公布补贴发放情况的通知"]);
    expect(await search('"一事一议"')).toEqual(["关于公布补贴发放情况的通知"]);
    expect(await search("道路硬化")).toEqual(["关于公布补贴发放情况的通知"]);
    const hit = (await searchDisclosures({ q: "耕地地力", sort: "relevance", page: 1, pageSize: 20 })).items[0];
    expect(
      hit?.snippetParts
        .filter((p) => p.mark)
        .map((p) => p.text)
        .join(""),
    ).toContain("耕地");

    // The broken file is retried later, not immediately, and never blocks the others.
    const broken = await c.attachmentText.findUniqueOrThrow({ where: { attachmentId: item.attachmentIds[2] } });
    expect(broken.status).toBe("PENDING");
    expect(broken.error).not.toBe("");
    expect((await runExtractionBatch({ readStored: async (name) => files.get(name)! })).claimed).toBe(0);
  });
});
