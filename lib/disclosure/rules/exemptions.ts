// Grounds for not disclosing (《政府信息公开条例》第十四至十六条).
//
// One list shared by the confidentiality review of proactive items and, later, by replies
// to requests and the annual report (table 三, rows 不予公开 1–7), so the codes must not drift.

export const EXEMPTION_CODES = [
  "STATE_SECRET",
  "LAW_FORBIDDEN",
  "SAFETY_STABILITY",
  "THIRD_PARTY",
  "INTERNAL_AFFAIRS",
  "PROCESS_INFO",
  "ENFORCEMENT_FILE",
] as const;
export type ExemptionCode = (typeof EXEMPTION_CODES)[number];

export interface ExemptionInfo {
  label: string;
  article: string;
  /** "MUST_NOT": disclosure is prohibited; "MAY_WITHHOLD": the organ may decide to withhold. */
  rule: "MUST_NOT" | "MAY_WITHHOLD";
}

export const EXEMPTIONS: Readonly<Record<ExemptionCode, ExemptionInfo>> = {
  STATE_SECRET: { label: "属于国家秘密", article: "第十四条", rule: "MUST_NOT" },
  LAW_FORBIDDEN: { label: "其他法律行政法规禁止公开", article: "第十四条", rule: "MUST_NOT" },
  SAFETY_STABILITY: { label: "危及“三安全一稳定”", article: "第十四条", rule: "MUST_NOT" },
  THIRD_PARTY: { label: "保护第三方合法权益（商业秘密、个人隐私）", article: "第十五条", rule: "MUST_NOT" },
  INTERNAL_AFFAIRS: { label: "属于三类内部事务信息", article: "第十六条第一款", rule: "MAY_WITHHOLD" },
  PROCESS_INFO: { label: "属于四类过程性信息", article: "第十六条第二款", rule: "MAY_WITHHOLD" },
  ENFORCEMENT_FILE: { label: "属于行政执法案卷", article: "第十六条第二款", rule: "MAY_WITHHOLD" },
};

export function isExemptionCode(value: unknown): value is ExemptionCode {
  return typeof value === "string" && (EXEMPTION_CODES as readonly string[]).includes(value);
}
