import { describe, expect, it } from "vitest";
import { bestSnippet, markAll, partsToHtml } from "@/lib/search/snippet";

describe("bestSnippet", () => {
  it("picks the passage with the most distinct terms and marks them", () => {
    const text = "前言部分。" + "无关内容。".repeat(60) + "本办法规定最低生活保障的收费标准。" + "其他。".repeat(50);
    const parts = bestSnippet(text, ["最低生活保障", "收费"]);
    const marked = parts.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toEqual(["最低生活保障", "收费"]);
    expect(parts[0]?.text).toBe("…");
  });

  it("matches full-width digits against a half-width term and keeps the document's characters", () => {
    const parts = bestSnippet("青政办发〔２０２４〕12号", ["2024"]);
    expect(parts.find((p) => p.mark)?.text).toBe("２０２４");
  });

  it("escapes HTML in the API form", () => {
    const html = partsToHtml(markAll("<script>收费</script>", ["收费"]));
    expect(html).toBe("&lt;script&gt;<mark>收费</mark>&lt;/script&gt;");
  });

  it("shows the start of the text when nothing matches", () => {
    expect(bestSnippet("一二三", ["四"])).toEqual([{ text: "一二三", mark: false }]);
  });
});

describe("adjacent marks", () => {
  it("merge into one", () => {
    expect(markAll("关于最低生活保障的通知", ["最低", "生活", "保障"])).toEqual([
      { text: "关于", mark: false },
      { text: "最低生活保障", mark: true },
      { text: "的通知", mark: false },
    ]);
  });
});
