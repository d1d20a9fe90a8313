// Decides what an uploaded attachment really is, from its bytes, and refuses anything that
// is not one of the document formats a disclosure portal publishes — or whose name claims
// to be something it is not. The browser-supplied MIME type is never consulted: it comes
// from the file name on the uploader's machine and proves nothing.
//
// Containers are looked into, not guessed from: Word/Excel 97 files are OLE2 compound
// files told apart by the names in their directory ("WordDocument" / "Workbook"); DOCX,
// XLSX and OFD are zip files told apart by the names in the zip central directory.
//
// Published documents must not run code when opened: Office files with macros (a VBA
// project or Excel 4.0 macro sheets, whatever the extension) and PDFs with JavaScript or
// launch actions are refused (lib/uploads/active-content.ts).

import { readCfbEntryNames } from "./cfb-directory";
import { readZipEntryNames } from "./zip-directory";
import { MACRO_EXTENSIONS, officeMacroEntry, pdfActiveContent } from "@/lib/uploads/active-content";

export const ATTACHMENT_KINDS = ["PDF", "DOC", "DOCX", "XLS", "XLSX", "OFD", "JPG", "PNG"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_INFO: Readonly<
  Record<AttachmentKind, { label: string; mime: string; ext: string; extensions: readonly string[] }>
> = {
  PDF: { label: "PDF 文档", mime: "application/pdf", ext: "pdf", extensions: ["pdf"] },
  DOC: { label: "Word 文档", mime: "application/msword", ext: "doc", extensions: ["doc"] },
  DOCX: {
    label: "Word 文档",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
    extensions: ["docx"],
  },
  XLS: { label: "Excel 表格", mime: "application/vnd.ms-excel", ext: "xls", extensions: ["xls"] },
  XLSX: {
    label: "Excel 表格",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    extensions: ["xlsx"],
  },
  OFD: { label: "OFD 版式文档", mime: "application/ofd", ext: "ofd", extensions: ["ofd"] },
  JPG: { label: "JPEG 图片", mime: "image/jpeg", ext: "jpg", extensions: ["jpg", "jpeg"] },
  PNG: { label: "PNG 图片", mime: "image/png", ext: "png", extensions: ["png"] },
};

export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export type AttachmentRejection =
  | "EMPTY"
  | "TOO_LARGE"
  | "BAD_FILE_NAME"
  | "UNSUPPORTED_EXTENSION"
  | "EXECUTABLE"
  | "ENCRYPTED"
  | "MACROS"
  | "ACTIVE_CONTENT"
  | "UNRECOGNIZED_CONTENT"
  | "EXTENSION_MISMATCH";

export type AttachmentCheck =
  { ok: true; kind: AttachmentKind; mime: string; ext: string } | { ok: false; code: AttachmentRejection; message: string };

export interface AttachmentInput {
  fileName: string;
  bytes: Uint8Array;
  /** Defaults to 50 MB. */
  maxBytes?: number;
}

export function detectAttachmentType({ fileName, bytes, maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES }: AttachmentInput): AttachmentCheck {
  if (bytes.length === 0) return reject("EMPTY", "文件为空，请重新选择");
  if (bytes.length > maxBytes) {
    return reject("TOO_LARGE", `文件大小超过上限（${formatLimit(maxBytes)}），请压缩或拆分后上传`);
  }

  const name = fileName.trim();
  // Control characters and bidirectional overrides let "gpj.exe" display as "exe.jpg".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (name.length === 0 || /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) {
    return reject("BAD_FILE_NAME", "文件名包含不允许的字符，请修改文件名后上传");
  }
  const declaredExt = extensionOf(name);
  const declaredKind = ATTACHMENT_KINDS.find((k) => ATTACHMENT_KIND_INFO[k].extensions.includes(declaredExt));

  const sniffed = sniff(bytes);
  if (sniffed.type === "executable") {
    const disguise = declaredKind ? `，与扩展名“.${declaredExt}”不符` : "";
    return reject("EXECUTABLE", `该文件实际为可执行程序${disguise}，不允许上传`);
  }
  if (MACRO_EXTENSIONS.includes(declaredExt)) {
    return reject("MACROS", MACRO_MESSAGE);
  }
  if (!declaredKind) {
    return reject("UNSUPPORTED_EXTENSION", `不支持该文件类型${declaredExt ? `（.${declaredExt}）` : ""}，仅支持 ${allowedList()}`);
  }
  if (sniffed.type === "encrypted") {
    return reject("ENCRYPTED", "文件已加密或设置了打开密码，请取消密码后上传");
  }
  if (sniffed.type === "macros") return reject("MACROS", MACRO_MESSAGE);
  if (sniffed.type === "unknown") {
    return reject("UNRECOGNIZED_CONTENT", `无法识别文件内容，文件可能已损坏或并非${ATTACHMENT_KIND_INFO[declaredKind].label}`);
  }
  if (sniffed.kind !== declaredKind) {
    return reject(
      "EXTENSION_MISMATCH",
      `文件扩展名“.${declaredExt}”与实际内容（${ATTACHMENT_KIND_INFO[sniffed.kind].label}，.${ATTACHMENT_KIND_INFO[sniffed.kind].ext}）不符，请确认文件后重新上传`,
    );
  }
  if (sniffed.kind === "PDF") {
    const active = pdfActiveContent(bytes);
    if (active === "JAVASCRIPT") {
      return reject("ACTIVE_CONTENT", "该 PDF 文件含有 JavaScript 脚本，不允许发布，请用“打印为 PDF”或另存为 PDF/A 去除脚本后上传");
    }
    if (active === "LAUNCH") {
      return reject("ACTIVE_CONTENT", "该 PDF 文件含有启动外部程序的动作（Launch），不允许发布，请重新导出 PDF 后上传");
    }
  }
  const info = ATTACHMENT_KIND_INFO[sniffed.kind];
  return { ok: true, kind: sniffed.kind, mime: info.mime, ext: info.ext };
}

type Sniffed =
  { type: "known"; kind: AttachmentKind } | { type: "executable" } | { type: "encrypted" } | { type: "macros" } | { type: "unknown" };

const MACRO_MESSAGE = "该文件含有宏（VBA 或 Excel 4.0 宏），不允许发布，请另存为不含宏的 .docx / .xlsx 文件后上传";

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04", a local file header
const EXECUTABLES = [
  [0x4d, 0x5a], // "MZ": Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  [0x23, 0x21], // "#!" script
];

function sniff(bytes: Uint8Array): Sniffed {
  if (EXECUTABLES.some((sig) => startsWith(bytes, sig))) return { type: "executable" };
  if (startsWith(bytes, PDF)) return { type: "known", kind: "PDF" };
  if (startsWith(bytes, PNG)) return { type: "known", kind: "PNG" };
  if (startsWith(bytes, JPG)) return { type: "known", kind: "JPG" };
  if (startsWith(bytes, OLE2)) return sniffCfb(bytes);
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  return { type: "unknown" };
}

function sniffCfb(bytes: Uint8Array): Sniffed {
  const names = readCfbEntryNames(bytes);
  if (!names) return { type: "unknown" };
  // Password-protected DOCX/XLSX are stored inside an OLE2 container.
  if (names.includes("EncryptedPackage")) return { type: "encrypted" };
  if (officeMacroEntry(names)) return { type: "macros" };
  const hasWord = names.includes("WordDocument");
  const hasExcel = names.includes("Workbook") || names.includes("Book");
  if (hasWord && !hasExcel) return { type: "known", kind: "DOC" };
  if (hasExcel && !hasWord) return { type: "known", kind: "XLS" };
  return { type: "unknown" }; // PowerPoint, MSI, Outlook messages … or ambiguous
}

function sniffZip(bytes: Uint8Array): Sniffed {
  const names = readZipEntryNames(bytes);
  if (!names) return { type: "unknown" };
  if (officeMacroEntry(names)) return { type: "macros" };
  const hasWord = names.some((n) => n.startsWith("word/"));
  const hasExcel = names.some((n) => n.startsWith("xl/"));
  const hasOfd = names.includes("OFD.xml");
  const found = [hasWord && "DOCX", hasExcel && "XLSX", hasOfd && "OFD"].filter(Boolean) as AttachmentKind[];
  // A container claiming to be two formats at once is crafted, not produced by an editor.
  const only = found.length === 1 ? found[0] : undefined;
  return only ? { type: "known", kind: only } : { type: "unknown" };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function extensionOf(name: string): string {
  // Windows drops trailing dots and spaces, so "x.exe." is saved as "x.exe".
  const trimmed = name.replace(/[. ]+$/, "");
  const dot = trimmed.lastIndexOf(".");
  return dot > 0 ? trimmed.slice(dot + 1).toLowerCase() : "";
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function allowedList(): string {
  return [...new Set(ATTACHMENT_KINDS.flatMap((k) => ATTACHMENT_KIND_INFO[k].extensions))].map((e) => `.${e}`).join("、");
}

function reject(code: AttachmentRejection, message: string): AttachmentCheck {
  return { ok: false, code, message };
}
