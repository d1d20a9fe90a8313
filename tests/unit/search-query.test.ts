import { describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS, buildTsquery, highlightTerms, parseQuery } from "@/lib/search/query";

const tsq = (s: string) => buildTsquery(parseQuery(s));

describe("parseQuery", () => {
  it("splits terms, phrases and exclusions", () => {
    const q = parseQuery(' 低保  "最低生活保障" -废止 -“临时救助” ');
    expect(q.terms).toEqual([
      { text: "低保", phrase: false, exclude: false },
      { text: "最低生活保障", phrase: true, exclude: false },
      { text: "废止", phrase: false, exclude: true },
      { text: "临时救助", phrase: true, exclude: true },
    ]);
  });

  it("cuts a huge query and says so", () => {
    const q = parseQuery("收费".repeat(1000));
    expect([...q.text].length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(q.truncated).toBe(true);
  });

  it("drops terms made only of syntax characters", () => {
    expect(parseQuery("& | ! ( ) : * ' \\ <->").terms).toEqual([]);
    expect(tsq("& | ! ( ) : * ' \\")).toBeNull();
  });
});

describe("buildTsquery", () => {
  it("uses one lexeme for one- and two-character terms", () => {
    expect(tsq("费")).toBe("'费'");
    expect(tsq("收费")).toBe("'收费'");
  });

  it("ANDs jieba words, a long word matching as itself or as a character chain", () => {
    expect(tsq("低保 收费")).toBe("'低保' & '收费'");
    expect(tsq("城乡居民")).toBe("('城乡居民' | ('城乡' <-> '乡居' <-> '居民'))");
  });

  it("matches 文号 fragments in any bracket style as a sequence", () => {
    const a = tsq("〔2024〕12号");
    expect(a).toBe("('2024' <-> '12' <-> '号')");
    expect(tsq("[2024]12号")).toBe(a);
    expect(tsq("（２０２４）12号")).toBe(a);
    expect(tsq("2024 12号")).toBe("'2024' & ('12' <-> '号')");
    expect(tsq("青政办发〔2024〕12号")).toBe("('青政' <-> '政办' <-> '办发' <2> '2024' <-> '12' <-> '号')");
  });

  it("makes phrases and exclusions", () => {
    expect(tsq('"最低生活保障" -废止')).toBe("('最低' <-> '低生' <-> '生活' <-> '活保' <-> '保障') & !'废止'");
  });

  it("refuses a query of exclusions only", () => {
    expect(tsq("-废止")).toBeNull();
  });

  it("escapes anything that could end a lexeme", () => {
    expect(tsq("o'neil")).toBe("('o' <-> 'neil')");
  });
});

describe("highlightTerms", () => {
  it("lists positive words longest first", () => {
    expect(highlightTerms(parseQuery('低保 "最低生活保障" 2024 -废止'))).toEqual(["最低生活保障", "2024", "低保"]);
  });
});
