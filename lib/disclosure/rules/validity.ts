// The item form schema. The metadata enums and their labels live in ../labels.ts (re-exported
// here for the rules that read them with the form).

import { z } from "zod";
import { isFormDate, type CivilDate } from "@/lib/calendar/civil-date";
import { DISCLOSURE_MODES, DISCLOSURE_SCOPES, IMPORTANCE_TIERS, VALIDITIES, VALIDITY_LABELS, type Validity } from "../labels";

// ---------------------------------------------------------------------------------------
// Enums and labels
// ---------------------------------------------------------------------------------------

export {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SCOPES,
  IMPORTANCE_TIER_LABELS,
  IMPORTANCE_TIERS,
  NEGATIVE_FLAG_LABEL,
  VALIDITIES,
  VALIDITY_LABELS,
  type DisclosureMode,
  type DisclosureScope,
  type ImportanceTier,
  type Validity,
} from "../labels";

/** Validities whose page must link to the item that amended or repealed it (§2.4). */
export const VALIDITIES_NEEDING_REPLACEMENT: readonly Validity[] = ["AMENDED", "REPEALED"];

// ---------------------------------------------------------------------------------------
// The item form
// ---------------------------------------------------------------------------------------

export const ITEM_FORM_LIMITS = {
  titleChars: 200,
  documentNumberChars: 100,
  summaryChars: 1500,
  bodyChars: 1_000_000,
  keywordCount: 10,
  keywordChars: 20,
  responsibleChars: 50,
  /** Founding of the PRC; an earlier date is a typo (0206 for 2026), not a real document. */
  earliestDate: "1949-10-01",
} as const;

/** Field labels, used by form messages and by the revision diff. */
export const ITEM_FIELD_LABELS = {
  title: "标题",
  documentNumber: "文号",
  categoryId: "主题分类",
  writtenOn: "成文日期",
  formedOn: "信息形成（变更）日期",
  summary: "内容概述",
  body: "正文",
  keywords: "主题词",
  disclosureMode: "公开方式",
  disclosureScope: "公开范围",
  validity: "有效性",
  replacedById: "修改或废止该文件的信息",
  tier: "重要程度",
  negative: "负面信息",
  responsibleSection: "责任股室",
  responsiblePerson: "责任人",
} as const;
export type ItemFormField = keyof typeof ITEM_FIELD_LABELS;

// Characters as people count them ("字"): code points, so an emoji or a rare CJK
// character outside the BMP counts once, not twice.
const charCount = (s: string) => [...s].length;

function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .refine((s) => charCount(s) <= max, { error: `${label}不能超过${max}字` });
}

// An empty input from an HTML form arrives as "", which means "not given".
function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}格式不正确` })
    .trim()
    .refine((s) => charCount(s) <= max, { error: `${label}不能超过${max}字` })
    .nullish()
    .transform((s) => (s ? s : null));
}

function dateField(label: string) {
  return z.iso.date({ error: `请填写有效的${label}（格式：YYYY-MM-DD）` });
}

// 主题词 arrive either as an array or as one string typed by a person, separated by the
// usual Chinese or ASCII separators.
const KEYWORD_SEPARATORS = /[,，、;；\s]+/;
const keywordsField = z
  .union([z.string(), z.array(z.string({ error: "主题词格式不正确" }))], { error: "主题词格式不正确" })
  .optional()
  .transform((v) => {
    const list = v === undefined ? [] : typeof v === "string" ? v.split(KEYWORD_SEPARATORS) : v;
    return [...new Set(list.map((k) => k.trim()).filter((k) => k.length > 0))];
  })
  .refine((list) => list.length <= ITEM_FORM_LIMITS.keywordCount, {
    error: `主题词不能超过${ITEM_FORM_LIMITS.keywordCount}个`,
  })
  .refine((list) => list.every((k) => charCount(k) <= ITEM_FORM_LIMITS.keywordChars), {
    error: `每个主题词不能超过${ITEM_FORM_LIMITS.keywordChars}字`,
  });

export interface ItemFormOptions {
  /** Today's date in China ("YYYY-MM-DD"); passed in so the rule never reads the clock. */
  today: CivilDate;
}

/**
 * The zod schema for creating or editing an item. `body` is accepted as-is: the verb that
 * stores it must pass it through `sanitizeBody` (sanitize.ts) — kept out of this schema so
 * the schema can run in the browser without pulling in the HTML sanitizer.
 */
export function createItemFormSchema({ today }: ItemFormOptions) {
  if (!isFormDate(today)) throw new RangeError(`today must be "YYYY-MM-DD", got ${JSON.stringify(today)}`);
  const L = ITEM_FIELD_LABELS;
  const M = ITEM_FORM_LIMITS;
  return z
    .object({
      title: requiredText(L.title, M.titleChars),
      documentNumber: optionalText(L.documentNumber, M.documentNumberChars),
      categoryId: z
        .string({ error: `请选择${L.categoryId}` })
        .trim()
        .min(1, { error: `请选择${L.categoryId}` }),
      writtenOn: dateField(L.writtenOn),
      formedOn: dateField(L.formedOn),
      summary: requiredText(L.summary, M.summaryChars),
      body: z
        .string({ error: `${L.body}格式不正确` })
        .max(M.bodyChars, { error: `${L.body}过长` })
        .default(""),
      keywords: keywordsField,
      disclosureMode: z.enum(DISCLOSURE_MODES, { error: `请选择${L.disclosureMode}` }).default("PROACTIVE"),
      disclosureScope: z.enum(DISCLOSURE_SCOPES, { error: `请选择${L.disclosureScope}` }).default("PUBLIC"),
      validity: z.enum(VALIDITIES, { error: `请选择${L.validity}` }).default("VALID"),
      replacedById: optionalText(L.replacedById, 100),
      tier: z.enum(IMPORTANCE_TIERS, { error: `请选择${L.tier}` }),
      negative: z.boolean({ error: `请选择是否为${L.negative}` }).default(false),
      responsibleSection: requiredText(L.responsibleSection, M.responsibleChars),
      responsiblePerson: requiredText(L.responsiblePerson, M.responsibleChars),
    })
    .superRefine((v, ctx) => {
      // zod runs this even when a field failed above, so only compare well-formed dates.
      // "YYYY-MM-DD" strings compare chronologically as plain strings.
      const wellFormed = (d: unknown): d is string => typeof d === "string" && isFormDate(d);
      for (const field of ["writtenOn", "formedOn"] as const) {
        const date = v[field];
        if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
        if (date > today) {
          ctx.addIssue({ code: "custom", path: [field], message: `${L[field]}不能晚于今天` });
        } else if (date < M.earliestDate) {
          ctx.addIssue({ code: "custom", path: [field], message: `${L[field]}不能早于1949年10月1日` });
        }
      }
      // Information is formed when the document is made (成文) or later, when it changes;
      // a formed date before 成文日期 would also understate the Art. 26 delay.
      if (wellFormed(v.formedOn) && wellFormed(v.writtenOn) && v.formedOn < v.writtenOn) {
        ctx.addIssue({ code: "custom", path: ["formedOn"], message: `${L.formedOn}不能早于${L.writtenOn}` });
      }
      if (VALIDITIES_NEEDING_REPLACEMENT.includes(v.validity) && !v.replacedById) {
        ctx.addIssue({
          code: "custom",
          path: ["replacedById"],
          message: `有效性为“${VALIDITY_LABELS[v.validity]}”时，请选择${L.replacedById}`,
        });
      }
      if (v.validity === "VALID" && v.replacedById) {
        ctx.addIssue({ code: "custom", path: ["replacedById"], message: `有效的信息不应填写${L.replacedById}` });
      }
    });
}

export type ItemFormInput = z.input<ReturnType<typeof createItemFormSchema>>;
export type ItemFormValues = z.output<ReturnType<typeof createItemFormSchema>>;
