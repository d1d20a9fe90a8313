// A micro-cache of whole public responses, in front of Next's request handler
// (scripts/server.ts). Design and trade-offs: docs/decisions/0005-page-cache.md.
//
// Only anonymous GETs of read-only public paths are cached, keyed by everything the
// response depends on (URL, the large-text/high-contrast cookies, gzip or not, the RSC
// request headers). Only complete 200 responses without Set-Cookie are kept. The cache is
// cleared by the same pg_notify that clears the data cache (lib/disclosure/public-cache.ts)
// and is used only while that LISTEN connection is up, so a withdrawn item is never
// served from memory after its withdrawal has committed.

import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { htmlClassFor, parseA11yPrefs } from "@/lib/site/a11y";

/** Paths whose responses are the same for every anonymous visitor. */
const CACHEABLE_PREFIXES = [
  "/xxgk",
  "/search",
  "/feed.xml",
  "/sitemap.xml",
  "/api/v1/disclosures",
  "/api/v1/departments",
  "/api/v1/leaders",
  "/api/v1/fees",
  "/api/v1/services",
];
/** Under the cacheable prefixes: files, photos and downloads stream or set their own headers. */
const EXCLUDED = [/^\/xxgk\/items\/[^/]+\/files\//, /^\/xxgk\/leaders\/photo\//, /^\/xxgk\/fees\/download/];
/** A staff session (next-auth) or an applicant's case cookie: the page may be personal. */
const PERSONAL_COOKIES = /(?:^|;\s*)(?:__Secure-|__Host-)?(?:next-auth\.session-token|ysqgk_case)[^=]*=/;
/** Request headers that select a different representation (Next's Vary list). */
const VARY_HEADERS = ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-router-state-tree", "next-url"];
/** Response headers never replayed from the cache. */
const HOP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
const CACHEABLE_TYPES = /^(text\/html|application\/json|application\/atom\+xml|application\/xml|text\/xml|text\/x-component)/;

export type CachedResponse = {
  status: number;
  headers: Array<[string, string | string[]]>;
  body: Buffer;
};

export type PageCacheOptions = {
  /** Budget for the cached bodies, in bytes. */
  maxBytes: number;
  /** Largest single response kept, in bytes. */
  maxEntryBytes: number;
  /** Safety net only: invalidation is by notification. */
  ttlMs: number;
};

export const DEFAULT_PAGE_CACHE: PageCacheOptions = {
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
  ttlMs: 5 * 60_000,
};

/**
 * The cache key of a request, or null when the request must go to Next (not a GET, a
 * personal session, a path that is not public and read-only).
 */
export function pageCacheKey(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if (method !== "GET" || !url) return null;
  const path = url.split("?")[0] ?? "";
  if (path !== "/" && !CACHEABLE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`))) return null;
  if (EXCLUDED.some((re) => re.test(path))) return null;
  const cookie = headerText(headers.cookie);
  if (PERSONAL_COOKIES.test(cookie)) return null;
  // Conditional and range requests are rare for pages; let Next answer them.
  if (headers.range || headers["if-none-match"] || headers["if-modified-since"]) return null;

  // The root layout renders these preferences into <html class>; nothing else about the
  // visitor reaches a public page.
  const a11y = htmlClassFor(parseA11yPrefs((name) => readCookie(cookie, name))) ?? "";
  const gzip = /\bgzip\b/.test(headerText(headers["accept-encoding"])) ? "gz" : "id";
  const vary = VARY_HEADERS.map((h) => headerText(headers[h])).join("\u0001");
  // eslint-disable-next-line no-control-regex -- \u0001 is the separator joined above
  const varyPart = vary.replace(/\u0001/g, "") ? createHash("sha1").update(vary).digest("base64url") : "";
  return `${url}\u0000${a11y}\u0000${gzip}\u0000${varyPart}`;
}

/** Whether a finished response may be stored. */
export function isStorable(status: number, headers: Record<string, unknown>, size: number, opts: PageCacheOptions): boolean {
  if (status !== 200 || size > opts.maxEntryBytes) return false;
  if (headers["set-cookie"] !== undefined) return false;
  const type = headerText(headers["content-type"] as string | string[] | undefined);
  if (!CACHEABLE_TYPES.test(type)) return false;
  // A page that asks not to be stored anywhere (e.g. a private notice) is respected; Next's
  // usual "private, no-cache, no-store" for dynamic pages addresses browsers, so only an
  // explicit opt-out header is honoured here.
  return headers["x-page-cache"] !== "off";
}

/** Response headers as they are replayed (hop-by-hop headers dropped). */
export function replayableHeaders(headers: Record<string, number | string | string[] | undefined>): Array<[string, string | string[]]> {
  const out: Array<[string, string | string[]]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_HEADERS.has(name.toLowerCase())) continue;
    out.push([name, typeof value === "number" ? String(value) : value]);
  }
  return out;
}

type Entry = { value: CachedResponse; expires: number };

/**
 * LRU of whole responses with a byte budget. It follows the generation counter of the data
 * cache (lib/disclosure/public-cache.ts), which moves on every invalidation, on a lost
 * listener and on its reconnection: a different generation empties this cache, and a
 * response whose render started under an older generation is not stored.
 */
export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = -1;
  hits = 0;
  misses = 0;

  constructor(private readonly opts: PageCacheOptions = DEFAULT_PAGE_CACHE) {}

  /** Brings the cache to `generation`, emptying it if that moved. */
  sync(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string, now = Date.now()): CachedResponse | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= now) {
      this.delete(key);
      return null;
    }
    // Refresh the LRU position (a Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /** Stores a response rendered entirely under `generation` (the one current when it began). */
  put(key: string, generation: number, value: CachedResponse, now = Date.now()): boolean {
    if (generation !== this.generation || value.body.length > this.opts.maxEntryBytes) return false;
    this.delete(key);
    this.entries.set(key, { value, expires: now + this.opts.ttlMs });
    this.bytes += value.body.length;
    for (const k of this.entries.keys()) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.delete(k);
    }
    return true;
  }

  status() {
    return { entries: this.entries.size, bytes: this.bytes, generation: this.generation, hits: this.hits, misses: this.misses };
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.value.body.length;
  }
}

function headerText(v: string | string[] | undefined): string {
  return Array.isArray(v) ? v.join(", ") : (v ?? "");
}

function readCookie(cookie: string, name: string): string | undefined {
  for (const part of cookie.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}
