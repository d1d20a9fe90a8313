// Sanitizes the rich-text body of a disclosure item before it is stored and rendered.
//
// The body is written by staff (often pasted from Word) but shown to every visitor of a
// government site, so it is treated as hostile: an allow-list of plain document tags, no
// scripts, event handlers, frames, forms, style sheets, classes or ids (which could restyle
// or spoof the site's own UI, or clobber DOM globals), links only to http(s)/mailto/tel or
// relative addresses, and images only from http(s) or relative addresses (no data: URLs,
// which can smuggle SVG or be used for tracking-free phishing content).

import sanitizeHtml from "sanitize-html";

const BLOCK_STYLES = {
  "text-align": [/^(left|right|center|justify)$/],
  // Chinese official documents indent paragraphs by two characters.
  "text-indent": [/^(0|\d{1,2}(\.\d{1,2})?(em|px))$/],
  "font-weight": [/^(normal|bold|[1-9]00)$/],
  "text-decoration": [/^(none|underline|line-through)$/],
} satisfies Record<string, RegExp[]>;

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "u",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "blockquote",
    "span",
  ],
  allowedAttributes: {
    a: ["href"],
    img: ["src", "alt"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    "*": ["style"],
  },
  allowedStyles: { "*": BLOCK_STYLES },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  // "//host/x" silently leaves the site; an editor who means another site can write https:.
  allowProtocolRelative: false,
  // Word and older editors produce b/i/h1/h5; keep their meaning inside the allow-list
  // (h1 is the page title's, so document headings start at h2).
  transformTags: {
    b: "strong",
    i: "em",
    h1: "h2",
    h5: "h4",
    h6: "h4",
  },
  // Dropped tags keep their text, except these whose content is code or UI, not prose.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template", "iframe", "object", "svg", "math"],
  disallowedTagsMode: "discard",
};

/** Returns the body with everything outside the allow-list removed. Idempotent. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** True when the body has no visible text and no image (e.g. "<p><br></p>" from an editor). */
export function isBodyEmpty(html: string): boolean {
  const clean = sanitizeBody(html);
  if (/<img\b/i.test(clean)) return false;
  const text = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} });
  return text.replace(/&nbsp;|\s|\u00a0|\u3000/g, "").length === 0;
}

// Tags whose removal means the pasted body carried active or embedded content, not just
// formatting. Word's junk (class, mso-* styles, <o:p>, fonts) is dropped without comment.
const UNSAFE_TAGS = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "meta", "link"]);
const SCRIPT_URL = /^\s*(javascript|vbscript|data)\s*:/i;

/**
 * True when sanitizing `html` removes something unsafe: a script, frame or embedded
 * object, an event handler (onclick=…), or a javascript:/vbscript: address (or a data: link; data: images pasted from
 * Word are removed too, but are not called unsafe). The
 * save succeeds either way; the clerk is told so they check the cleaned body
 * (issue "Bad input": a clear message in Chinese rather than a silent change).
 */
export function hasUnsafeContent(html: string): boolean {
  let unsafe = false;
  sanitizeHtml(html, {
    ...SANITIZE_OPTIONS,
    onOpenTag(name, attribs) {
      if (unsafe) return;
      if (UNSAFE_TAGS.has(name.toLowerCase())) unsafe = true;
      for (const [k, v] of Object.entries(attribs)) {
        if (
          /^on/i.test(k) ||
          (k !== "src" && /^(href|action|formaction|xlink:href)$/i.test(k) && SCRIPT_URL.test(v)) ||
          (k === "src" && /^\s*(javascript|vbscript)\s*:/i.test(v))
        )
          unsafe = true;
      }
    },
  });
  return unsafe;
}
