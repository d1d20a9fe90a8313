// 索引号 (index number): the stable identifier every catalogue entry carries (Art. 12).
//
// Format: `{orgCode}/{categoryCode}-{year}-{seq}`, e.g. `11330100MB0000000X/0701-2026-00042`.
//   orgCode       the department's code — usually its 18-character 统一社会信用代码 or the
//                 older 9-character 组织机构代码 (4–18 characters, digits and capitals);
//   categoryCode  the 主题分类 code (1–10 digits/capitals);
//   year          the year the number was assigned (publication year);
//   seq           per department, category and year, zero-padded to 5 digits (wider when a
//                 series passes 99999, which never needs padding).
// The "/" after the organ code follows the common provincial practice
// (`11330100MB0000000X/2026-00042`); the category sits after it so numbers sort by organ,
// then category, then year. Only formatting and parsing live here: allocating the next
// sequence number and keeping numbers unique is the database's job (unique index).

export interface IndexNumberParts {
  orgCode: string;
  categoryCode: string;
  year: number;
  seq: number;
}

const ORG_CODE = /^[0-9A-Z]{4,18}$/;
const CATEGORY_CODE = /^[0-9A-Z]{1,10}$/;
const INDEX_NUMBER = /^([0-9A-Z]{4,18})\/([0-9A-Z]{1,10})-(\d{4})-(\d{5,9})$/;
const MIN_YEAR = 1949;
const MAX_YEAR = 2999;
const MAX_SEQ = 999_999_999;

export type IndexNumberResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function formatIndexNumber(parts: IndexNumberParts): IndexNumberResult<string> {
  const problem = checkParts(parts);
  if (problem) return { ok: false, message: problem };
  const { orgCode, categoryCode, year, seq } = parts;
  return { ok: true, value: `${orgCode}/${categoryCode}-${year}-${String(seq).padStart(5, "0")}` };
}

/**
 * Parses an index number as typed by a person: surrounding spaces and lowercase letters
 * are forgiven, anything else that does not round-trip to the canonical form is rejected
 * (so "…-2026-042" and "…-2026-000042" cannot alias "…-2026-00042").
 */
export function parseIndexNumber(input: string): IndexNumberResult<IndexNumberParts> {
  const text = input.trim().toUpperCase();
  const m = INDEX_NUMBER.exec(text);
  if (!m) {
    return { ok: false, message: "索引号格式不正确，应为“机构代码/分类代码-年份-序号”，如 11330100MB0000000X/0701-2026-00042" };
  }
  const [, orgCode = "", categoryCode = "", year, seq] = m;
  const parts: IndexNumberParts = { orgCode, categoryCode, year: Number(year), seq: Number(seq) };
  const formatted = formatIndexNumber(parts);
  if (!formatted.ok) return formatted;
  if (formatted.value !== text) {
    return { ok: false, message: `索引号序号位数不规范，应为 ${formatted.value}` };
  }
  return { ok: true, value: parts };
}

function checkParts({ orgCode, categoryCode, year, seq }: IndexNumberParts): string | null {
  if (!ORG_CODE.test(orgCode)) return "机构代码应为4至18位数字或大写字母";
  if (!CATEGORY_CODE.test(categoryCode)) return "分类代码应为1至10位数字或大写字母";
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return "索引号年份不正确";
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) return "索引号序号应为正整数";
  return null;
}
