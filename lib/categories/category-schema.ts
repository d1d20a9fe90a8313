import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";

/**
 * A category code is the 分类代码 segment of every 索引号 filed under it
 * (lib/disclosure/rules/index-number.ts allows 1–10 digits or capitals there, and
 * allocateIndexNumber cuts longer codes to 10), so the form enforces the same limit:
 * a longer code would be truncated and two categories could share one number series.
 */
export const CATEGORY_CODE_PATTERN = /^[0-9A-Z]{1,10}$/;

export const categorySchema = z.object({
  id: z.string().optional(),
  code: z
    .string({ error: "请填写分类代码" })
    .trim()
    .min(1, { error: "请填写分类代码", abort: true })
    .regex(CATEGORY_CODE_PATTERN, "分类代码须为 1–10 位数字或大写字母"),
  name: requiredText(60, "分类名称"),
  article: optionalText(40, "条例依据"),
  description: optionalText(500, "分类说明"),
  parentId: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().nullable()),
  sortOrder: z.coerce
    .number({ error: "排序须为数字" })
    .int("排序须为整数")
    .min(0, "排序须为 0–9999 之间的整数")
    .max(9999, "排序须为 0–9999 之间的整数")
    .default(0),
});
export type CategoryInput = z.infer<typeof categorySchema>;

export const deleteCategorySchema = z.object({
  id: z.string({ error: "未指定要删除的分类" }).min(1, "未指定要删除的分类"),
});
export type DeleteCategoryInput = z.infer<typeof deleteCategorySchema>;
