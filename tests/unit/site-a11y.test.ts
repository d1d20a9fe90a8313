import { describe, expect, it } from "vitest";
import {
  A11Y_CONTRAST_COOKIE,
  A11Y_TEXT_COOKIE,
  backFromReferer,
  chooseBackPath,
  cookieChanges,
  htmlClassFor,
  parseA11yPrefs,
  parseA11yRequest,
  safeBackPath,
} from "@/lib/site/a11y";

describe("safeBackPath", () => {
  it("keeps same-origin paths with query and hash", () => {
    expect(safeBackPath("/")).toBe("/");
    expect(safeBackPath("/xxgk/catalog")).toBe("/xxgk/catalog");
    expect(safeBackPath("/search?q=%E9%A2%84%E7%AE%97&page=2")).toBe("/search?q=%E9%A2%84%E7%AE%97&page=2");
    expect(safeBackPath("/xxgk#top")).toBe("/xxgk#top");
  });

  it("encodes raw Chinese in the path rather than rejecting it", () => {
    expect(safeBackPath("/search?q=预算")).toBe("/search?q=%E9%A2%84%E7%AE%97");
  });

  it.each([
    null,
    undefined,
    "",
    "https://evil.example/",
    "http:/evil.example",
    "//evil.example/path",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "xxgk",
    " /xxgk",
    "/a11y?mode=large",
    "/a11y",
    "/" + "a".repeat(3000),
  ])("rejects %j", (back) => {
    expect(safeBackPath(back)).toBe("/");
  });

  it("resolves dot segments without leaving the origin", () => {
    expect(safeBackPath("/../../etc/passwd")).toBe("/etc/passwd");
    expect(safeBackPath("/./xxgk")).toBe("/xxgk");
  });
});

describe("backFromReferer", () => {
  it("uses the path and query of a referer from this host", () => {
    expect(backFromReferer("http://gov.test/xxgk?x=1", ["gov.test"])).toBe("/xxgk?x=1");
    expect(backFromReferer("https://GOV.test:8443/a", [null, "gov.test:8443"])).toBe("/a");
    expect(backFromReferer("https://www.gov.test/a", ["www.gov.test, proxy.internal", "127.0.0.1:3000"])).toBe("/a");
  });
  it("ignores foreign, missing or malformed referers", () => {
    expect(backFromReferer("https://evil.example/x", ["gov.test"])).toBeNull();
    expect(backFromReferer("http://gov.test/x", [null, undefined])).toBeNull();
    expect(backFromReferer(null, ["gov.test"])).toBeNull();
    expect(backFromReferer("not a url", ["gov.test"])).toBeNull();
    expect(backFromReferer("ftp://gov.test/x", ["gov.test"])).toBeNull();
  });
});

describe("parseA11yRequest / cookieChanges", () => {
  it("turns modes on by default and off with set=off", () => {
    expect(parseA11yRequest("large", null)).toEqual({ mode: "large", on: true });
    expect(parseA11yRequest("large", "off")).toEqual({ mode: "large", on: false });
    expect(parseA11yRequest("contrast", "on")).toEqual({ mode: "contrast", on: true });
  });
  it("rejects unknown modes", () => {
    expect(parseA11yRequest(null, null)).toBeNull();
    expect(parseA11yRequest("LARGE", null)).toBeNull();
    expect(parseA11yRequest("toggle", null)).toBeNull();
  });
  it("maps requests to cookie writes and deletions", () => {
    expect(cookieChanges({ mode: "large", on: true })).toEqual([{ name: A11Y_TEXT_COOKIE, value: "large" }]);
    expect(cookieChanges({ mode: "contrast", on: false })).toEqual([{ name: A11Y_CONTRAST_COOKIE, value: null }]);
    expect(cookieChanges(parseA11yRequest("reset", null)!)).toEqual([
      { name: A11Y_TEXT_COOKIE, value: null },
      { name: A11Y_CONTRAST_COOKIE, value: null },
    ]);
  });
});

describe("parseA11yPrefs / htmlClassFor", () => {
  const from = (jar: Record<string, string>) => parseA11yPrefs((n) => jar[n]);
  it("reads only the expected cookie values", () => {
    expect(from({})).toEqual({ largeText: false, highContrast: false });
    expect(from({ a11y_text: "large", a11y_contrast: "high" })).toEqual({ largeText: true, highContrast: true });
    expect(from({ a11y_text: "huge", a11y_contrast: "1" })).toEqual({ largeText: false, highContrast: false });
  });
  it("builds the <html> class list", () => {
    expect(htmlClassFor({ largeText: false, highContrast: false })).toBeUndefined();
    expect(htmlClassFor({ largeText: true, highContrast: false })).toBe("text-large");
    expect(htmlClassFor({ largeText: true, highContrast: true })).toBe("text-large contrast-high");
  });
});

describe("chooseBackPath", () => {
  it("takes the query string from a referer for the same path", () => {
    expect(chooseBackPath("/search", "/search?q=1")).toBe("/search?q=1");
  });
  it("prefers the form's path when the referer is for another page", () => {
    expect(chooseBackPath("/xxgk", "/search?q=1")).toBe("/xxgk");
  });
  it("falls back to the referer, then to the home page", () => {
    expect(chooseBackPath(null, "/xxgk?a=1")).toBe("/xxgk?a=1");
    expect(chooseBackPath(null, null)).toBe("/");
    expect(chooseBackPath("//evil.example", null)).toBe("/");
  });
});
