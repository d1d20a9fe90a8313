import PDFDocument from "pdfkit";

/** A small, real PDF (standard fonts, so Latin text only) for demo data and tests. */
export function makeDemoPdf(title: string, lines: string[] = []): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Producer: "gov-disclosure demo" }, compress: true });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(16).text(title);
    doc.moveDown();
    doc.font("Helvetica").fontSize(11);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}
