import { describe, expect, it } from "vitest";
import { ariaCurrentFor, currentNavHref, isWithin, normalizePath, PUBLIC_NAV } from "@/lib/site/navigation";

describe("normalizePath / isWithin", () => {
  it("drops query, hash and trailing slashes", () => {
    expect(normalizePath("/xxgk/?a=1#b")).toBe("/xxgk");
    expect(normalizePath("")).toBe("/");
    expect(normalizePath("/")).toBe("/");
  });
  it("respects segment boundaries", () => {
    expect(isWithin("/xxgk/catalog/A01", "/xxgk/catalog")).toBe(true);
    expect(isWithin("/xxgkfoo", "/xxgk")).toBe(false);
    expect(isWithin("/xxgk", "/")).toBe(false);
  });
});

describe("currentNavHref", () => {
  it.each([
    ["/", "/"],
    ["/xxgk", "/xxgk"],
    ["/xxgk/", "/xxgk"],
    ["/xxgk/departments", "/xxgk"],
    ["/xxgk/guide", "/xxgk/guide"],
    ["/xxgk/catalog", "/xxgk/catalog"],
    ["/xxgk/catalog/A0101", "/xxgk/catalog"],
    ["/xxgk/annual-reports/2025", "/xxgk/annual-reports"],
    ["/ysqgk/apply", "/ysqgk"],
    ["/search", null],
    ["/ysqgkx", null],
  ])("%s → %s", (path, expected) => {
    expect(currentNavHref(path)).toBe(expected);
  });

  it("only ever marks one item", () => {
    for (const path of ["/", "/xxgk/catalog/A01", "/xxgk/departments", "/ysqgk"]) {
      expect(PUBLIC_NAV.filter((i) => ariaCurrentFor(path, i.href)).length).toBe(1);
    }
  });
});

describe("ariaCurrentFor", () => {
  it("is page on the item's own page and true below it", () => {
    expect(ariaCurrentFor("/xxgk/catalog", "/xxgk/catalog")).toBe("page");
    expect(ariaCurrentFor("/xxgk/catalog/A01", "/xxgk/catalog")).toBe("true");
    expect(ariaCurrentFor("/xxgk/catalog/A01", "/xxgk")).toBeUndefined();
    expect(ariaCurrentFor("/xxgk/catalog", "/")).toBeUndefined();
  });
});
