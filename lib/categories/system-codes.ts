import { ANNUAL_REPORT_CATEGORY_CODE } from "@/lib/disclosure/rules/annual-reports";
import { KINDS } from "@/lib/structured/kinds";
import { RULES_CATEGORY_CODE } from "@/lib/structured/rules-documents";

/**
 * Category codes the application itself looks up by code: the structured disclosures
 * (收费项目, 机构职能, 领导分工, 办事指南, 公开指南), the 公开制度 page and the annual
 * reports. Renaming or deleting one of these would break those features, so the code
 * of such a category is fixed (its name, article and description stay editable).
 */
export const SYSTEM_CATEGORY_CODES: ReadonlySet<string> = new Set([
  ...Object.values(KINDS).map((k) => k.categoryCode),
  RULES_CATEGORY_CODE,
  ANNUAL_REPORT_CATEGORY_CODE,
]);

export function isSystemCategoryCode(code: string): boolean {
  return SYSTEM_CATEGORY_CODES.has(code);
}
