// The citizen's query language and its translation into a tsquery (pure, no I/O).
//
//   低保 收费          both terms (AND)
//   "最低生活保障"      a phrase: the characters in this order, adjacent
//   -废止              exclude items containing the term (also -"…")
//   〔2024〕12号        文号/索引号 fragments: letters/digits/Han in sequence
//
// The user's text never reaches SQL as syntax: it is cut into units (tokens.ts), and the
// tsquery is assembled here from quoted lexemes that contain only letters, digits and Han
// characters; it is then passed to PostgreSQL as a bound parameter (`$1::tsquery`).

import { cutWords, hanRuns, runBigrams, normalizeText, quoteLexeme, toUnits, type Unit } from "./tokens";

/** Longer queries are cut (and the page says so); nobody types more into a search box. */
export const MAX_QUERY_CHARS = 100;
/** At most this many terms count; the rest are ignored (and the page says so). */
export const MAX_TERMS = 12;

export interface QueryTerm {
  text: string;
  phrase: boolean;
  exclude: boolean;
}

export interface ParsedQuery {
  /** The query as it will be shown back (trimmed, cut to MAX_QUERY_CHARS). */
  text: string;
  terms: QueryTerm[];
  /** True when the input was cut (too long or too many terms). */
  truncated: boolean;
}

const QUOTES = /["“”„「」『』]/;

/** Splits the raw input into terms: whitespace-separated, "…" phrases, leading - excludes. */
export function parseQuery(raw: string | null | undefined): ParsedQuery {
  const full = (raw ?? "")
    .normalize("NFKC")
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim();
  const chars = [...full];
  let truncated = chars.length > MAX_QUERY_CHARS;
  const text = truncated ? chars.slice(0, MAX_QUERY_CHARS).join("").trim() : full;

  const terms: QueryTerm[] = [];
  let i = 0;
  const s = text;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s.charAt(i))) i++;
    if (i >= s.length) break;
    let exclude = false;
    if (s.charAt(i) === "-" && i + 1 < s.length && !/\s/.test(s.charAt(i + 1))) {
      exclude = true;
      i++;
    }
    if (QUOTES.test(s.charAt(i))) {
      i++;
      const start = i;
      while (i < s.length && !QUOTES.test(s.charAt(i))) i++;
      const body = s.slice(start, i).trim();
      i++; // closing quote (or end of input)
      if (body) terms.push({ text: body, phrase: true, exclude });
    } else {
      const start = i;
      while (i < s.length && !/\s/.test(s.charAt(i)) && !QUOTES.test(s.charAt(i))) i++;
      const body = s.slice(start, i);
      if (body) terms.push({ text: body, phrase: false, exclude });
    }
  }

  // Terms that contain nothing searchable (only punctuation or tsquery syntax) are dropped.
  const useful = terms.filter((t) => toUnits(normalizeText(t.text)).length > 0);
  if (useful.length > MAX_TERMS) truncated = true;
  return { text, terms: useful.slice(0, MAX_TERMS), truncated };
}

// ---------------------------------------------------------------------------------------
// tsquery
// ---------------------------------------------------------------------------------------

/**
 * A chain of units as a phrase: adjacent Han characters become overlapping bigrams (at the
 * position of their first character), a lone Han character or a letter/digit run stands for
 * itself, and consecutive pieces are joined with <N>, N being their distance in units.
 */
function phraseOf(units: Unit[]): string {
  const pieces: { lexeme: string; at: number }[] = [];
  const runs = hanRuns(units);
  const runAt = new Map(runs.map((r) => [r.from, r]));
  for (let i = 0; i < units.length;) {
    const run = runAt.get(i);
    if (run && run.to - run.from >= 2) {
      for (const { text, at } of runBigrams(units, run)) pieces.push({ lexeme: text, at });
      i = run.to;
    } else {
      pieces.push({ lexeme: units[i]?.text ?? "", at: i });
      i++;
    }
  }
  let out = "";
  let prevAt = 0;
  for (const [k, piece] of pieces.entries()) {
    const d = piece.at - prevAt;
    out = k === 0 ? quoteLexeme(piece.lexeme) : `${out} ${d === 1 ? "<->" : `<${d}>`} ${quoteLexeme(piece.lexeme)}`;
    prevAt = piece.at;
  }
  return pieces.length > 1 ? `(${out})` : out;
}

/**
 * One plain term. Pure Chinese is segmented with jieba and its words are AND-ed: a one- or
 * two-character word is one lexeme; a longer word matches either as jieba's word or as
 * its characters in sequence (so a different segmentation in the document still matches).
 * Anything with letters or digits (文号, 索引号, "2026年") is matched as a sequence.
 */
function plainTerm(units: Unit[]): string {
  if (!units.every((u) => u.han)) return phraseOf(units);
  const runs = hanRuns(units);
  // Chinese separated by punctuation (低保、收费 or 低保&收费): each part is its own term.
  if (runs.length > 1) return `(${runs.map((r) => plainTerm(units.slice(r.from, r.to))).join(" & ")})`;
  const words = cutWords(units.map((u) => u.text).join(""));
  const parts = words.map((w) => {
    const chars = [...w];
    if (chars.length <= 2) return quoteLexeme(w);
    const seq = phraseOf(toUnits(w));
    return `(${quoteLexeme(w)} | ${seq})`;
  });
  return parts.length === 1 ? (parts[0] ?? "") : `(${parts.join(" & ")})`;
}

function termQuery(t: QueryTerm): string | null {
  const units = toUnits(normalizeText(t.text));
  if (units.length === 0) return null;
  return t.phrase ? phraseOf(units) : plainTerm(units);
}

/**
 * The tsquery text for a parsed query, or null when there is nothing to look for (no
 * terms, or only exclusions — "everything except X" is not a search).
 */
export function buildTsquery(q: ParsedQuery): string | null {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const t of q.terms) {
    const part = termQuery(t);
    if (!part) continue;
    (t.exclude ? negative : positive).push(part);
  }
  if (positive.length === 0) return null;
  return [...positive, ...negative.map((n) => `!${n}`)].join(" & ");
}

/**
 * The strings to mark in a snippet: for every positive term, its Han runs (or jieba words
 * for a plain Chinese term) and its letter/digit runs, normalised. Longest first.
 */
export function highlightTerms(q: ParsedQuery): string[] {
  const out = new Set<string>();
  for (const t of q.terms) {
    if (t.exclude) continue;
    const units = toUnits(normalizeText(t.text));
    const runs = hanRuns(units);
    const inRun = new Set<number>();
    for (const r of runs) {
      const han = units
        .slice(r.from, r.to)
        .map((u) => u.text)
        .join("");
      for (let k = r.from; k < r.to; k++) inRun.add(k);
      if (t.phrase) out.add(han);
      else for (const w of cutWords(han)) out.add(w);
    }
    units.forEach((u, k) => {
      if (!inRun.has(k)) out.add(u.text);
    });
  }
  return [...out].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}
