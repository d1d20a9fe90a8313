// What goes into an item's search document (pure, no I/O): shared by syncSearchDocument
// and the bulk seeder, so both index exactly the same way.

import { TsvectorBuilder } from "./tokens";

/** Body + attachment text beyond this is not indexed (tsvector size; see docs/performance.md). */
export const MAX_INDEXED_TEXT_CHARS = 60_000;
/** Text kept for snippets. */
export const MAX_SNIPPET_SOURCE_CHARS = 20_000;

export interface SearchDocumentInput {
  title: string;
  documentNumber: string | null;
  indexNumber: string;
  keywords: readonly string[];
  summary: string;
  /** Plain text of the body (not HTML). */
  bodyText: string;
  /** Extracted attachment texts and attachment file names. */
  attachmentTexts: readonly string[];
  publishedAt: Date;
}

export interface BuiltSearchDocument {
  tsv: string;
  tsvHead: string;
  text: string;
  year: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar year in Asia/Shanghai (no DST there, a fixed +08:00). */
export function shanghaiYear(d: Date): number {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

export function buildSearchDocument(i: SearchDocumentInput): BuiltSearchDocument {
  const full = [i.bodyText, ...i.attachmentTexts].filter(Boolean).join("\n");
  const indexed = full.length > MAX_INDEXED_TEXT_CHARS ? full.slice(0, MAX_INDEXED_TEXT_CHARS) : full;
  const head = new TsvectorBuilder()
    .add(i.title, "A")
    .add(i.documentNumber, "B")
    .add(i.indexNumber, "B")
    .add(i.keywords.join(" "), "B")
    .add(i.summary, "C");
  const headText = head.toString();
  const all = head.clone().add(indexed, "D");
  return {
    tsv: all.toString(),
    tsvHead: headText,
    text: full.length > MAX_SNIPPET_SOURCE_CHARS ? full.slice(0, MAX_SNIPPET_SOURCE_CHARS) : full,
    year: shanghaiYear(i.publishedAt),
  };
}
