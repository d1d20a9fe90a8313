import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";

export const siteSettingsSchema = z.object({
  siteName: requiredText(60, "网站名称"),
  hostOrg: requiredText(60, "主办单位"),
  organizerOrg: optionalText(60, "承办单位"),
  address: optionalText(120, "地址"),
  postalCode: optionalText(6, "邮政编码").refine((v) => v === "" || /^\d{6}$/.test(v), "邮政编码须为 6 位数字"),
  phone: optionalText(40, "联系电话").refine((v) => v === "" || /^[\d\-+() ]{5,40}$/.test(v), "联系电话格式不正确"),
  email: optionalText(80, "电子邮箱").refine((v) => v === "" || z.email().safeParse(v).success, "电子邮箱格式不正确"),
  siteCode: optionalText(10, "网站标识码").refine((v) => v === "" || /^\d{10}$/.test(v), "网站标识码须为 10 位数字"),
  icpNo: optionalText(40, "ICP备案号"),
  psbNo: optionalText(40, "公安机关备案号"),
  /** The version (updatedAt in ms) the form showed, 0 before the first save. */
  version: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: "版本号无效" }).int("版本号无效").optional(),
  ),
});
export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>;
