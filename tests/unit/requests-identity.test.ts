import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  identityDocumentSchema,
  normalizeIdentityNumber,
  refineResidentIdNumber,
  refineUnifiedSocialCreditCode,
  residentIdCheckChar,
  residentIdNumberSchema,
  unifiedSocialCreditCodeSchema,
  usccCheckChar,
  validateResidentIdNumber,
  validateUnifiedSocialCreditCode,
} from "@/lib/requests/rules/identity";

// Check characters below were computed independently (GB 11643 / GB 32100 by hand-written script);
// the first of each is the example printed in the standards' commentaries.
const VALID_IDS = ["11010519491231002X", "440308199901101512", "11010120000229123X", "320106198001010011"];
const VALID_USCC = ["91350100M000100Y43", "91110000600037341L", "91440300MA5DC1LY8F", "12100000400000123X", "51110000500021676X"];

function message(r: { ok: boolean; message?: string }) {
  return r.ok ? null : r.message;
}

describe("normalizeIdentityNumber", () => {
  it("removes spaces, converts full-width characters and upper-cases", () => {
    expect(normalizeIdentityNumber(" 110105 19491231 002x ")).toBe("11010519491231002X");
    expect(normalizeIdentityNumber("１１０１０５１９４９１２３１００２ｘ")).toBe("11010519491231002X");
  });
});

describe("validateResidentIdNumber", () => {
  it.each(VALID_IDS)("accepts %s", (id) => {
    const r = validateResidentIdNumber(id);
    expect(r.ok).toBe(true);
  });

  it("returns the normalised number and birth date", () => {
    expect(validateResidentIdNumber("11010519491231002x")).toEqual({
      ok: true,
      value: "11010519491231002X",
      birthDate: "1949-12-31",
    });
  });

  it("computes the check character", () => {
    expect(residentIdCheckChar("11010519491231002")).toBe("X");
    expect(residentIdCheckChar("44030819990110151")).toBe("2");
    expect(() => residentIdCheckChar("1101051949123100")).toThrow(RangeError);
  });

  it("requires a value", () => {
    expect(message(validateResidentIdNumber("  "))).toBe("请填写身份证号码");
  });

  it("requires 18 characters (15-digit first-generation numbers are not accepted)", () => {
    expect(message(validateResidentIdNumber("110105491231002"))).toBe("身份证号码应为18位，当前为15位");
    expect(message(validateResidentIdNumber("11010519491231002X1"))).toBe("身份证号码应为18位，当前为19位");
  });

  it("allows X only in the last position", () => {
    expect(message(validateResidentIdNumber("1101051949123100X2"))).toBe("身份证号码前17位应为数字，最后一位为数字或字母X");
    expect(message(validateResidentIdNumber("11010519491231002A"))).toBe("身份证号码前17位应为数字，最后一位为数字或字母X");
  });

  it("checks the province code", () => {
    expect(message(validateResidentIdNumber("000105194912310024"))).toBe("身份证号码前两位的地区代码无效，请核对");
    expect(validateResidentIdNumber("810000199001011230").ok).toBe(true); // 港澳台居民居住证
    expect(validateResidentIdNumber("931156199001011236").ok).toBe(true); // foreigners' permanent residence ID
  });

  it("checks the birth date", () => {
    expect(message(validateResidentIdNumber("110105194913310021"))).toBe("身份证号码中的出生日期（第7至14位）无效，请核对");
    expect(message(validateResidentIdNumber("110105189912310023"))).toBe("身份证号码中的出生日期（第7至14位）无效，请核对");
    // 2026-02-29 does not exist (check character irrelevant: the date is checked first)
    expect(message(validateResidentIdNumber("110101202602291230"))).toMatch(/出生日期/);
  });

  it("rejects a birth date after today only when today is given", () => {
    expect(validateResidentIdNumber("110101202701010010").ok).toBe(true);
    expect(message(validateResidentIdNumber("110101202701010010", { today: "2026-06-01" }))).toBe("身份证号码中的出生日期晚于今天，请核对");
    expect(validateResidentIdNumber("650102202601010015", { today: "2026-01-01" }).ok).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(message(validateResidentIdNumber("110105194912310021"))).toBe("身份证号码校验位不正确，请核对是否输入有误");
  });

  it("catches every single-digit typo in a valid number", () => {
    const id = "440308199901101512";
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === id[i]) continue;
        const typo = `${id.slice(0, i)}${d}${id.slice(i + 1)}`;
        expect(validateResidentIdNumber(typo).ok, typo).toBe(false);
      }
    }
  });
});

describe("validateUnifiedSocialCreditCode", () => {
  it.each(VALID_USCC)("accepts %s", (code) => {
    expect(validateUnifiedSocialCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it("normalises case and spaces", () => {
    expect(validateUnifiedSocialCreditCode(" 91350100m000100y43 ")).toEqual({ ok: true, value: "91350100M000100Y43" });
  });

  it("computes the check character", () => {
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
    expect(usccCheckChar("91110000600037341")).toBe("L");
    expect(() => usccCheckChar("91350100I000100Y4")).toThrow(RangeError);
    expect(() => usccCheckChar("9135")).toThrow(RangeError);
  });

  it("requires a value of 18 characters", () => {
    expect(message(validateUnifiedSocialCreditCode(""))).toBe("请填写统一社会信用代码");
    expect(message(validateUnifiedSocialCreditCode("91350100M000100Y4"))).toBe("统一社会信用代码应为18位，当前为17位");
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the letter %s", (letter) => {
    const code = `91350100M000100${letter}43`;
    expect(message(validateUnifiedSocialCreditCode(code))).toBe(
      `统一社会信用代码含有无效字符“${letter}”（只使用数字和除I、O、Z、S、V以外的大写字母）`,
    );
  });

  it("rejects punctuation", () => {
    expect(message(validateUnifiedSocialCreditCode("91350100-000100Y43"))).toMatch(/无效字符“-”/);
  });

  it("requires digits in positions 3–8", () => {
    expect(message(validateUnifiedSocialCreditCode("9135A100M000100Y4Y"))).toBe("统一社会信用代码第3至8位应为行政区划代码（数字），请核对");
  });

  it("rejects a wrong check character", () => {
    expect(message(validateUnifiedSocialCreditCode("91350100M000100Y44"))).toBe("统一社会信用代码校验位不正确，请核对是否输入有误");
  });

  it("catches every single-character typo in a valid code", () => {
    const code = "91440300MA5DC1LY8F";
    const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (let i = 0; i < 17; i++) {
      for (const c of chars) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(validateUnifiedSocialCreditCode(typo).ok, typo).toBe(false);
      }
    }
  });
});

describe("zod schemas", () => {
  it("residentIdNumberSchema parses to the normalised number", () => {
    expect(residentIdNumberSchema().parse(" 11010519491231002x")).toBe("11010519491231002X");
  });

  it("residentIdNumberSchema reports Chinese messages", () => {
    const r = residentIdNumberSchema().safeParse("110105194912310021");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("身份证号码校验位不正确，请核对是否输入有误");
    expect(residentIdNumberSchema().safeParse(undefined).error?.issues[0]?.message).toBe("请填写身份证号码");
    expect(residentIdNumberSchema({ today: "2026-06-01" }).safeParse("110101202701010010").error?.issues[0]?.message).toBe(
      "身份证号码中的出生日期晚于今天，请核对",
    );
  });

  it("unifiedSocialCreditCodeSchema parses and reports", () => {
    expect(unifiedSocialCreditCodeSchema.parse("91350100m000100y43")).toBe("91350100M000100Y43");
    expect(unifiedSocialCreditCodeSchema.safeParse("91350100M000100Y44").error?.issues[0]?.message).toBe(
      "统一社会信用代码校验位不正确，请核对是否输入有误",
    );
  });

  it("refinements plug into an application form schema with field paths", () => {
    const form = z.object({
      name: z.string(),
      idNumber: z.string().superRefine(refineResidentIdNumber()),
      orgCode: z.string().superRefine(refineUnifiedSocialCreditCode),
    });
    const r = form.safeParse({ name: "张三", idNumber: "123", orgCode: "91350100M000100Y43" });
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ["idNumber"], message: "身份证号码应为18位，当前为3位" })]);
  });

  it("identityDocumentSchema validates by document type", () => {
    const schema = identityDocumentSchema();
    expect(schema.parse({ documentType: "RESIDENT_ID_CARD", number: "11010519491231002x" })).toEqual({
      documentType: "RESIDENT_ID_CARD",
      number: "11010519491231002X",
    });
    expect(schema.parse({ documentType: "UNIFIED_SOCIAL_CREDIT_CODE", number: "91110000600037341L" }).number).toBe("91110000600037341L");
    expect(schema.parse({ documentType: "OTHER", documentName: "护照", number: "e 1234 5678" })).toEqual({
      documentType: "OTHER",
      documentName: "护照",
      number: "E12345678",
    });
    expect(schema.safeParse({ documentType: "OTHER", documentName: " ", number: "" }).error?.issues.map((i) => i.message)).toEqual([
      "请填写证件名称",
      "请填写证件号码",
    ]);
    expect(schema.safeParse({ documentType: "PASSPORT", number: "x" }).error?.issues[0]?.message).toBe("请选择身份证明类型");
    expect(schema.safeParse({ documentType: "UNIFIED_SOCIAL_CREDIT_CODE", number: "11010519491231002X" }).success).toBe(false);
  });
});
