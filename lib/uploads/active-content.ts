// Finds active content in documents that are about to be published: Office macros and
// PDF scripts or launch actions. A government portal republishes attachments to every
// visitor, so a document that runs code when opened is refused, whatever its name says.
// Pure (no I/O); used by lib/disclosure/rules/attachment-type.ts and meant for every
// other upload path (lib/requests/add-attachment.ts).

import { constants, inflateSync } from "node:zlib";

/** Zip entries (OOXML) or OLE2 storages/streams that hold macros. */
export function officeMacroEntry(names: readonly string[]): string | null {
  for (const raw of names) {
    const n = raw.toLowerCase();
    const base = n.slice(n.lastIndexOf("/") + 1);
    // OOXML: word/vbaProject.bin, xl/vbaProject.bin, ppt/vbaProject.bin (and vbaData.xml);
    // Excel 4.0 (XLM) macro sheets live under xl/macrosheets/.
    if (base === "vbaproject.bin" || base === "vbadata.xml" || n.startsWith("xl/macrosheets/")) return raw;
    // OLE2: Word keeps VBA in the "Macros" storage, Excel in "_VBA_PROJECT_CUR", both with
    // a "VBA" storage and a "_VBA_PROJECT" stream inside.
    if (n === "macros" || n === "_vba_project_cur" || n === "_vba_project" || n === "vba") return raw;
  }
  return null;
}

/** Extensions of the macro-enabled Office formats. */
export const MACRO_EXTENSIONS = ["docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm"];

export type PdfActiveContent = "JAVASCRIPT" | "LAUNCH";

/** Largest amount of inflated stream data looked at (bounds the work a crafted file can cause). */
const MAX_INFLATED = 64 * 1024 * 1024;

/**
 * Whether a PDF holds JavaScript (/JS, /JavaScript) or a launch action (/Launch), in its
 * plain objects or inside Flate-compressed streams (object streams hide dictionaries
 * there). Names are compared after decoding #xx escapes ("/J#61vaScript").
 */
export function pdfActiveContent(bytes: Uint8Array): PdfActiveContent | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = scanPdfText(buf.toString("latin1"));
  if (found) return found;

  let budget = MAX_INFLATED;
  let pos = 0;
  for (;;) {
    const s = buf.indexOf("stream", pos, "latin1");
    if (s < 0) break;
    // "endstream" contains "stream": skip it.
    if (s >= 3 && buf.toString("latin1", s - 3, s) === "end") {
      pos = s + 6;
      continue;
    }
    let start = s + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf("endstream", start, "latin1");
    if (end < 0) break;
    pos = end + 9;
    // Only streams whose dictionary names FlateDecode (within the 1 KB before "stream").
    const dict = buf.toString("latin1", Math.max(0, s - 1024), s);
    if (!/\/FlateDecode|\/Fl\b/.test(decodeNames(dict.slice(dict.lastIndexOf("<<"))))) continue;
    if (budget <= 0) break;
    let text: string;
    try {
      const out = inflateSync(buf.subarray(start, end), {
        maxOutputLength: budget,
        finishFlush: constants.Z_SYNC_FLUSH /* tolerate a truncated stream */,
      });
      budget -= out.length;
      text = out.toString("latin1");
    } catch {
      continue; // damaged or over budget: what could be read was not active content
    }
    const hit = scanPdfText(text);
    if (hit) return hit;
  }
  return null;
}

function scanPdfText(text: string): PdfActiveContent | null {
  const t = decodeNames(text);
  // A name ends at whitespace or a delimiter: "/JSON" is not "/JS".
  if (/\/(?:JS|JavaScript)(?=[\s/<>[\]()%{}]|$)/.test(t)) return "JAVASCRIPT";
  if (/\/Launch(?=[\s/<>[\]()%{}]|$)/.test(t)) return "LAUNCH";
  return null;
}

function decodeNames(text: string): string {
  return text.includes("#")
    ? text.replace(/\/[^\s/<>[\]()%{}]*/g, (name) =>
        name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      )
    : text;
}
