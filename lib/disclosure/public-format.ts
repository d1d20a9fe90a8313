// Display helpers of the public catalogue (dates in Asia/Shanghai, file sizes, labels). Pure.

import { ATTACHMENT_KIND_INFO } from "./rules/attachment-type";
import { DISCLOSURE_MODE_LABELS, DISCLOSURE_SCOPE_LABELS, VALIDITY_LABELS } from "./rules/validity";
import { WITHDRAWAL_REASON_LABELS } from "./rules/workflow-model";

const dateFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** "YYYY-MM-DD" of an instant, in China. */
export function chinaDate(d: Date): string {
  return dateFmt.format(d);
}

/** "2026年11月22日" from "YYYY-MM-DD" or an instant. */
export function chineseDate(d: Date | string): string {
  const s = typeof d === "string" ? d : chinaDate(d);
  const [y, m, day] = s.split("-").map(Number);
  return `${y}年${m}月${day}日`;
}

/** 1.2 MB / 340 KB / 12 字节. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The stored value is a plain string (it may predate an enum change): look it up as one, so an
// unknown value shows as itself instead of "undefined".
const labelOf = (labels: Readonly<Record<string, string>>, v: string): string => labels[v] ?? v;

export function validityLabel(v: string): string {
  return labelOf(VALIDITY_LABELS, v);
}
export function modeLabel(v: string): string {
  return labelOf(DISCLOSURE_MODE_LABELS, v);
}
export function scopeLabel(v: string): string {
  return labelOf(DISCLOSURE_SCOPE_LABELS, v);
}
export function withdrawalLabel(v: string): string {
  return labelOf(WITHDRAWAL_REASON_LABELS, v);
}
const KIND_INFO: Readonly<Record<string, { label: string } | undefined>> = ATTACHMENT_KIND_INFO;
export function attachmentKindLabel(kind: string): string {
  return KIND_INFO[kind]?.label ?? kind;
}

/**
 * Content-Disposition for a download: an ASCII fallback name plus the UTF-8 name (RFC 6266
 * / 5987), so Chinese file names survive and no header injection is possible.
 */
export function contentDisposition(fileName: string, fallbackExt: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must not reach the header
  const clean = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 200) || `file.${fallbackExt}`;
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
