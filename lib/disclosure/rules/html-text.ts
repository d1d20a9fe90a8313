// Projects a rich-text body onto plain-text lines: one line per paragraph, heading, list
// item or table row. Used by the revision diff (reviewers compare what readers will see,
// plus every link target and image address, since a changed link is a changed disclosure)
// and usable for search indexing.
//
// The input is sanitized first. Sanitized output is regular — lowercase allow-listed tags,
// attribute values double-quoted with &, <, >, " escaped, and "<" escaped in text — which is
// what makes the small tokenizer below sufficient; it is not meant for arbitrary HTML.

import { sanitizeBody } from "./sanitize";

const BLOCK_TAGS = new Set(["p", "h2", "h3", "h4", "li", "tr", "table", "thead", "tbody", "ul", "ol", "blockquote"]);
const TOKEN = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;

export function htmlToTextLines(html: string): string[] {
  const clean = sanitizeBody(html);
  let out = "";
  let cellIndex = 0;
  const openLinks: (string | null)[] = [];

  for (const m of clean.matchAll(TOKEN)) {
    const [, closing, tag, rawAttrs, text] = m;
    if (text !== undefined) {
      out += decodeEntities(text).replace(/[\s\u00a0]+/g, " ");
      continue;
    }
    const attrs = parseAttributes(rawAttrs ?? "");
    if (tag === "br") {
      out += "\n";
    } else if (tag === "img") {
      const alt = attrs.alt ? `：${attrs.alt}` : "";
      out += `［图片${alt}（${attrs.src ?? ""}）］`;
    } else if (tag === "a") {
      if (!closing) openLinks.push(attrs.href ?? null);
      else {
        const href = openLinks.pop();
        if (href) out += `（链接：${href}）`;
      }
    } else if (tag === "td" || tag === "th") {
      if (!closing) out += cellIndex++ > 0 ? " | " : "";
    } else if (tag !== undefined && BLOCK_TAGS.has(tag)) {
      out += "\n";
      if (tag === "tr") cellIndex = 0;
      if (tag === "li" && !closing) out += "· ";
    }
  }

  return out
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line !== "·");
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, value] of raw.matchAll(ATTRIBUTE)) if (name !== undefined && value !== undefined) attrs[name] = decodeEntities(value);
  return attrs;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
