/**
 * zod input schemas for disclosure applications. They accept both HTML form
 * values (strings, a single checkbox value instead of an array) and JSON.
 * Field names are the ones 4c's online form and the staff registration form use.
 */
import { z } from "zod";
import { isCivilDate } from "@/lib/calendar/civil-date";
import { normalizeIdentityNumber, validateResidentIdNumber, validateUnifiedSocialCreditCode } from "./rules/identity";
import { SUBMISSION_CHANNELS } from "./rules/receipt-date";

const text = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(max, `${label}不能超过${max}个字`));
const required = (max: number, label: string, verb = "填写") =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请${verb}${label}` }).min(1, `请${verb}${label}`).max(max, `${label}不能超过${max}个字`),
  );
const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: message })),
  );
const bool = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const civilDateField = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请填写${label}` }).refine(isCivilDate, { error: `请填写有效的${label}（年-月-日）` }),
  );
export const optionalCivilDate = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v ?? undefined),
    z.string().refine(isCivilDate, { error: `请填写有效的${label}（年-月-日）` }).optional(),
  );

export const APPLICANT_TYPES = ["NATURAL_PERSON", "ORGANIZATION"] as const;
export const ORGANIZATION_SUBTYPES = ["COMMERCIAL", "RESEARCH", "PUBLIC_WELFARE", "LEGAL_SERVICE", "OTHER"] as const;
export const ID_TYPES = ["RESIDENT_ID_CARD", "UNIFIED_SOCIAL_CREDIT_CODE", "OTHER"] as const;
export const PROVISION_FORMS = ["PAPER", "EMAIL", "DISC", "OTHER"] as const;
export const DELIVERY_METHODS = ["COLLECT", "POST", "EMAIL", "ONLINE_DOWNLOAD"] as const;

/** The application itself (Art. 29), the same for every channel. */
export const applicationInputSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES, { error: "请选择申请人类型" }),
    organizationSubtype: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(ORGANIZATION_SUBTYPES, { error: "请选择法人或其他组织的类别" }).optional(),
    ),
    applicantName: required(100, "申请人姓名或名称"),
    contactName: text(50, "联系人"),
    idType: z.enum(ID_TYPES, { error: "请选择身份证明类型" }),
    idDocumentName: text(50, "证件名称"),
    idNumber: z.preprocess((v) => (typeof v === "string" ? normalizeIdentityNumber(v) : v), z.string({ error: "请填写证件号码" })),
    phone: text(40, "联系电话"),
    email: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v ?? ""),
      z.union([z.literal(""), z.email({ error: "电子邮箱格式不正确" }).max(200, "电子邮箱不能超过200个字符")]),
    ),
    address: text(200, "通信地址"),
    postalCode: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v ?? ""),
      z.string().regex(/^(\d{6})?$/, "邮政编码应为6位数字"),
    ),
    description: required(2000, "所需政府信息的名称或内容描述"),
    documentRef: text(200, "文号"),
    purpose: text(500, "用途说明"),
    provisionForms: list(PROVISION_FORMS, "信息载体形式无效"),
    provisionFormOther: text(100, "其他载体形式"),
    deliveryMethods: list(DELIVERY_METHODS, "获取方式无效"),
    needsAssistance: bool.default(false),
    assistanceNote: text(500, "需要的帮助"),
    targetDepartmentId: required(40, "受理机关", "选择"),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.applicantType === "ORGANIZATION") {
      if (!v.organizationSubtype) issue("organizationSubtype", "请选择法人或其他组织的类别");
      if (v.idType === "RESIDENT_ID_CARD") issue("idType", "法人或其他组织请提供统一社会信用代码或其他有效证明");
      if (!v.contactName) issue("contactName", "请填写联系人姓名");
    } else if (v.idType === "UNIFIED_SOCIAL_CREDIT_CODE") {
      issue("idType", "自然人请提供居民身份证或其他有效身份证件");
    }
    if (v.idType === "RESIDENT_ID_CARD") {
      const r = validateResidentIdNumber(v.idNumber);
      if (!r.ok) issue("idNumber", r.message);
    } else if (v.idType === "UNIFIED_SOCIAL_CREDIT_CODE") {
      const r = validateUnifiedSocialCreditCode(v.idNumber);
      if (!r.ok) issue("idNumber", r.message);
    } else {
      if (!v.idDocumentName) issue("idDocumentName", "请填写证件名称");
      if (!v.idNumber) issue("idNumber", "请填写证件号码");
      else if (v.idNumber.length > 40) issue("idNumber", "证件号码不超过40个字符");
    }
    if (!v.phone && !v.email && !v.address) issue("phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）");
    if (v.provisionForms.length === 0) issue("provisionForms", "请选择所需信息的载体形式");
    if (v.provisionForms.includes("OTHER") && !v.provisionFormOther) issue("provisionFormOther", "请说明其他载体形式");
    if (v.deliveryMethods.length === 0) issue("deliveryMethods", "请选择获取信息的方式");
    if (v.deliveryMethods.includes("POST") && !v.address) issue("address", "选择邮寄的，请填写通信地址");
    if ((v.deliveryMethods.includes("EMAIL") || v.provisionForms.includes("EMAIL")) && !v.email) {
      issue("email", "选择电子邮件的，请填写电子邮箱");
    }
  });

export type ApplicationInput = z.output<typeof applicationInputSchema>;

/** Staff registration of a paper / in-person / mail / fax / e-mail application (Art. 31 dates). */
export const registrationSchema = z.object({
  channel: z.enum(SUBMISSION_CHANNELS.filter((c) => c !== "ONLINE") as ["IN_PERSON", ...("REGISTERED_MAIL" | "ORDINARY_MAIL" | "FAX" | "EMAIL")[]], {
    error: "请选择申请提交方式",
  }),
  submittedOn: optionalCivilDate("提交（寄出）日期"),
  signedForOn: optionalCivilDate("签收日期"),
  arrivedOn: optionalCivilDate("收到信函日期"),
  confirmedOn: optionalCivilDate("与申请人确认日期"),
});
export type RegistrationInput = z.output<typeof registrationSchema>;

export const registerApplicationSchema = z.intersection(applicationInputSchema, registrationSchema);
