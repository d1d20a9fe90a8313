// Grounds for not disclosing (《政府信息公开条例》第十四至十六条, and 第三十六条第（七）项 for
// registers obtained under another law). ONE catalogue for the confidentiality review of
// proactive items, the replies to requests and the annual report (table 三, rows 不予公开
// 1–8): the codes are stored in both domains' rows and counted together, so they must not drift.

import { LEGAL_BASIS, type LegalBasis } from "./legal-basis";

export const EXEMPTION_CODES = [
  "STATE_SECRET",
  "LAW_FORBIDDEN",
  "SAFETY_STABILITY",
  "THIRD_PARTY",
  "INTERNAL_AFFAIRS",
  "PROCESS_INFO",
  "ENFORCEMENT_FILE",
  "ADMIN_QUERY",
] as const;
export type ExemptionCode = (typeof EXEMPTION_CODES)[number];

/**
 * The grounds a proactive item may be withheld on. ADMIN_QUERY (Art. 36(七)) is a way of
 * answering an application — "obtain it under the register's own law" — not a ground for
 * keeping an item off the catalogue.
 */
export const PROACTIVE_EXEMPTION_CODES = [
  "STATE_SECRET",
  "LAW_FORBIDDEN",
  "SAFETY_STABILITY",
  "THIRD_PARTY",
  "INTERNAL_AFFAIRS",
  "PROCESS_INFO",
  "ENFORCEMENT_FILE",
] as const satisfies readonly ExemptionCode[];
export type ProactiveExemptionCode = (typeof PROACTIVE_EXEMPTION_CODES)[number];

export type ExemptionRule =
  /** The law forbids disclosure (Art. 14; Art. 15 unless the third party agrees or the public interest outweighs). */
  | "MUST_NOT"
  /** Art. 16: the organ may withhold. */
  | "MAY_WITHHOLD"
  /** Art. 36(七): obtained under another law's procedure. */
  | "SPECIAL_PROCEDURE";

export type ExemptionInfo = {
  /** What the letter and the page say ("属于国家秘密"). */
  label: string;
  /** A longer hint for staff choosing the ground, where the label alone is terse. */
  hint?: string;
  /** The article in short form ("第十五条"), for lists and tables. */
  article: string;
  /** The provision cited in full, for formal replies. */
  basis: LegalBasis;
  rule: ExemptionRule;
};

export const EXEMPTION_INFO: Readonly<Record<ExemptionCode, ExemptionInfo>> = {
  STATE_SECRET: { label: "属于国家秘密", article: "第十四条", basis: LEGAL_BASIS.ART_14, rule: "MUST_NOT" },
  LAW_FORBIDDEN: { label: "其他法律行政法规禁止公开", article: "第十四条", basis: LEGAL_BASIS.ART_14, rule: "MUST_NOT" },
  SAFETY_STABILITY: { label: "危及“三安全一稳定”", article: "第十四条", basis: LEGAL_BASIS.ART_14, rule: "MUST_NOT" },
  THIRD_PARTY: {
    label: "保护第三方合法权益",
    hint: "商业秘密、个人隐私",
    article: "第十五条",
    basis: LEGAL_BASIS.ART_15,
    rule: "MUST_NOT",
  },
  INTERNAL_AFFAIRS: { label: "属于三类内部事务信息", article: "第十六条第一款", basis: LEGAL_BASIS.ART_16_1, rule: "MAY_WITHHOLD" },
  PROCESS_INFO: { label: "属于四类过程性信息", article: "第十六条第二款", basis: LEGAL_BASIS.ART_16_2, rule: "MAY_WITHHOLD" },
  ENFORCEMENT_FILE: { label: "属于行政执法案卷", article: "第十六条第二款", basis: LEGAL_BASIS.ART_16_2, rule: "MAY_WITHHOLD" },
  ADMIN_QUERY: { label: "属于行政查询事项", article: "第三十六条第（七）项", basis: LEGAL_BASIS.ART_36_7, rule: "SPECIAL_PROCEDURE" },
};

export function isExemptionCode(value: unknown): value is ExemptionCode {
  return typeof value === "string" && (EXEMPTION_CODES as readonly string[]).includes(value);
}

export function isProactiveExemptionCode(value: unknown): value is ProactiveExemptionCode {
  return typeof value === "string" && (PROACTIVE_EXEMPTION_CODES as readonly string[]).includes(value);
}

/** "属于国家秘密（第十四条）"; the hint, if any, is added for staff forms. */
export function exemptionOptionLabel(code: ExemptionCode, withHint = false): string {
  const info = EXEMPTION_INFO[code];
  const hint = withHint && info.hint ? `（${info.hint}）` : "";
  return `${info.label}${hint}（${info.article}）`;
}
