import { describe, expect, it } from "vitest";
import { TsvectorBuilder, normalizeText, toUnits } from "@/lib/search/tokens";

describe("search units", () => {
  it("treats every Han character and every letter/digit run as one unit, brackets as separators", () => {
    const units = toUnits(normalizeText("青政办发〔２０２４〕12号"));
    expect(units.map((u) => u.text)).toEqual(["青", "政", "办", "发", "2024", "12", "号"]);
    expect(units.map((u) => u.joined)).toEqual([false, true, true, true, false, false, true]);
  });

  it("normalises full-width letters and brackets", () => {
    expect(toUnits(normalizeText("（ＡＢｃ）[2024]")).map((u) => u.text)).toEqual(["abc", "2024"]);
  });
});

describe("TsvectorBuilder", () => {
  it("stores unigrams, bigrams and long jieba words with positions and weights", () => {
    const v = new TsvectorBuilder().add("城乡居民低保", "A").add("收费", "D").toString();
    expect(v).toContain("'城':1A");
    expect(v).toContain("'城乡':1A");
    expect(v).toContain("'低保':5A");
    expect(v).toContain("'城乡居民':1A");
    // The second field starts after a gap: 6 units + 1.
    expect(v).toMatch(/'收费':8( |$)/);
    expect(v).not.toContain("民低保'");
  });

  it("never makes a bigram across punctuation", () => {
    const v = new TsvectorBuilder().add("低，保", "C").toString();
    expect(v).not.toContain("'低保'");
  });

  it("escapes quotes and backslashes and never emits syntax characters", () => {
    const v = new TsvectorBuilder().add("a'b\\c & | ! ( ) : *", "B").toString();
    expect(v).toBe("'a':1B 'b':2B 'c':3B");
  });

  it("caps positions at PostgreSQL's limit", () => {
    const v = new TsvectorBuilder().add("字".repeat(20000), "D").toString();
    expect(v).toMatch(/'字':1,2,3/);
    expect(v).not.toMatch(/16384/);
  });
});
