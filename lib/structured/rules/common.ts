// Shared zod pieces for the structured disclosures. Pure (no I/O): the schemas run in
// unit tests and could run in the browser.

import { z } from "zod";

const chars = (s: string) => [...s].length;

export function text(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .refine((s) => chars(s) <= max, { error: `${label}不能超过${max}字` });
}

export function optText(label: string, max: number) {
  return z
    .string({ error: `${label}格式不正确` })
    .trim()
    .refine((s) => chars(s) <= max, { error: `${label}不能超过${max}字` })
    .default("");
}

export function isoDate(label: string) {
  return z.iso.date({ error: `请填写有效的${label}（格式：YYYY-MM-DD）` });
}

export function optDate(label: string) {
  return z
    .union([z.literal(""), z.null(), z.iso.date({ error: `请填写有效的${label}（格式：YYYY-MM-DD）` })])
    .optional()
    .transform((v) => (v ? v : null));
}

/** An http(s) address or nothing. */
export function optUrl(label: string) {
  return z
    .string()
    .trim()
    .default("")
    .refine((s) => s === "" || /^https?:\/\/[^\s<>"]+$/i.test(s), { error: `${label}须为以 http:// 或 https:// 开头的网址` });
}

export const id = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, { error: `请选择${label}` });

/** The first message of a zod error, for a one-line refusal. */
export function firstMessage(error: { issues: Array<{ message: string }> }): string {
  return error.issues[0]?.message ?? "提交的内容有误";
}

/** Splits a textarea into trimmed, non-empty lines. */
export function lines(s: string | undefined | null): string[] {
  return (s ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Splits one line of a "a｜b｜c" list (full-width or ASCII bar, or tab). */
export function cells(line: string): string[] {
  return line.split(/[|｜\t]/).map((c) => c.trim());
}

/**
 * A whole number typed in a form (or given as a number by the API). Unlike z.coerce.number,
 * a blank field is refused ("" would coerce to 0 and pass), and every refusal names the field
 * and the allowed range in Chinese.
 */
export function intField(label: string, min: number, max: number, unit = "") {
  return z.union([z.number(), z.string()], { error: `请填写${label}` }).transform((v, ctx) => {
    const s = typeof v === "number" ? String(v) : v.trim();
    const issue = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (s === "") return issue(`请填写${label}`);
    const n = Number(s);
    if (!Number.isFinite(n)) return issue(`${label}须为数字`);
    if (!Number.isInteger(n)) return issue(`${label}须为整数`);
    if (n < min) return issue(`${label}不能小于${min}${unit}`);
    if (n > max) return issue(`${label}不能大于${max}${unit}`);
    return n;
  });
}
