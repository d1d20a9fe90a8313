import { describe, expect, it } from "vitest";
import { deflateSync } from "node:zlib";
import { detectAttachmentType, type AttachmentCheck } from "@/lib/disclosure/rules/attachment-type";

// ---------------------------------------------------------------------------------------
// Small real-format buffers, built here so the test shows exactly what is being detected
// ---------------------------------------------------------------------------------------

const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
};

const PDF = ascii("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
]);
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
// A DOS/PE header: "MZ", then the PE offset at 0x3C pointing to "PE\0\0".
const EXE = (() => {
  const b = new Uint8Array(256);
  b.set(ascii("MZ"), 0);
  b.set(ascii("This program cannot be run in DOS mode."), 0x4e);
  new DataView(b.buffer).setUint32(0x3c, 0x80, true);
  b.set(ascii("PE\0\0"), 0x80);
  return b;
})();
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Uint8Array) => {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A stored (uncompressed) zip with a proper central directory, optionally in ZIP64 form. */
function buildZip(entries: Record<string, string>, { comment = "", zip64 = false } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = ascii(name);
    const data = ascii(text);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);

    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);

    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = concat(...centrals);
  const count = Object.keys(entries).length;
  const commentBytes = ascii(comment);
  const eocd = new Uint8Array(22 + commentBytes.length);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, zip64 ? 0xffff : count, true);
  ev.setUint16(10, zip64 ? 0xffff : count, true);
  ev.setUint32(12, zip64 ? 0xffffffff : cd.length, true);
  ev.setUint32(16, zip64 ? 0xffffffff : offset, true);
  ev.setUint16(20, commentBytes.length, true);
  eocd.set(commentBytes, 22);
  if (!zip64) return concat(...locals, cd, eocd);

  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setUint16(12, 45, true);
  rv.setUint16(14, 45, true);
  rv.setBigUint64(24, BigInt(count), true);
  rv.setBigUint64(32, BigInt(count), true);
  rv.setBigUint64(40, BigInt(cd.length), true);
  rv.setBigUint64(48, BigInt(offset), true);
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  lv.setBigUint64(8, BigInt(offset + cd.length), true);
  lv.setUint32(16, 1, true);
  return concat(...locals, cd, record, locator, eocd);
}

const DOCX = buildZip({
  "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
  "_rels/.rels": "<Relationships/>",
  "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>",
});
const XLSX = buildZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet/>" });
const OFD = buildZip({ "OFD.xml": '<ofd:OFD DocType="OFD" Version="1.0"/>', "Doc_0/Document.xml": "<ofd:Document/>" });

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;

/**
 * An OLE2 compound file (512-byte sectors) with the given directory names. The FAT lives
 * in `fatSectors`; those past the header's 109 slots are listed in one DIFAT sector. The
 * directory occupies `dirChain` (4 entries per sector), linked through the FAT unless
 * `fatOverrides` says otherwise.
 */
function buildCfb(
  names: string[],
  {
    totalSectors = 2,
    fatSectors = [0],
    difatSector = null as number | null,
    dirChain = [1],
    fatOverrides = {},
  }: {
    totalSectors?: number;
    fatSectors?: number[];
    difatSector?: number | null;
    dirChain?: number[];
    fatOverrides?: Record<number, number>;
  } = {},
): Uint8Array {
  const bytes = new Uint8Array(512 * (totalSectors + 1));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, fatSectors.length, true);
  view.setUint32(0x30, dirChain[0]!, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, END_OF_CHAIN, true);
  view.setUint32(0x44, difatSector ?? END_OF_CHAIN, true);
  view.setUint32(0x48, difatSector === null ? 0 : 1, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, fatSectors[i] ?? FREE, true);

  const sectorOffset = (s: number) => (s + 1) * 512;
  const fat = new Map<number, number>();
  for (const s of fatSectors) fat.set(s, FAT_SECTOR);
  if (difatSector !== null) {
    fat.set(difatSector, DIFAT_SECTOR);
    const off = sectorOffset(difatSector);
    for (let i = 0; i < 127; i++) view.setUint32(off + i * 4, fatSectors[109 + i] ?? FREE, true);
    view.setUint32(off + 127 * 4, END_OF_CHAIN, true);
  }
  dirChain.forEach((s, i) => fat.set(s, dirChain[i + 1] ?? END_OF_CHAIN));
  for (const [s, next] of Object.entries(fatOverrides)) fat.set(Number(s), next);
  for (let s = 0; s < fatSectors.length * 128; s++) {
    const fatSector = fatSectors[Math.floor(s / 128)];
    view.setUint32(sectorOffset(fatSector!) + (s % 128) * 4, fat.get(s) ?? FREE, true);
  }

  const entries = ["Root Entry", ...names];
  entries.forEach((name, i) => {
    const sector = dirChain[Math.floor(i / 4)];
    const off = sectorOffset(sector!) + (i % 4) * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(off + c * 2, name.charCodeAt(c), true);
    view.setUint16(off + 0x40, (name.length + 1) * 2, true);
    bytes[off + 0x42] = i === 0 ? 5 : 2;
  });
  return bytes;
}

const DOC = buildCfb(["WordDocument", "1Table", "\u0005SummaryInformation"]);
const XLS = buildCfb(["Workbook", "\u0005SummaryInformation"]);

const check = (fileName: string, bytes: Uint8Array, maxBytes?: number) => detectAttachmentType({ fileName, bytes, maxBytes });
function expectRejected(result: AttachmentCheck, code: string, message?: RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  if (message) expect(result.message).toMatch(message);
}

// ---------------------------------------------------------------------------------------

describe("detectAttachmentType — accepted formats", () => {
  it.each([
    ["通知.pdf", PDF, "PDF", "application/pdf", "pdf"],
    ["扫描件.PDF", PDF, "PDF", "application/pdf", "pdf"],
    ["图.png", PNG, "PNG", "image/png", "png"],
    ["照片.jpg", JPG, "JPG", "image/jpeg", "jpg"],
    ["照片.JPEG", JPG, "JPG", "image/jpeg", "jpg"],
    ["通知.docx", DOCX, "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["预算表.xlsx", XLSX, "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
    ["公文.ofd", OFD, "OFD", "application/ofd", "ofd"],
    ["旧通知.doc", DOC, "DOC", "application/msword", "doc"],
    ["旧报表.xls", XLS, "XLS", "application/vnd.ms-excel", "xls"],
  ])("%s", (name, bytes, kind, mime, ext) => {
    expect(check(name, bytes)).toEqual({ ok: true, kind, mime, ext });
  });

  it("recognizes a zip holding only word/document.xml as DOCX", () => {
    expect(check("a.docx", buildZip({ "word/document.xml": "<w:document/>" }))).toMatchObject({ ok: true, kind: "DOCX" });
  });

  it("reads the central directory past a zip comment, and in ZIP64 form", () => {
    const entries = { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" };
    expect(check("a.docx", buildZip(entries, { comment: "PK\u0005\u0006 produced by WPS" }))).toMatchObject({ ok: true, kind: "DOCX" });
    expect(check("a.docx", buildZip(entries, { zip64: true }))).toMatchObject({ ok: true, kind: "DOCX" });
  });

  it("recognizes Excel 5 workbooks (stream named Book)", () => {
    expect(check("a.xls", buildCfb(["Book"]))).toMatchObject({ ok: true, kind: "XLS" });
  });

  it("follows a directory spread over several sectors", () => {
    const names = ["CompObj", "1Table", "Data", "ObjectPool", "WordDocument"]; // the 6th entry lands in sector 2
    const doc = buildCfb(names, { totalSectors: 3, dirChain: [1, 2] });
    expect(check("a.doc", doc)).toMatchObject({ ok: true, kind: "DOC" });
  });

  it("follows the DIFAT for large files whose FAT outgrows the header", () => {
    const fatSectors = Array.from({ length: 110 }, (_, i) => i);
    const dirSector = 109 * 128 + 5; // described by the 110th FAT sector, listed only in the DIFAT
    const doc = buildCfb(["WordDocument"], { totalSectors: dirSector + 1, fatSectors, difatSector: 110, dirChain: [dirSector] });
    expect(doc.length).toBeGreaterThan(7_000_000);
    expect(check("big.doc", doc)).toMatchObject({ ok: true, kind: "DOC" });
  });

  it("tolerates trailing dots and spaces in the name, as Windows does", () => {
    expect(check("通知.pdf. ", PDF)).toMatchObject({ ok: true, kind: "PDF" });
  });
});

describe("detectAttachmentType — disguised and unwanted files", () => {
  it("an .exe renamed .pdf is refused as an executable, in Chinese", () => {
    expectRejected(check("通知.pdf", EXE), "EXECUTABLE", /可执行程序.*“\.pdf”不符/);
  });

  it("executables are refused under any name", () => {
    expectRejected(check("setup.exe", EXE), "EXECUTABLE", /可执行程序，不允许上传/);
    expectRejected(check("图.png", ELF), "EXECUTABLE");
    expectRejected(check("run.docx", ascii("#!/bin/sh\nrm -rf /\n")), "EXECUTABLE");
  });

  it.each([
    ["图片.pdf", PNG, /“\.pdf”.*PNG 图片/],
    ["通知.pdf", DOCX, /Word 文档/],
    ["表.xlsx", DOCX, /“\.xlsx”.*Word 文档/],
    ["通知.doc", DOCX, /\.docx/],
    ["通知.docx", DOC, /\.doc）/],
    ["表.xls", DOC, /Word 文档/],
    ["公文.pdf", OFD, /OFD 版式文档/],
    ["照片.png", JPG, /JPEG 图片/],
  ])("%s with other content is a mismatch", (name, bytes, message) => {
    expectRejected(check(name, bytes), "EXTENSION_MISMATCH", message);
  });

  it("refuses zip files that are not DOCX/XLSX/OFD", () => {
    expectRejected(check("a.docx", buildZip({ "readme.txt": "hi" })), "UNRECOGNIZED_CONTENT", /无法识别/);
    expectRejected(check("a.docx", buildZip({ "ppt/presentation.xml": "<p/>" })), "UNRECOGNIZED_CONTENT");
    expectRejected(check("a.docx", buildZip({ "word/document.xml": "x", "xl/workbook.xml": "y" })), "UNRECOGNIZED_CONTENT");
    expectRejected(check("a.ofd", buildZip({ "Doc_0/OFD.xml": "x" })), "UNRECOGNIZED_CONTENT");
  });

  it("refuses other OLE2 files (PowerPoint, MSI) and password-protected Office files", () => {
    expectRejected(check("a.doc", buildCfb(["PowerPoint Document"])), "UNRECOGNIZED_CONTENT");
    expectRejected(check("a.docx", buildCfb(["EncryptionInfo", "EncryptedPackage"])), "ENCRYPTED", /密码/);
  });

  it("refuses text and HTML pretending to be documents", () => {
    expectRejected(check("通知.pdf", ascii("<html><script>alert(1)</script></html>")), "UNRECOGNIZED_CONTENT", /PDF 文档/);
    expectRejected(check("通知.pdf", ascii("\ufeff%PDF-1.7")), "UNRECOGNIZED_CONTENT");
  });

  it("survives malformed containers without hanging", () => {
    expectRejected(check("a.docx", DOCX.subarray(0, DOCX.length - 30)), "UNRECOGNIZED_CONTENT");
    expectRejected(check("a.docx", concat(DOCX, ascii("trailing"))), "UNRECOGNIZED_CONTENT");
    expectRejected(check("a.doc", DOC.subarray(0, 600)), "UNRECOGNIZED_CONTENT");
    const loop = buildCfb(["WordDocument"], { fatOverrides: { 1: 1 } }); // directory chain points to itself
    expectRejected(check("a.doc", loop), "UNRECOGNIZED_CONTENT");
    const wild = buildCfb(["WordDocument"], { fatOverrides: { 1: 999_999 } });
    expectRejected(check("a.doc", wild), "UNRECOGNIZED_CONTENT");
    const corruptCd = DOCX.slice();
    corruptCd[corruptCd.length - 22 + 16]! ^= 0xff; // central directory offset
    expectRejected(check("a.docx", corruptCd), "UNRECOGNIZED_CONTENT");
  });

  it("refuses unsupported or missing extensions", () => {
    expectRejected(
      check("notes.txt", ascii("hello")),
      "UNSUPPORTED_EXTENSION",
      /\.txt.*\.pdf、\.doc、\.docx、\.xls、\.xlsx、\.ofd、\.jpg、\.jpeg、\.png/,
    );
    expectRejected(check("通知", PDF), "UNSUPPORTED_EXTENSION");
    expectRejected(check(".pdf", PDF), "UNSUPPORTED_EXTENSION");
    expectRejected(check("通知.pdf.exe", PDF), "UNSUPPORTED_EXTENSION");
    expectRejected(check("a.svg", ascii("<svg onload=alert(1)>")), "UNSUPPORTED_EXTENSION");
  });

  it("refuses names that hide their real extension", () => {
    expectRejected(check("通知\u202Efdp.exe", PDF), "BAD_FILE_NAME"); // displays as 通知exe.pdf
    expectRejected(check("a\u0000.pdf", PDF), "BAD_FILE_NAME");
    expectRejected(check("   ", PDF), "BAD_FILE_NAME");
  });
});

describe("detectAttachmentType — size", () => {
  it("refuses empty files", () => {
    expectRejected(check("a.pdf", new Uint8Array(0)), "EMPTY", /为空/);
  });

  it("enforces the limit, 50 MB by default", () => {
    expectRejected(check("a.pdf", PDF, 10), "TOO_LARGE", /超过上限/);
    expect(check("a.pdf", PDF, PDF.length).ok).toBe(true);
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set(PDF);
    expectRejected(check("a.pdf", big), "TOO_LARGE", /50 MB/);
    expect(check("a.pdf", big.subarray(0, 50 * 1024 * 1024)).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// Active content (issue 13): macros and PDF scripts are refused for publication
// ---------------------------------------------------------------------------------------

const pdfWith = (body: string) => ascii(`%PDF-1.7\n1 0 obj\n${body}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
function pdfWithCompressed(objectText: string): Uint8Array {
  const data = deflateSync(Buffer.from(objectText, "latin1"));
  return concat(
    ascii(`%PDF-1.7\n2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length ${data.length} /Filter /FlateDecode >>\nstream\n`),
    data,
    ascii("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  );
}

describe("active content", () => {
  it("refuses OOXML files with a VBA project, whatever the extension says", () => {
    const docm = buildZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "word/vbaProject.bin": "VBA" });
    expectRejected(check("通知.docx", docm), "MACROS", /宏/);
    const xlsm = buildZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/vbaProject.bin": "VBA" });
    expectRejected(check("统计表.xlsx", xlsm), "MACROS", /宏/);
    const xlm = buildZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/macrosheets/sheet1.xml": "<xm/>" });
    expectRejected(check("统计表.xlsx", xlm), "MACROS");
  });

  it("refuses macro-enabled extensions with the macro message", () => {
    for (const name of ["a.docm", "a.xlsm", "a.pptm", "a.dotm"]) expectRejected(check(name, DOCX), "MACROS", /宏/);
  });

  it("refuses Word/Excel 97 files with VBA storages", () => {
    expectRejected(
      check("a.doc", buildCfb(["WordDocument", "1Table", "Macros", "VBA"], { totalSectors: 3, dirChain: [1, 2] })),
      "MACROS",
      /宏/,
    );
    expectRejected(check("a.xls", buildCfb(["Workbook", "_VBA_PROJECT_CUR", "VBA"])), "MACROS");
  });

  it("refuses PDFs with JavaScript or launch actions, also hidden in compressed or escaped names", () => {
    expectRejected(
      check("a.pdf", pdfWith("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>")),
      "ACTIVE_CONTENT",
      /JavaScript/,
    );
    expectRejected(check("a.pdf", pdfWith("<< /Type /Catalog /Names << /JavaScript 3 0 R >> >>")), "ACTIVE_CONTENT");
    expectRejected(check("a.pdf", pdfWith("<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>")), "ACTIVE_CONTENT", /Launch/);
    expectRejected(check("a.pdf", pdfWith("<< /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (x) >> >>")), "ACTIVE_CONTENT");
    expectRejected(check("a.pdf", pdfWithCompressed("3 0 << /S /JavaScript /JS (app.alert(1)) >>")), "ACTIVE_CONTENT");
  });

  it("still accepts ordinary documents (names that merely start alike are not scripts)", () => {
    expect(check("a.pdf", PDF)).toMatchObject({ ok: true, kind: "PDF" });
    expect(check("a.pdf", pdfWith("<< /Type /Catalog /JSON 1 /Launcher 2 >>"))).toMatchObject({ ok: true, kind: "PDF" });
    expect(check("a.pdf", pdfWithCompressed("3 0 << /Type /Page /Contents 4 0 R >>"))).toMatchObject({ ok: true, kind: "PDF" });
    expect(check("a.docx", DOCX)).toMatchObject({ ok: true, kind: "DOCX" });
    expect(check("a.doc", DOC)).toMatchObject({ ok: true, kind: "DOC" });
  });
});
