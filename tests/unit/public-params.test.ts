import { describe, expect, it } from "vitest";
import { chinaYearRange, decodeCursor, encodeCursor, pageWindow, publicViewOf } from "@/lib/disclosure/public-params";
import { contentDisposition, formatFileSize } from "@/lib/disclosure/public-format";

describe("public catalogue helpers", () => {
  it("round-trips keyset cursors and rejects junk", () => {
    const c = { publishedAt: new Date("2026-03-02T01:30:00.123Z"), id: "cmabc123" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ["", "x", "1.", ".abc", "1.a/b", "99999999999999999.a"]) expect(decodeCursor(bad)).toBeNull();
  });

  it("reads a page from the nearer end", () => {
    expect(pageWindow(1, 20, 100)).toEqual({ order: "desc", offset: 0, limit: 20 });
    expect(pageWindow(5, 20, 100)).toEqual({ order: "asc", offset: 0, limit: 20 });
    expect(pageWindow(5, 20, 95)).toEqual({ order: "asc", offset: 0, limit: 15 });
    expect(pageWindow(4, 20, 95)).toEqual({ order: "asc", offset: 15, limit: 20 });
    expect(pageWindow(6, 20, 100)).toBeNull();
  });

  it("years are China calendar years", () => {
    expect(chinaYearRange(2025)).toEqual({ from: new Date("2024-12-31T16:00:00Z"), to: new Date("2025-12-31T16:00:00Z") });
  });

  it("maps every state to its public view", () => {
    const base = { publishedRevisionId: "r", firstPublishedAt: new Date(), withdrawnPage: null };
    expect(publicViewOf({ ...base, state: "PUBLISHED" })).toBe("LIVE");
    expect(publicViewOf({ ...base, state: "PENDING_REVIEW" })).toBe("LIVE"); // new version in the workflow
    for (const state of ["DRAFT", "PENDING_REVIEW", "SCHEDULED", "WITHHELD"]) {
      expect(publicViewOf({ state, publishedRevisionId: null, firstPublishedAt: null, withdrawnPage: null })).toBe("HIDDEN");
    }
    expect(publicViewOf({ ...base, state: "WITHDRAWN", withdrawnPage: "GONE" })).toBe("GONE");
    expect(publicViewOf({ ...base, state: "WITHDRAWN", withdrawnPage: "REPLACED" })).toBe("REPLACED");
    expect(publicViewOf({ ...base, state: "WITHDRAWN", withdrawnPage: "NOTICE" })).toBe("NOTICE");
    expect(publicViewOf({ ...base, state: "WITHDRAWN", withdrawnPage: null })).toBe("GONE");
  });

  it("formats sizes and safe download headers", () => {
    expect(formatFileSize(500)).toBe("500 字节");
    expect(formatFileSize(48_213)).toBe("47 KB");
    expect(formatFileSize(3 * 1024 * 1024)).toBe("3.0 MB");
    const h = contentDisposition('预算"表\r\n.pdf', "pdf");
    expect(h).not.toMatch(/[\r\n]/);
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  });
});
