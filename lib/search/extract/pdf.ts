// PDF → plain text with pdfjs-dist (legacy build, the one meant for Node). Runs in the
// background runner only, never in a request.

import path from "node:path";

function pdfjsAsset(dir: string): string {
  // Character maps (CJK PDFs using predefined CMaps) and the 14 standard fonts. Found from
  // the project root, not with require.resolve: in the Next server bundle Turbopack turns
  // require.resolve into a module number, which pdfjs then rejects as a path.
  return path.join(process.cwd(), "node_modules", "pdfjs-dist", dir) + path.sep;
}

export async function extractPdfText(bytes: Uint8Array, opts: { maxPages?: number } = {}): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of (detaches) the buffer
    cMapUrl: pdfjsAsset("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAsset("standard_fonts"),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages = Math.min(doc.numPages, opts.maxPages ?? 500);
    const out: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          out.push(line);
          line = "";
        }
      }
      if (line) out.push(line);
      page.cleanup();
    }
    return out.join("\n");
  } finally {
    await doc.destroy();
  }
}
