// Highlighted snippets from the best-matching passage of a result (pure, no I/O).
//
// Matching runs on the normalised text (NFKC, lower case) so "２０２４" in the document
// matches "2024" in the query, while the snippet shows the document's own characters.

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WINDOW = 110;

function normalizedWithMap(original: string): { norm: string; map: number[] } {
  let norm = "";
  const map: number[] = []; // norm index → original index
  let i = 0;
  for (const ch of original) {
    const n = ch.normalize("NFKC").toLowerCase();
    for (let k = 0; k < n.length; k++) map.push(i);
    norm += n;
    i += ch.length;
  }
  map.push(original.length);
  return { norm, map };
}

interface Hit {
  start: number; // original offsets
  end: number;
  term: number;
}

function findHits(original: string, terms: string[]): Hit[] {
  const { norm, map } = normalizedWithMap(original);
  // map has one entry per normalised offset plus the end, so every lookup below is in range.
  const originalAt = (k: number) => map[k] ?? original.length;
  const hits: Hit[] = [];
  const taken = new Uint8Array(norm.length);
  terms.forEach((term, ti) => {
    if (!term) return;
    let from = 0;
    for (;;) {
      const at = norm.indexOf(term, from);
      if (at < 0 || hits.length > 2000) break;
      from = at + term.length;
      // Longer terms come first; skip overlaps with what is already marked.
      let free = true;
      for (let k = at; k < at + term.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = at; k < at + term.length; k++) taken[k] = 1;
      hits.push({ start: originalAt(at), end: originalAt(at + term.length), term: ti });
    }
  });
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The passage of about WINDOW characters with the most distinct terms (then the most hits),
 * cut into marked and unmarked parts. Without hits: the start of the text.
 */
export function bestSnippet(text: string, terms: string[], window = WINDOW): SnippetPart[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return [];
  const hits = findHits(clean, terms);
  if (hits.length === 0) {
    const cut = [...clean].slice(0, window).join("");
    return [{ text: cut + (cut.length < clean.length ? "…" : ""), mark: false }];
  }
  let best = { first: 0, score: -1 };
  hits.forEach((hit, i) => {
    const distinct = new Set<number>();
    let count = 0;
    for (let j = i; j < hits.length; j++) {
      const later = hits[j];
      if (!later || later.end - hit.start > window) break;
      distinct.add(later.term);
      count++;
    }
    const score = distinct.size * 1000 + count;
    if (score > best.score) best = { first: hit.start, score };
  });
  // Start a little before the first hit of the best window, at a sentence break if close.
  const first = best.first;
  let start = Math.max(0, first - 20);
  const stop = clean.slice(start, first).search(/[。；！？;!?]\s*[^。；！？;!?]*$/);
  if (stop >= 0) start = start + stop + 1;
  while (start > 0 && start < clean.length && /\s/.test(clean.charAt(start))) start++;
  const end = Math.min(clean.length, start + window);

  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: "…", mark: false });
  let at = start;
  for (const h of hits) {
    if (h.start < start || h.end > end) continue;
    if (h.start > at) parts.push({ text: clean.slice(at, h.start), mark: false });
    parts.push({ text: clean.slice(h.start, h.end), mark: true });
    at = h.end;
  }
  if (at < end) parts.push({ text: clean.slice(at, end), mark: false });
  if (end < clean.length) parts.push({ text: "…", mark: false });
  return mergeMarks(parts);
}

/** Adjacent marked words (最低 生活 保障) read better as one mark (最低生活保障). */
function mergeMarks(parts: SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.mark && p.mark) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Marks every occurrence of the terms in a short text (a title). */
export function markAll(text: string, terms: string[]): SnippetPart[] {
  const hits = findHits(text, terms);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) parts.push({ text: text.slice(at, h.start), mark: false });
    parts.push({ text: text.slice(h.start, h.end), mark: true });
    at = h.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return mergeMarks(parts);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** HTML for the API: escaped text with <mark> around the hits. */
export function partsToHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}
