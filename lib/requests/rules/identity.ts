/**
 * Proof of identity on a disclosure application (Art. 29): natural persons
 * give the 18-digit 居民身份证 number (GB 11643-1999), organisations the
 * 18-character 统一社会信用代码 (GB 32100-2015). Both end in a check
 * character, which catches almost every single typo or swapped pair.
 *
 * The normalised number is also the key for "same applicant" when counting
 * applications per calendar month for the processing fee.
 */
import { z } from "zod";
import { compareCivilDates, formatCivilDate, isCivilDate, type CivilDate } from "@/lib/calendar/civil-date";

export type IdentityCheck = { ok: true; value: string } | { ok: false; message: string };
export type ResidentIdCheck = { ok: true; value: string; birthDate: CivilDate } | { ok: false; message: string };

/** Full-width characters (common with Chinese IMEs) → ASCII, spaces removed, upper case. */
export function normalizeIdentityNumber(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

// ---------------------------------------------------------------------------
// 居民身份证 (GB 11643-1999)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = "10X98765432";

/**
 * Province-level codes (GB/T 2260) that open a 居民身份证 number; 81/82/83 are
 * the residence permits of Hong Kong, Macao and Taiwan residents, which use the
 * same format. Numbers starting with 9 are the 2023 foreigners' permanent
 * residence ID card, also GB 11643-shaped (check).
 */
const PROVINCE_CODES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

const EARLIEST_BIRTH_DATE = "1900-01-01";

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("Expected 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

export type ResidentIdOptions = {
  /** When given, a birth date after today is rejected. Rules never read the clock. */
  today?: CivilDate;
};

export function validateResidentIdNumber(raw: string, options: ResidentIdOptions = {}): ResidentIdCheck {
  const value = normalizeIdentityNumber(raw);
  if (value === "") return { ok: false, message: "请填写身份证号码" };
  if (value.length !== 18) return { ok: false, message: `身份证号码应为18位，当前为${value.length}位` };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: "身份证号码前17位应为数字，最后一位为数字或字母X" };
  if (!PROVINCE_CODES.has(value.slice(0, 2)) && value[0] !== "9") {
    return { ok: false, message: "身份证号码前两位的地区代码无效，请核对" };
  }
  const birthDate = formatCivilDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)));
  if (!isCivilDate(birthDate) || compareCivilDates(birthDate, EARLIEST_BIRTH_DATE) < 0) {
    return { ok: false, message: "身份证号码中的出生日期（第7至14位）无效，请核对" };
  }
  if (options.today !== undefined && compareCivilDates(birthDate, options.today) > 0) {
    return { ok: false, message: "身份证号码中的出生日期晚于今天，请核对" };
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, message: "身份证号码校验位不正确，请核对是否输入有误" };
  }
  return { ok: true, value, birthDate };
}

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)

/** The 31 code characters: digits and capitals without I, O, Z, S, V. */
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("Expected 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = first17.charAt(i);
    const v = USCC_CHARS.indexOf(ch);
    if (v < 0) throw new RangeError(`Invalid character ${ch}`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
}

export function validateUnifiedSocialCreditCode(raw: string): IdentityCheck {
  const value = normalizeIdentityNumber(raw);
  if (value === "") return { ok: false, message: "请填写统一社会信用代码" };
  if (value.length !== 18) return { ok: false, message: `统一社会信用代码应为18位，当前为${value.length}位` };
  const bad = [...value].find((c) => !USCC_CHARS.includes(c));
  if (bad !== undefined) {
    return { ok: false, message: `统一社会信用代码含有无效字符“${bad}”（只使用数字和除I、O、Z、S、V以外的大写字母）` };
  }
  // Characters 3–8 are the registering authority's administrative-division code.
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, message: "统一社会信用代码第3至8位应为行政区划代码（数字），请核对" };
  }
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, message: "统一社会信用代码校验位不正确，请核对是否输入有误" };
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------
// zod: refinements for the application form

/** For `.superRefine(refineResidentIdNumber())`; reports one Chinese message on the field. */
export function refineResidentIdNumber(options: ResidentIdOptions = {}) {
  return (value: string, ctx: z.RefinementCtx) => {
    const r = validateResidentIdNumber(value, options);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
  };
}

export function refineUnifiedSocialCreditCode(value: string, ctx: z.RefinementCtx): void {
  const r = validateUnifiedSocialCreditCode(value);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
}

/** A 居民身份证 number field; parses to the normalised number. */
export function residentIdNumberSchema(options: ResidentIdOptions = {}) {
  return z.string({ error: "请填写身份证号码" }).overwrite(normalizeIdentityNumber).superRefine(refineResidentIdNumber(options));
}

/** A 统一社会信用代码 field; parses to the normalised code. */
export const unifiedSocialCreditCodeSchema = z
  .string({ error: "请填写统一社会信用代码" })
  .overwrite(normalizeIdentityNumber)
  .superRefine(refineUnifiedSocialCreditCode);

export const IDENTITY_DOCUMENT_TYPES = ["RESIDENT_ID_CARD", "UNIFIED_SOCIAL_CREDIT_CODE", "OTHER"] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

export const IDENTITY_DOCUMENT_LABELS: Record<IdentityDocumentType, string> = {
  RESIDENT_ID_CARD: "居民身份证",
  UNIFIED_SOCIAL_CREDIT_CODE: "统一社会信用代码",
  OTHER: "其他有效身份证件",
};

/**
 * Proof of identity as a tagged value. OTHER covers documents without a
 * checksum (passport, 港澳居民来往内地通行证 …): the document's name is required.
 */
export function identityDocumentSchema(options: ResidentIdOptions = {}) {
  return z.discriminatedUnion(
    "documentType",
    [
      z.object({ documentType: z.literal("RESIDENT_ID_CARD"), number: residentIdNumberSchema(options) }),
      z.object({ documentType: z.literal("UNIFIED_SOCIAL_CREDIT_CODE"), number: unifiedSocialCreditCodeSchema }),
      z.object({
        documentType: z.literal("OTHER"),
        documentName: z
          .string({ error: "请填写证件名称" })
          .trim()
          .min(1, { error: "请填写证件名称" })
          .max(50, { error: "证件名称不超过50个字" }),
        number: z
          .string({ error: "请填写证件号码" })
          .overwrite(normalizeIdentityNumber)
          .pipe(z.string().min(1, { error: "请填写证件号码" }).max(40, { error: "证件号码不超过40个字符" })),
      }),
    ],
    { error: "请选择身份证明类型" },
  );
}
