import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_NAME, fallbackSiteSettings, psbRecordUrl, resolveSiteSettings } from "@/lib/site/settings-model";
import { mailtoHref, telHref } from "@/lib/site/format";

describe("resolveSiteSettings", () => {
  it("falls back when the row is missing", () => {
    const s = resolveSiteSettings(null, "甲县人民政府");
    expect(s).toMatchObject({ siteName: "甲县人民政府", hostOrg: "甲县人民政府", icpNo: "", isFallback: true });
    expect(resolveSiteSettings(undefined).siteName).toBe(DEFAULT_SITE_NAME);
  });

  it("uses the row, trimmed, and fills empty required values", () => {
    const s = resolveSiteSettings({
      siteName: "  乙县人民政府 ",
      hostOrg: "",
      organizerOrg: "乙县大数据中心",
      icpNo: " 乙ICP备1号 ",
      psbNo: "",
    });
    expect(s).toMatchObject({
      siteName: "乙县人民政府",
      hostOrg: "乙县人民政府",
      organizerOrg: "乙县大数据中心",
      icpNo: "乙ICP备1号",
      address: "",
      isFallback: false,
    });
  });

  it("never produces an empty site name", () => {
    expect(resolveSiteSettings({ siteName: "   " }, "  ").siteName).toBe(DEFAULT_SITE_NAME);
    expect(fallbackSiteSettings("").siteName).toBe(DEFAULT_SITE_NAME);
  });
});

describe("footer links", () => {
  it("builds the 公安机关备案 query link from the digits", () => {
    expect(psbRecordUrl("京公网安备 11010502000001号")).toBe("https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001");
    expect(psbRecordUrl("待备案")).toBeNull();
  });

  it("links single phone numbers and e-mail addresses only", () => {
    expect(telHref("0123-4567890")).toBe("tel:01234567890");
    expect(telHref("+86 10 1234 5678")).toBe("tel:+861012345678");
    expect(telHref("4567890、4567891")).toBeNull();
    expect(telHref("暂无")).toBeNull();
    expect(mailtoHref("xxgk@example.gov.cn")).toBe("mailto:xxgk@example.gov.cn");
    expect(mailtoHref("xxgk at example")).toBeNull();
  });
});
