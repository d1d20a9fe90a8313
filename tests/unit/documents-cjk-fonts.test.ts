import { describe, expect, it } from "vitest";
import { bundledSansFile, MissingFontError, resolveCjkFonts } from "@/lib/documents/cjk-fonts";
import { renderLetterPdf } from "@/lib/documents/pdf-letter";
import { extractPdfText } from "@/lib/search/extract/pdf";

const SYSTEM = ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"];

describe("choosing the letters' Chinese fonts", () => {
  it("prefers the system Noto CJK collections, with their face names", () => {
    const fonts = resolveCjkFonts({}, () => true, "/b.otf");
    expect(fonts.source).toBe("system");
    expect(fonts.serif).toEqual({ file: SYSTEM[0], face: "NotoSerifCJKsc-Regular" });
    expect(fonts.sans).toEqual({ file: SYSTEM[1], face: "NotoSansCJKsc-Regular" });
  });

  it("falls back to the font bundled through npm when the system has none", () => {
    const fonts = resolveCjkFonts({}, (f) => f === "/b.otf", "/b.otf");
    expect(fonts).toEqual({ serif: { file: "/b.otf" }, sans: { file: "/b.otf" }, source: "bundled" });
  });

  it("fails with a Chinese message naming what to install when there is no font at all", () => {
    expect(() => resolveCjkFonts({}, () => false, "/b.otf")).toThrow(MissingFontError);
    expect(() => resolveCjkFonts({}, () => false, null)).toThrow(/fonts-noto-cjk/);
  });

  it("uses configured files as given and refuses a configured file that is missing", () => {
    expect(resolveCjkFonts({ CJK_SERIF_FONT: "/x/song.ttf" }, () => true, null)).toEqual({
      serif: { file: "/x/song.ttf" },
      sans: { file: "/x/song.ttf" },
      source: "configured",
    });
    expect(() => resolveCjkFonts({ CJK_SERIF_FONT: "/x/song.ttf" }, (f) => f !== "/x/song.ttf", "/b.otf")).toThrow(/\/x\/song\.ttf/);
  });

  it("the bundled font is installed and writes a letter whose Chinese text can be read back", async () => {
    const file = bundledSansFile();
    expect(file).toMatch(/NotoSansHans-Regular\.otf$/);
    const before = process.env.CJK_SERIF_FONT;
    process.env.CJK_SERIF_FONT = file!;
    try {
      const pdf = await renderLetterPdf({
        organName: "青山县人民政府办公室",
        title: "政府信息公开申请答复书",
        documentNumber: "青政办依复〔2026〕12号",
        addressee: "张三：",
        blocks: [{ kind: "p", text: "本机关于2026年3月2日收到您的政府信息公开申请。" }],
        signOrgan: "青山县人民政府办公室",
        date: "2026-03-20",
      });
      const text = (await extractPdfText(pdf)).replace(/\s+/g, "");
      expect(text).toContain("政府信息公开申请答复书");
      expect(text).toContain("青政办依复〔2026〕12号");
      expect(text).toContain("本机关于2026年3月2日收到您的政府信息公开申请。");
      expect(text).toContain("2026年3月20日");
    } finally {
      if (before === undefined) delete process.env.CJK_SERIF_FONT;
      else process.env.CJK_SERIF_FONT = before;
    }
  });
});
