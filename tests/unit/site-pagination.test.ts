import { describe, expect, it } from "vitest";
import { clampPage, pageHref, pageSlots, parsePageParam } from "@/components/ui/pagination-model";

describe("pageSlots", () => {
  it("shows every page when there are few", () => {
    expect(pageSlots(1, 1)).toEqual([1]);
    expect(pageSlots(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  it("collapses long gaps into an ellipsis", () => {
    expect(pageSlots(1, 20)).toEqual([1, 2, "ellipsis", 20]);
    expect(pageSlots(10, 20)).toEqual([1, "ellipsis", 9, 10, 11, "ellipsis", 20]);
    expect(pageSlots(20, 20)).toEqual([1, "ellipsis", 19, 20]);
  });
  it("shows a single missing page instead of an ellipsis", () => {
    expect(pageSlots(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it("clamps out-of-range pages", () => {
    expect(pageSlots(99, 3)).toEqual([1, 2, 3]);
    expect(clampPage(Number.NaN, 3)).toBe(1);
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(7, 3)).toBe(3);
  });
});

describe("parsePageParam", () => {
  it("accepts positive integers only", () => {
    expect(parsePageParam("3")).toBe(3);
    expect(parsePageParam(["4", "5"])).toBe(4);
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("0")).toBe(1);
    expect(parsePageParam("-2")).toBe(1);
    expect(parsePageParam("2abc")).toBe(1);
    expect(parsePageParam("99999999999")).toBe(1);
  });
});

describe("pageHref", () => {
  it("keeps other params and drops the page param on page 1", () => {
    expect(pageHref("/search", 1, { q: "预算", page: "3" })).toBe("/search?q=%E9%A2%84%E7%AE%97");
    expect(pageHref("/search", 2, { q: "预算", year: ["2024", "2025"] })).toBe("/search?q=%E9%A2%84%E7%AE%97&year=2024&year=2025&page=2");
    expect(pageHref("/list", 3, {}, "p")).toBe("/list?p=3");
    expect(pageHref("/list", 1)).toBe("/list");
  });
});
