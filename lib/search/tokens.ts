// Chinese-aware tokenisation for the search index and for queries (pure, no I/O).
//
// PostgreSQL's text search does not segment Chinese, so the application turns text into
// lexemes itself and hands PostgreSQL a ready-made tsvector. The text is cut into *units*:
// every Han character is one unit, every run of other letters/digits is one unit (NFKC-
// normalised and lower-cased, so full-width ２０２４ and half-width 2024 are the same).
// Punctuation and spaces — including the brackets of a 文号 〔〕[]（）() — only separate
// units; they never take a position, so "〔2024〕12号", "[2024]12号" and "2024 12号" all
// become the units 2024 · 12 · 号 at consecutive positions.
//
// For every unit the index stores, at the unit's position:
//   - the unit itself (single Han characters match 1-character queries such as 费);
//   - for two adjacent Han characters (no separator between), the bigram starting there
//     (收费, 低保 match whatever jieba made of the surrounding text);
//   - jieba's search-mode words of three or more characters starting there (城乡居民), which
//     help ranking; two-character words are bigrams already.
// A phrase is then a chain of lexemes at known distances (see query.ts).

import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

/** PostgreSQL tsvector limits: positions 1..16383, at most 256 positions per lexeme. */
export const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Longer letter/digit runs (hashes, base64 noise) are cut: lexemes must stay small. */
const MAX_WORD_CHARS = 40;

export type Weight = "A" | "B" | "C" | "D";

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Loads jieba's dictionary now (~0.3 s) rather than inside the first publication's
 * transaction; the server calls it at start-up (instrumentation.ts).
 */
export function warmSegmenter(): void {
  segmenter();
}

const HAN = /\p{Script=Han}/u;
// A Han character, or a run of other letters/digits.
const UNIT = /(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** NFKC + lower case: full-width letters, digits and brackets become their ASCII forms. */
export function normalizeText(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

export interface Unit {
  text: string;
  han: boolean;
  /** True when the previous unit ends right before this one (no separator between). */
  joined: boolean;
  /** Offset of the unit in the normalised string. */
  start: number;
}

/** Cuts already-normalised text into units. */
export function toUnits(normalized: string): Unit[] {
  const units: Unit[] = [];
  let prevEnd = -1;
  for (const m of normalized.matchAll(UNIT)) {
    const start = m.index;
    const [whole, hanChar, word = ""] = m;
    const han = hanChar !== undefined;
    const text = hanChar ?? word.slice(0, MAX_WORD_CHARS);
    units.push({ text, han, joined: start === prevEnd, start });
    prevEnd = start + whole.length;
  }
  return units;
}

/** Runs of Han units with no separator between them (a sentence fragment of Chinese). */
export function hanRuns(units: Unit[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let current: { from: number; to: number } | undefined;
  for (const [i, u] of units.entries()) {
    if (!u.han) current = undefined;
    else if (current && u.joined) current.to = i + 1;
    else runs.push((current = { from: i, to: i + 1 }));
  }
  return runs;
}

/** The overlapping two-character lexemes of a Han run, each at the index of its first unit. */
export function runBigrams(units: readonly Unit[], run: { from: number; to: number }): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let prev: Unit | undefined;
  for (const [k, u] of units.slice(run.from, run.to).entries()) {
    if (prev) out.push({ text: prev.text + u.text, at: run.from + k - 1 });
    prev = u;
  }
  return out;
}

/** jieba segmentation (precise mode) of a Han string, keeping only Han words. */
export function cutWords(han: string): string[] {
  return segmenter()
    .cut(han, true)
    .filter((w) => w.length > 0 && [...w].every((c) => HAN.test(c)));
}

/**
 * jieba words of three or more Han characters in `normalized`, with the index of the unit
 * each starts at. One precise-mode cut of the whole text (its words concatenate to the
 * input, so offsets are exact); words of four or more characters add their search-mode
 * sub-words of three or more (事业性 in 行政事业性). Two-character words are bigrams already.
 */
function longWords(normalized: string, units: Unit[]): { word: string; unit: number }[] {
  const unitAt = new Map<number, number>();
  units.forEach((u, i) => {
    if (u.han) unitAt.set(u.start, i);
  });
  const out: { word: string; unit: number }[] = [];
  let offset = 0;
  for (const w of segmenter().cut(normalized, true)) {
    const first = unitAt.get(offset);
    if (first !== undefined && w.length >= 3 && isHanWord(w)) {
      out.push({ word: w, unit: first });
      if (w.length >= 4) {
        for (const sub of segmenter().cutForSearch(w, true)) {
          if (sub.length < 3 || sub === w) continue;
          const rel = w.indexOf(sub);
          const u = unitAt.get(offset + rel);
          if (rel >= 0 && u !== undefined) out.push({ word: sub, unit: u });
        }
      }
    }
    offset += w.length;
  }
  return out;
}

function isHanWord(w: string): boolean {
  for (const c of w) if (!HAN.test(c)) return false;
  return true;
}

/**
 * Collects lexemes with positions and weights, then renders a tsvector literal. Fields are
 * added in order; a gap separates fields so a phrase never spans two of them.
 */
export class TsvectorBuilder {
  private readonly lexemes = new Map<string, Map<number, Weight>>();
  private next = 1;

  add(text: string | null | undefined, weight: Weight): this {
    if (!text) return this;
    const normalized = normalizeText(text);
    const units = toUnits(normalized);
    if (units.length === 0) return this;
    const base = this.next;
    const pos = (i: number) => Math.min(base + i, MAX_POSITION);
    units.forEach((u, i) => this.put(u.text, pos(i), weight));
    for (const run of hanRuns(units)) {
      for (const { text: bigram, at } of runBigrams(units, run)) this.put(bigram, pos(at), weight);
    }
    for (const { word, unit } of longWords(normalized, units)) this.put(word, pos(unit), weight);
    this.next = Math.min(base + units.length + 1, MAX_POSITION);
    return this;
  }

  private put(lexeme: string, position: number, weight: Weight) {
    let positions = this.lexemes.get(lexeme);
    if (!positions) this.lexemes.set(lexeme, (positions = new Map<number, Weight>()));
    const prev = positions.get(position);
    // Keep the strongest weight when a position repeats (A > B > C > D).
    if (prev === undefined || weight < prev) {
      if (prev === undefined && positions.size >= MAX_POSITIONS_PER_LEXEME) return;
      positions.set(position, weight);
    }
  }

  /** A copy to continue from (the head vector is a prefix of the full one). */
  clone(): TsvectorBuilder {
    const c = new TsvectorBuilder();
    for (const [lexeme, positions] of this.lexemes) c.lexemes.set(lexeme, new Map(positions));
    c.next = this.next;
    return c;
  }

  get size(): number {
    return this.lexemes.size;
  }

  /** The tsvector input syntax: 'lexeme':1A,7B … (lexemes quoted and escaped). */
  toString(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.lexemes) {
      const list = [...positions.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([p, w]) => (w === "D" ? `${p}` : `${p}${w}`))
        .join(",");
      parts.push(`${quoteLexeme(lexeme)}:${list}`);
    }
    return parts.join(" ");
  }
}

/** Quotes a lexeme for tsvector/tsquery input: '…' with ' and \ escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
