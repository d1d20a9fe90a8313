import { describe, expect, it } from "vitest";
import { PageCache, isStorable, pageCacheKey, replayableHeaders, type CachedResponse } from "@/lib/http/page-cache";

const opts = { maxBytes: 100, maxEntryBytes: 60, ttlMs: 1_000 };
const res = (n: number): CachedResponse => ({ status: 200, headers: [["content-type", "text/html"]], body: Buffer.alloc(n) });

describe("pageCacheKey", () => {
  it("caches anonymous GETs of public read-only pages", () => {
    for (const url of [
      "/",
      "/xxgk",
      "/xxgk/catalog/A07?page=3",
      "/xxgk/items/abc",
      "/search?q=低保",
      "/api/v1/disclosures?q=x",
      "/feed.xml",
    ]) {
      expect(pageCacheKey("GET", url, {}), url).not.toBeNull();
    }
  });

  it("never caches staff pages, forms, files, sessions or other methods", () => {
    expect(pageCacheKey("POST", "/xxgk", {})).toBeNull();
    expect(pageCacheKey("HEAD", "/xxgk", {})).toBeNull();
    for (const url of [
      "/admin",
      "/admin/disclosures",
      "/ysqgk/apply",
      "/ysqgk/track",
      "/a11y?mode=large",
      "/api/health",
      "/api/auth/session",
      "/api/v1/requests/X",
      "/xxgk/items/a/files/b",
      "/xxgk/leaders/photo/p",
      "/xxgk/fees/download?format=xlsx",
      "/xxgkfoo",
      "/searchx",
    ]) {
      expect(pageCacheKey("GET", url, {}), url).toBeNull();
    }
    expect(pageCacheKey("GET", "/xxgk", { cookie: "a=1; next-auth.session-token=abc" })).toBeNull();
    expect(pageCacheKey("GET", "/xxgk", { cookie: "__Secure-next-auth.session-token=abc" })).toBeNull();
    expect(pageCacheKey("GET", "/xxgk", { cookie: "ysqgk_case=t" })).toBeNull();
    expect(pageCacheKey("GET", "/xxgk", { range: "bytes=0-1" })).toBeNull();
  });

  it("separates every representation a visitor can get", () => {
    const plain = pageCacheKey("GET", "/xxgk", {});
    const large = pageCacheKey("GET", "/xxgk", { cookie: "a11y_text=large" });
    const contrast = pageCacheKey("GET", "/xxgk", { cookie: "a11y_contrast=high; other=1" });
    const gz = pageCacheKey("GET", "/xxgk", { "accept-encoding": "gzip, deflate, br" });
    const rsc = pageCacheKey("GET", "/xxgk", { rsc: "1", "next-router-state-tree": "%5B%22%22%5D" });
    const prefetch = pageCacheKey("GET", "/xxgk", { rsc: "1", "next-router-prefetch": "1", "next-router-state-tree": "%5B%22%22%5D" });
    expect(new Set([plain, large, contrast, gz, rsc, prefetch]).size).toBe(6);
    expect(pageCacheKey("GET", "/xxgk?page=2", {})).not.toBe(plain);
    // Cookies that do not change the page do not split the cache; junk a11y values mean "off".
    expect(pageCacheKey("GET", "/xxgk", { cookie: "_ga=1; a11y_text=junk" })).toBe(plain);
  });
});

describe("isStorable", () => {
  it("keeps complete 200 pages and API answers only", () => {
    expect(isStorable(200, { "content-type": "text/html; charset=utf-8" }, 10, opts)).toBe(true);
    expect(isStorable(200, { "content-type": "application/json" }, 10, opts)).toBe(true);
    expect(isStorable(200, { "content-type": "text/x-component" }, 10, opts)).toBe(true);
    expect(isStorable(404, { "content-type": "text/html" }, 10, opts)).toBe(false);
    expect(isStorable(410, { "content-type": "text/html" }, 10, opts)).toBe(false);
    expect(isStorable(200, { "content-type": "application/pdf" }, 10, opts)).toBe(false);
    expect(isStorable(200, { "content-type": "text/html", "set-cookie": ["a=1"] }, 10, opts)).toBe(false);
    expect(isStorable(200, { "content-type": "text/html" }, 61, opts)).toBe(false);
    expect(isStorable(200, { "content-type": "text/html", "x-page-cache": "off" }, 10, opts)).toBe(false);
  });

  it("drops hop-by-hop headers when replaying", () => {
    expect(
      replayableHeaders({ "content-type": "text/html", date: "x", "content-length": 5, connection: "keep-alive", vary: "RSC" }),
    ).toEqual([
      ["content-type", "text/html"],
      ["vary", "RSC"],
    ]);
  });
});

describe("PageCache", () => {
  it("serves what it stored until the generation moves", () => {
    const c = new PageCache(opts);
    c.sync(1);
    expect(c.put("a", 1, res(10))).toBe(true);
    expect(c.get("a")?.body.length).toBe(10);
    c.sync(1);
    expect(c.get("a")).not.toBeNull();
    c.sync(2);
    expect(c.get("a")).toBeNull();
  });

  it("does not store a response whose render began before an invalidation", () => {
    const c = new PageCache(opts);
    c.sync(5);
    const began = 5;
    c.sync(6); // a publication committed while the page was rendering
    expect(c.put("a", began, res(10))).toBe(false);
    expect(c.get("a")).toBeNull();
  });

  it("evicts the least recently used entries beyond the byte budget, and expires", () => {
    const c = new PageCache(opts);
    c.sync(0);
    c.put("a", 0, res(40), 0);
    c.put("b", 0, res(40), 0);
    expect(c.get("a", 1)).not.toBeNull(); // a is now the most recent
    c.put("c", 0, res(40), 0);
    expect(c.get("b", 1)).toBeNull();
    expect(c.get("a", 1)).not.toBeNull();
    expect(c.get("c", 1)).not.toBeNull();
    expect(c.status().bytes).toBe(80);
    expect(c.put("big", 0, res(61), 0)).toBe(false);
    expect(c.get("a", 1_000)).toBeNull();
  });
});
