/**
 * Reply types for disclosure on request (Art. 36, law §4.4) and what each
 * reply must contain. Every decision is counted in exactly one leaf row of the
 * annual report's table 三 (annual-report-rows.ts):
 *   - each sub-reason (WITHHOLD exemption codes, NOT_EXIST / NOT_PROCESSED /
 *     OTHER sub-reasons) is its own leaf row, one-to-one;
 *   - ALREADY_PUBLIC and DISCLOSE both count as （一）予以公开;
 *   - PARTIAL counts only as （二）部分公开 whatever the withheld part's grounds;
 *   - NOT_OURS counts as （四）1.本机关不掌握相关政府信息 (check: per the
 *     30号 format's notes; kept in one constant so it can be changed);
 *   - Art. 36(六) 重复申请 is NOT_PROCESSED/REPEAT and Art. 36(七) (工商、不动产
 *     登记资料 …) is WITHHOLD/ADMIN_QUERY 行政查询事项, as in table 三.
 */
import { z } from "zod";
import { ANNUAL_REPORT_ROW_KEYS, type AnnualReportRowKey } from "./annual-report-rows";
import { LEGAL_BASIS, type LegalBasis } from "@/lib/law/legal-basis";
import { EXEMPTION_CODES, EXEMPTION_INFO, type ExemptionCode } from "@/lib/law/exemptions";

export {
  ANNUAL_REPORT_GROUPS,
  ANNUAL_REPORT_ROWS,
  ANNUAL_REPORT_ROW_KEYS,
  ANNUAL_REPORT_TOTAL_LABEL,
  type AnnualReportGroup,
  type AnnualReportRowKey,
} from "./annual-report-rows";

// ---------------------------------------------------------------------------
// Reply types

export const REPLY_TYPES = [
  "ALREADY_PUBLIC",
  "DISCLOSE",
  "PARTIAL",
  "WITHHOLD",
  "NOT_EXIST",
  "NOT_OURS",
  "NOT_PROCESSED",
  "OTHER",
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export type ReplyTypeInfo = {
  label: string;
  /** What the law says the reply must tell the applicant. */
  mustState: string;
  basis: readonly LegalBasis[];
};

export const REPLY_TYPE_INFO: Record<ReplyType, ReplyTypeInfo> = {
  ALREADY_PUBLIC: {
    label: "已主动公开",
    mustState: "告知申请人获取该政府信息的方式、途径",
    basis: [LEGAL_BASIS.ART_36_1],
  },
  DISCLOSE: {
    label: "予以公开",
    mustState: "向申请人提供该政府信息，或者告知获取该政府信息的方式、途径和时间",
    basis: [LEGAL_BASIS.ART_36_2],
  },
  PARTIAL: {
    label: "部分公开",
    mustState: "提供可以公开的政府信息内容，并对不予公开的内容说明理由",
    basis: [LEGAL_BASIS.ART_37],
  },
  WITHHOLD: {
    label: "不予公开",
    mustState: "告知申请人不予公开并说明理由",
    basis: [LEGAL_BASIS.ART_36_3],
  },
  NOT_EXIST: {
    label: "无法提供",
    mustState: "告知申请人无法提供的情形及理由",
    basis: [LEGAL_BASIS.ART_36_4],
  },
  NOT_OURS: {
    label: "非本机关负责公开",
    mustState: "告知申请人并说明理由；能够确定负责公开的行政机关的，告知其名称、联系方式",
    basis: [LEGAL_BASIS.ART_36_5],
  },
  NOT_PROCESSED: {
    label: "不予处理",
    mustState: "告知申请人不予处理及其理由",
    basis: [],
  },
  OTHER: {
    label: "其他处理",
    mustState: "告知申请人处理情况",
    basis: [],
  },
};

export const REPLY_TYPE_LABELS: Record<ReplyType, string> = Object.fromEntries(
  REPLY_TYPES.map((t) => [t, REPLY_TYPE_INFO[t].label]),
) as Record<ReplyType, string>;

// ---------------------------------------------------------------------------
// Sub-reasons

/** `basis` is null only for OTHER/OTHER (其他), which has no fixed provision. */
export type SubReasonInfo = { label: string; basis: LegalBasis | null };

/** Grounds for withholding (Arts. 14–16, 36(七)): the one catalogue in lib/law/exemptions.ts. */
export { EXEMPTION_CODES, EXEMPTION_INFO, type ExemptionCode, type ExemptionInfo } from "@/lib/law/exemptions";

export const NOT_EXIST_REASONS = ["NOT_HELD", "NEEDS_CREATION", "STILL_UNCLEAR"] as const;
export type NotExistReason = (typeof NOT_EXIST_REASONS)[number];

export const NOT_EXIST_INFO: Record<NotExistReason, SubReasonInfo> = {
  NOT_HELD: { label: "本机关不掌握相关政府信息", basis: LEGAL_BASIS.ART_36_4 },
  NEEDS_CREATION: { label: "没有现成信息需要另行制作", basis: LEGAL_BASIS.ART_38 },
  STILL_UNCLEAR: { label: "补正后申请内容仍不明确", basis: LEGAL_BASIS.ART_30 },
};

export const NOT_PROCESSED_REASONS = ["PETITION", "REPEAT", "PUBLICATION", "EXCESSIVE", "CONFIRM_OR_REISSUE"] as const;
export type NotProcessedReason = (typeof NOT_PROCESSED_REASONS)[number];

export const NOT_PROCESSED_INFO: Record<NotProcessedReason, SubReasonInfo> = {
  PETITION: { label: "信访举报投诉类申请", basis: LEGAL_BASIS.ART_39_1 },
  REPEAT: { label: "重复申请", basis: LEGAL_BASIS.ART_36_6 },
  PUBLICATION: { label: "要求提供公开出版物", basis: LEGAL_BASIS.ART_39_2 },
  EXCESSIVE: { label: "无正当理由大量反复申请", basis: LEGAL_BASIS.ART_35 },
  CONFIRM_OR_REISSUE: { label: "要求行政机关确认或重新出具已获取信息", basis: LEGAL_BASIS.CONFIRM_OR_REISSUE },
};

export const OTHER_REASONS = ["CORRECTION_OVERDUE", "FEE_UNPAID", "OTHER"] as const;
export type OtherReason = (typeof OTHER_REASONS)[number];

export const OTHER_INFO: Record<OtherReason, SubReasonInfo> = {
  CORRECTION_OVERDUE: {
    label: "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    basis: LEGAL_BASIS.ART_30,
  },
  FEE_UNPAID: {
    label: "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    basis: LEGAL_BASIS.FEE_UNPAID,
  },
  OTHER: { label: "其他", basis: null },
};

/**
 * 逾期不补正 (correction.ts closeCorrectionOverdue) and 逾期未缴费 (fees.ts
 * closeFeeOverdue) close the case through their own verbs, which check that the
 * deadline has passed; a drafted reply with these sub-reasons would bypass that
 * check, so draftReply refuses them.
 */
export const OTHER_REASONS_CLOSED_BY_OWN_VERB = ["CORRECTION_OVERDUE", "FEE_UNPAID"] as const satisfies readonly OtherReason[];

/** The reply types that carry a sub-reason, and their allowed sub-reasons. */
export const SUB_REASONS_BY_TYPE = {
  WITHHOLD: EXEMPTION_CODES,
  NOT_EXIST: NOT_EXIST_REASONS,
  NOT_PROCESSED: NOT_PROCESSED_REASONS,
  OTHER: OTHER_REASONS,
} as const;

export type SubReasonType = keyof typeof SUB_REASONS_BY_TYPE;

const SUB_REASON_INFO: Record<SubReasonType, Record<string, SubReasonInfo>> = {
  WITHHOLD: EXEMPTION_INFO,
  NOT_EXIST: NOT_EXIST_INFO,
  NOT_PROCESSED: NOT_PROCESSED_INFO,
  OTHER: OTHER_INFO,
};

export function subReasonInfo(type: SubReasonType, subReason: string): SubReasonInfo | undefined {
  return Object.hasOwn(SUB_REASON_INFO[type], subReason) ? SUB_REASON_INFO[type][subReason] : undefined;
}

// ---------------------------------------------------------------------------
// Annual report mapping

/** Reply types without sub-reasons and the table 三 row they count in. */
export const REPLY_TYPE_REPORT_ROW = {
  ALREADY_PUBLIC: "DISCLOSE",
  DISCLOSE: "DISCLOSE",
  PARTIAL: "PARTIAL",
  NOT_OURS: "NOT_EXIST.NOT_HELD",
} as const satisfies Record<Exclude<ReplyType, SubReasonType>, AnnualReportRowKey>;

/** The table 三 leaf row for a reply type and (where it has one) sub-reason. */
export function annualReportRowKey(replyType: ReplyType, subReason?: string): AnnualReportRowKey {
  if (replyType in REPLY_TYPE_REPORT_ROW) return REPLY_TYPE_REPORT_ROW[replyType as keyof typeof REPLY_TYPE_REPORT_ROW];
  const key = `${replyType}.${subReason ?? ""}`;
  if (!(ANNUAL_REPORT_ROW_KEYS as readonly string[]).includes(key)) {
    throw new RangeError(`No annual report row for ${replyType} / ${String(subReason)}`);
  }
  return key as AnnualReportRowKey;
}

// ---------------------------------------------------------------------------
// Reply decision schema: what the reply must contain, per type

const MAX_TEXT = 2000;
const MAX_SHORT = 200;

function requiredText(message: string, max = MAX_TEXT) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `不超过${max}字` });
}

function optionalText(max = MAX_TEXT) {
  return z
    .string({ error: "请填写文字" })
    .trim()
    .max(max, { error: `不超过${max}字` })
    .optional();
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}

const optionalUrl = z
  .string({ error: "请填写网址" })
  .trim()
  .max(1000, { error: "网址不超过1000个字符" })
  .refine((v) => v === "" || isHttpUrl(v), { error: "请填写以 http:// 或 https:// 开头的有效网址" })
  .optional();

const exemptionCodeSchema = z.enum(EXEMPTION_CODES, { error: "不予公开的理由无效" });

function uniqueCodes(codes: unknown): boolean {
  return !Array.isArray(codes) || new Set(codes).size === codes.length;
}

function includesCode(codes: unknown, code: ExemptionCode): boolean {
  return Array.isArray(codes) && codes.includes(code);
}

/** Absent or blank. A value of the wrong type is already reported by the field's own schema. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * Cross-field rules run even when some field already failed, so the form shows
 * every missing item at once (zod skips refinements after errors by default).
 * They therefore read the value defensively.
 */
const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

const ADMIN_QUERY_PROCEDURE_MESSAGE = "请告知申请人依照有关法律、行政法规办理的途径（如查询机关、查询方式）";

/**
 * Art. 36(一): tell the applicant how to get the published information. The
 * normal case is an online publication, so the link is required; information
 * published only offline (政府公报、公开栏、查阅点 …) must say so explicitly,
 * and then where to find it is required instead.
 */
const alreadyPublicSchema = z
  .object({
    replyType: z.literal("ALREADY_PUBLIC"),
    /** Where the information was published online (link). */
    url: optionalUrl,
    /** Set when the information was published by offline means only. */
    publishedOffline: z.boolean({ error: "请选择是否未在网上公开" }).optional(),
    /** How and where to get it (公报期号、网站栏目、查阅点 …). */
    accessInstructions: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (v.publishedOffline === true) {
      if (isMissing(v.accessInstructions)) {
        ctx.addIssue({
          code: "custom",
          path: ["accessInstructions"],
          message: "请写明该信息的公开载体和查阅地点（如政府公报期号、公开栏位置）",
        });
      }
    } else if (isMissing(v.url)) {
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: "请填写该信息主动公开的网址；未在网上公开的，请勾选“未在网上公开”并写明公开载体和查阅地点",
      });
    }
  }, ALWAYS);

const discloseSchema = z.object({
  replyType: z.literal("DISCLOSE"),
  accessInstructions: requiredText("请填写提供该信息的方式，或获取的方式、途径和时间"),
  url: optionalUrl,
});

const partialSchema = z
  .object({
    replyType: z.literal("PARTIAL"),
    accessInstructions: requiredText("请填写提供可公开部分的方式，或获取的方式、途径和时间"),
    withheldReason: requiredText("请说明不予公开部分的理由"),
    /** Grounds for the withheld part, if it is exempt (it may instead not be government information). */
    exemptionCodes: z.array(exemptionCodeSchema, { error: "请选择不予公开部分的理由" }).optional(),
    specialProcedure: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (!uniqueCodes(v.exemptionCodes)) {
      ctx.addIssue({ code: "custom", path: ["exemptionCodes"], message: "不予公开的理由不能重复选择" });
    }
    if (includesCode(v.exemptionCodes, "ADMIN_QUERY") && isMissing(v.specialProcedure)) {
      ctx.addIssue({ code: "custom", path: ["specialProcedure"], message: ADMIN_QUERY_PROCEDURE_MESSAGE });
    }
  }, ALWAYS);

const withholdSchema = z
  .object({
    replyType: z.literal("WITHHOLD"),
    /** At least one ground; the first is the primary one, counted in the annual report. */
    exemptionCodes: z.array(exemptionCodeSchema, { error: "请选择不予公开的理由" }).min(1, { error: "请至少选择一项不予公开的理由" }),
    reason: requiredText("请说明不予公开的理由"),
    specialProcedure: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (!uniqueCodes(v.exemptionCodes)) {
      ctx.addIssue({ code: "custom", path: ["exemptionCodes"], message: "不予公开的理由不能重复选择" });
    }
    if (includesCode(v.exemptionCodes, "ADMIN_QUERY") && isMissing(v.specialProcedure)) {
      ctx.addIssue({ code: "custom", path: ["specialProcedure"], message: ADMIN_QUERY_PROCEDURE_MESSAGE });
    }
  }, ALWAYS);

const notExistSchema = z
  .object({
    replyType: z.literal("NOT_EXIST"),
    subReason: z.enum(NOT_EXIST_REASONS, { error: "请选择无法提供的具体情形" }),
    explanation: requiredText("请说明无法提供的情况和理由"),
    /** The search made (where, how, with what terms) — kept on file in case of review. */
    searchRecord: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (v.subReason === "NOT_HELD" && isMissing(v.searchRecord)) {
      ctx.addIssue({ code: "custom", path: ["searchRecord"], message: "请记录检索情况（检索的范围、方式和结果）" });
    }
  }, ALWAYS);

const notOursSchema = z
  .object({
    replyType: z.literal("NOT_OURS"),
    reason: requiredText("请说明该信息不属于本机关负责公开的理由"),
    responsibleOrganName: optionalText(MAX_SHORT),
    responsibleOrganContact: optionalText(MAX_SHORT),
    /** Art. 36(五) requires the organ's name only when it can be determined. */
    responsibleOrganUnknown: z.boolean({ error: "请选择是否能够确定负责公开的机关" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (isMissing(v.responsibleOrganName) && v.responsibleOrganUnknown !== true) {
      ctx.addIssue({
        code: "custom",
        path: ["responsibleOrganName"],
        message: "请填写负责公开该信息的机关名称；确实无法确定的，请选择“无法确定”",
      });
    }
  }, ALWAYS);

const notProcessedSchema = z
  .object({
    replyType: z.literal("NOT_PROCESSED"),
    subReason: z.enum(NOT_PROCESSED_REASONS, { error: "请选择不予处理的具体情形" }),
    explanation: requiredText("请说明不予处理的理由"),
    /** PETITION: the channel to use instead (信访、12345热线、举报平台 …). */
    channel: optionalText(MAX_SHORT),
    /** REPEAT: the earlier reply (文号 or date). */
    previousReplyReference: optionalText(MAX_SHORT),
    /** PUBLICATION: where to get the publication. */
    accessInstructions: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (v.subReason === "PETITION" && isMissing(v.channel)) {
      ctx.addIssue({ code: "custom", path: ["channel"], message: "请告知申请人提出信访、举报、投诉的相应渠道" });
    }
    if (v.subReason === "REPEAT" && isMissing(v.previousReplyReference)) {
      ctx.addIssue({
        code: "custom",
        path: ["previousReplyReference"],
        message: "请填写此前已作出答复的文号或日期",
      });
    }
    if (v.subReason === "PUBLICATION" && isMissing(v.accessInstructions)) {
      ctx.addIssue({ code: "custom", path: ["accessInstructions"], message: "请告知申请人获取该出版物的途径" });
    }
  }, ALWAYS);

const otherSchema = z
  .object({
    replyType: z.literal("OTHER"),
    subReason: z.enum(OTHER_REASONS, { error: "请选择其他处理的具体情形" }),
    explanation: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (v.subReason === "OTHER" && isMissing(v.explanation)) {
      ctx.addIssue({ code: "custom", path: ["explanation"], message: "请说明具体处理情况" });
    }
  }, ALWAYS);

export const replyDecisionSchema = z.discriminatedUnion(
  "replyType",
  [alreadyPublicSchema, discloseSchema, partialSchema, withholdSchema, notExistSchema, notOursSchema, notProcessedSchema, otherSchema],
  { error: "请选择答复类型" },
);

export type ReplyDecision = z.output<typeof replyDecisionSchema>;
export type ReplyDecisionInput = z.input<typeof replyDecisionSchema>;

/** The sub-reason counted in the annual report: the first exemption code for WITHHOLD. */
export function replySubReason(decision: ReplyDecision): string | undefined {
  switch (decision.replyType) {
    case "WITHHOLD":
      return decision.exemptionCodes[0];
    case "NOT_EXIST":
    case "NOT_PROCESSED":
    case "OTHER":
      return decision.subReason;
    default:
      return undefined;
  }
}

export function annualReportRowOf(decision: ReplyDecision): AnnualReportRowKey {
  return annualReportRowKey(decision.replyType, replySubReason(decision));
}

/** Provisions to cite in the reply, without duplicates, in order. */
export function legalBasisOf(decision: ReplyDecision): LegalBasis[] {
  const candidates: Array<LegalBasis | null> = [...REPLY_TYPE_INFO[decision.replyType].basis];
  if (decision.replyType === "WITHHOLD" || decision.replyType === "PARTIAL") {
    for (const code of decision.exemptionCodes ?? []) candidates.push(EXEMPTION_INFO[code].basis);
  }
  if (decision.replyType === "NOT_EXIST") candidates.push(NOT_EXIST_INFO[decision.subReason].basis);
  if (decision.replyType === "NOT_PROCESSED") candidates.push(NOT_PROCESSED_INFO[decision.subReason].basis);
  if (decision.replyType === "OTHER") candidates.push(OTHER_INFO[decision.subReason].basis);
  const out: LegalBasis[] = [];
  for (const basis of candidates) {
    if (basis && !out.some((b) => b.citation === basis.citation)) out.push(basis);
  }
  return out;
}
