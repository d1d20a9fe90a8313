import { z } from "zod";

// Small zod helpers for HTML forms, where a checkbox group arrives as one
// string or several, and empty inputs arrive as "".

export const stringArray = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.string()),
);

export const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : (v ?? "")), z.string().max(max, `${label}不能超过 ${max} 个字符`));

export const requiredText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `请填写${label}` })
      .min(1, `请填写${label}`)
      .max(max, `${label}不能超过 ${max} 个字符`),
  );

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
