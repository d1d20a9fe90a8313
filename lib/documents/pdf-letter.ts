/**
 * An official letter (公文式告知书) as PDF, with pdfkit and the Noto CJK fonts
 * (see cjk-fonts.ts for which files): organ name as the red header and a red rule, the
 * title, the document number, the addressee, body paragraphs indented two
 * characters, the issuing organ and date at the right and a seal placeholder.
 */
import path from "node:path";
import { createRequire } from "node:module";
import type PDFKitType from "pdfkit";
import { formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import { resolveCjkFonts } from "./cjk-fonts";

export { MissingFontError } from "./cjk-fonts";

/**
 * pdfkit reads its own data files relative to its module, so it is loaded with
 * Node's require at run time rather than bundled (the specifier is not a
 * literal on purpose).
 */
function loadPdfKit(): typeof PDFKitType {
  const req = createRequire(path.join(process.cwd(), "package.json"));
  const name = process.env.PDFKIT_MODULE ?? "pdfkit";
  return req(name) as typeof PDFKitType;
}

export type LetterBlock =
  { kind: "p"; text: string } | { kind: "heading"; text: string } | { kind: "list"; items: string[] } | { kind: "small"; text: string };

export type LetterInput = {
  organName: string;
  title: string;
  documentNumber?: string;
  addressee?: string;
  blocks: LetterBlock[];
  signOrgan: string;
  date: CivilDate;
  /** Printed at the bottom, e.g. 申请编号 and contact. */
  footer?: string[];
  /** Metadata: PDF title / subject. */
  subject?: string;
};

const MM = 72 / 25.4;
// Parsing an 8 MB CJK font costs ~0.2 s of CPU; pdfkit accepts an opened fontkit font,
// which each document subsets on its own, so one parse per process serves every letter.
const fontCache = new Map<string, unknown>();
function openFont(file: string, face?: string): unknown {
  const key = `${file}#${face ?? ""}`;
  if (!fontCache.has(key)) {
    const req = createRequire(path.join(process.cwd(), "package.json"));
    const fontkit = createRequire(req.resolve(process.env.PDFKIT_MODULE ?? "pdfkit"))("fontkit") as {
      openSync(f: string, face?: string): unknown;
    };
    fontCache.set(key, fontkit.openSync(file, face));
  }
  return fontCache.get(key);
}

export async function renderLetterPdf(input: LetterInput): Promise<Buffer> {
  const fonts = resolveCjkFonts();
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    info: { Title: input.title, Subject: input.subject ?? input.title, Author: input.organName, Creator: "政府信息公开平台" },
    bufferPages: true,
  });
  // pdfkit accepts an opened fontkit font (its font factory checks for `layout`); its types do not say so.
  doc.registerFont("serif", openFont(fonts.serif.file, fonts.serif.face) as Buffer);
  doc.registerFont("sans", openFont(fonts.sans.file, fonts.sans.face) as Buffer);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const body = 15.5; // 三号 ≈ 16pt
  const gap = body * 0.75;

  // 版头: organ name in red, a red rule.
  doc
    .font("sans")
    .fontSize(24)
    .fillColor("#c00000")
    .text(input.organName, left, 20 * MM, { width, align: "center", characterSpacing: 2 });
  const ruleY = doc.y + 4;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(1.5)
    .strokeColor("#c00000")
    .stroke();
  doc.fillColor("black").strokeColor("black");
  doc.y = ruleY + 16;

  doc.font("sans").fontSize(20).text(input.title, left, doc.y, { width, align: "center" });
  if (input.documentNumber) {
    doc.moveDown(0.3);
    doc.font("serif").fontSize(body).text(input.documentNumber, left, doc.y, { width, align: "center" });
  }
  doc.moveDown(0.8);
  doc.font("serif").fontSize(body);
  if (input.addressee) doc.text(`${input.addressee}：`, left, doc.y, { width, lineGap: gap });

  for (const b of input.blocks) {
    switch (b.kind) {
      case "p":
        doc
          .font("serif")
          .fontSize(body)
          .text(b.text, left, doc.y, { width, indent: body * 2, lineGap: gap, align: "justify" });
        break;
      case "heading":
        doc
          .font("sans")
          .fontSize(body)
          .text(b.text, left, doc.y, { width, indent: body * 2, lineGap: gap });
        break;
      case "list":
        for (const item of b.items) {
          doc
            .font("serif")
            .fontSize(body)
            .text(item, left + body * 2, doc.y, { width: width - body * 2, lineGap: gap });
        }
        break;
      case "small":
        doc.font("serif").fontSize(12).text(b.text, left, doc.y, { width, indent: 24, lineGap: 6, align: "justify" });
        break;
    }
  }

  // 落款: organ, date, seal placeholder.
  doc.moveDown(2);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  const signWidth = 80 * MM;
  const signX = left + width - signWidth;
  const sealTop = doc.y - 10;
  doc.save();
  doc
    .dash(3, { space: 3 })
    .circle(signX + signWidth / 2, sealTop + 30, 22 * MM)
    .lineWidth(0.8)
    .strokeColor("#c00000")
    .stroke();
  doc.restore();
  doc
    .fillColor("#c00000")
    .font("serif")
    .fontSize(11)
    .text("（盖章处）", signX, sealTop + 4, { width: signWidth, align: "center" });
  doc.fillColor("black").font("serif").fontSize(body);
  doc.text(input.signOrgan, signX, sealTop + 26, { width: signWidth, align: "center" });
  doc.text(formatChineseDate(input.date), signX, doc.y + 4, { width: signWidth, align: "center" });

  if (input.footer?.length) {
    doc.moveDown(2);
    const y = doc.y;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor("black")
      .stroke();
    doc.font("serif").fontSize(11);
    doc.y = y + 6;
    for (const line of input.footer) doc.text(line, left, doc.y, { width, lineGap: 3 });
  }

  // Page numbers (— 1 —).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("serif")
      .fontSize(12)
      .text(`— ${i + 1} —`, left, doc.page.height - 22 * MM, { width, align: "center" });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
