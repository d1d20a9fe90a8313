/**
 * The public application form (政府信息公开申请表, Art. 29) as one zod schema,
 * shared by the HTML form (server action) and the JSON API
 * (POST /api/v1/requests). Field names are flat so that every error lands on
 * the input it belongs to; HTML quirks (checkbox groups arriving as one string
 * or several, empty inputs as "") are smoothed by preprocessing, so the same
 * schema accepts a JSON body.
 *
 * Cross-field rules (organisation vs person, the document number's checksum,
 * e-mail needed for e-mail delivery …) run in one superRefine that always
 * runs, so the applicant sees every problem at once.
 */
import { z } from "zod";
import {
  ApplicantIdType,
  ApplicantType,
  OrganizationSubtype,
  RequestDeliveryMethod,
  RequestProvisionForm,
} from "@/lib/generated/prisma/enums";
import {
  normalizeIdentityNumber,
  validateResidentIdNumber,
  validateUnifiedSocialCreditCode,
  type ResidentIdOptions,
} from "@/lib/requests/rules/identity";

// The choices are the Prisma enums' values (one vocabulary); their Chinese labels are in labels.ts.
export const APPLICANT_TYPES = enumValues(ApplicantType);
export const ORGANIZATION_SUBTYPES = enumValues(OrganizationSubtype);
export const ID_TYPES = enumValues(ApplicantIdType);
export const PROVISION_FORMS = enumValues(RequestProvisionForm);
export const DELIVERY_METHODS = enumValues(RequestDeliveryMethod);
export {
  APPLICANT_TYPE_LABELS,
  ORGANIZATION_SUBTYPE_LABELS,
  ID_TYPE_LABELS,
  PROVISION_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
} from "./labels";

/** A Prisma enum object's values as the non-empty tuple z.enum wants. */
function enumValues<T extends Record<string, string>>(e: T): [T[keyof T], ...Array<T[keyof T]>] {
  const values = Object.values(e) as Array<T[keyof T]>;
  const [first, ...rest] = values;
  if (first === undefined) throw new Error("enumValues: empty enum");
  return [first, ...rest];
}

/** Limits, also used as maxLength on the inputs. */
export const FORM_LIMITS = {
  applicantName: 100,
  contactName: 50,
  idDocumentName: 50,
  idNumber: 40,
  phone: 30,
  email: 100,
  address: 200,
  postalCode: 6,
  description: 2000,
  documentRef: 100,
  provisionFormOther: 100,
  assistanceNote: 500,
  purpose: 500,
} as const;

/** The order fields appear on the form (the error summary lists them in this order). */
export const FORM_FIELD_ORDER = [
  "applicantType",
  "organizationSubtype",
  "applicantName",
  "contactName",
  "idType",
  "idDocumentName",
  "idNumber",
  "phone",
  "email",
  "address",
  "postalCode",
  "targetDepartmentId",
  "description",
  "documentRef",
  "provisionForms",
  "provisionFormOther",
  "deliveryMethods",
  "needsAssistance",
  "assistanceNote",
] as const;
export type FormField = (typeof FORM_FIELD_ORDER)[number];

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToUndefined = (v: unknown) => {
  const t = trimmed(v);
  return t === "" || t === null ? undefined : t;
};

function text(max: number, label: string) {
  return z.preprocess(
    (v) => (v === undefined || v === null ? "" : trimmed(v)),
    z.string({ error: `${label}格式无效` }).max(max, { error: `${label}不能超过${max}个字` }),
  );
}

function choice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());
}

/** A checkbox group: absent, "", one string or several → a de-duplicated array of allowed values. */
function choices<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(
    (v): unknown[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.enum(values, { error: message }), { error: message }).transform((a) => [...new Set(a)]),
  );
}

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const PHONE = /^\+?[\d\s()（）-]{7,30}$/;
const EMAIL = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+$/;

/**
 * ONLINE: the public form and the API. STAFF: an application staff register from paper, a
 * letter, a fax or an e-mail — the applicant may have left only an address, so any one
 * contact is enough there.
 */
export type ApplicationChannel = "ONLINE" | "STAFF";
export type ApplicationFormOptions = ResidentIdOptions & { channel?: ApplicationChannel };

export function applicationFormSchema(options: ApplicationFormOptions = {}) {
  return z
    .object({
      applicantType: choice(APPLICANT_TYPES, "请选择申请人类型"),
      organizationSubtype: choice(ORGANIZATION_SUBTYPES, "请选择组织类型"),
      applicantName: text(FORM_LIMITS.applicantName, "申请人名称"),
      contactName: text(FORM_LIMITS.contactName, "联系人姓名"),
      idType: choice(ID_TYPES, "请选择身份证明类型"),
      idDocumentName: text(FORM_LIMITS.idDocumentName, "证件名称"),
      idNumber: z.preprocess(
        (v) => (typeof v === "string" ? normalizeIdentityNumber(v) : (v ?? "")),
        z.string({ error: "证件号码格式无效" }).max(FORM_LIMITS.idNumber, { error: `证件号码不能超过${FORM_LIMITS.idNumber}个字符` }),
      ),
      phone: text(FORM_LIMITS.phone, "联系电话"),
      email: text(FORM_LIMITS.email, "电子邮箱"),
      address: text(FORM_LIMITS.address, "通信地址"),
      postalCode: text(FORM_LIMITS.postalCode, "邮政编码"),
      targetDepartmentId: z.preprocess(
        (v) => (v === undefined || v === null ? "" : trimmed(v)),
        z.string({ error: "请选择受理机关" }).max(40, { error: "请选择受理机关" }),
      ),
      description: text(FORM_LIMITS.description, "所需信息的内容描述"),
      documentRef: text(FORM_LIMITS.documentRef, "文号"),
      provisionForms: choices(PROVISION_FORMS, "请选择所需信息的提供形式"),
      provisionFormOther: text(FORM_LIMITS.provisionFormOther, "其他提供形式"),
      deliveryMethods: choices(DELIVERY_METHODS, "请选择获取信息的方式"),
      needsAssistance: checkbox,
      assistanceNote: text(FORM_LIMITS.assistanceNote, "需要的帮助"),
      purpose: text(FORM_LIMITS.purpose, "用途说明"),
    })
    .superRefine((v, ctx) => {
      const add = (path: FormField, message: string) => {
        ctx.addIssue({ code: "custom", path: [path], message });
      };
      const isOrg = v.applicantType === "ORGANIZATION";

      if (v.applicantType === undefined) add("applicantType", "请选择申请人类型");
      if (isOrg && v.organizationSubtype === undefined) add("organizationSubtype", "请选择组织类型");
      if (v.applicantName === "") add("applicantName", isOrg ? "请填写法人或其他组织名称" : "请填写申请人姓名");
      if (isOrg && v.contactName === "") add("contactName", "请填写联系人姓名");

      // Proof of identity (Art. 29): the checksum catches almost every typo.
      if (v.idType === undefined) add("idType", "请选择身份证明类型");
      else if (v.idType === "UNIFIED_SOCIAL_CREDIT_CODE" && v.applicantType === "NATURAL_PERSON") {
        add("idType", "自然人请选择居民身份证或其他有效身份证件");
      } else if (v.idType === "RESIDENT_ID_CARD" && isOrg) {
        add("idType", "法人或其他组织请填写统一社会信用代码（无统一社会信用代码的，选择其他有效证件）");
      }
      if (v.idType === "OTHER" && v.idDocumentName === "") add("idDocumentName", "请填写证件名称");
      if (v.idNumber === "") {
        add("idNumber", v.idType === "UNIFIED_SOCIAL_CREDIT_CODE" ? "请填写统一社会信用代码" : "请填写证件号码");
      } else if (v.idType === "RESIDENT_ID_CARD") {
        const r = validateResidentIdNumber(v.idNumber, options);
        if (!r.ok) add("idNumber", r.message);
      } else if (v.idType === "UNIFIED_SOCIAL_CREDIT_CODE") {
        const r = validateUnifiedSocialCreditCode(v.idNumber);
        if (!r.ok) add("idNumber", r.message);
      }

      if (v.phone === "") {
        if (options.channel !== "STAFF") add("phone", "请填写联系电话");
        else if (v.email === "" && v.address === "") add("phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）");
      } else if (!PHONE.test(v.phone) || v.phone.replace(/\D/g, "").length < 7) {
        add("phone", "联系电话格式不正确，请填写手机号码或带区号的固定电话");
      }
      const wantsEmail = v.deliveryMethods.includes("EMAIL") || v.provisionForms.includes("EMAIL");
      if (v.email !== "" && !EMAIL.test(v.email)) add("email", "电子邮箱格式不正确，例如 name@example.com");
      else if (v.email === "" && wantsEmail) add("email", "选择以电子邮件提供或获取信息的，请填写电子邮箱");
      if (v.address === "" && v.deliveryMethods.includes("POST")) add("address", "选择邮寄的，请填写通信地址");
      if (v.postalCode !== "" && !/^\d{6}$/.test(v.postalCode)) add("postalCode", "邮政编码应为6位数字");

      if (v.targetDepartmentId === "") add("targetDepartmentId", "请选择受理机关");
      if (v.description === "") add("description", "请描述所需政府信息的名称或内容");
      else if (v.description.length < 5) add("description", "请更具体地描述所需信息（至少5个字），便于准确检索");

      if (v.provisionForms.length === 0) add("provisionForms", "请至少选择一种提供形式");
      if (v.provisionForms.includes("OTHER") && v.provisionFormOther === "") add("provisionFormOther", "请说明其他提供形式");
      if (v.deliveryMethods.length === 0) add("deliveryMethods", "请至少选择一种获取方式");
      if (v.needsAssistance && v.assistanceNote === "") add("assistanceNote", "请说明需要什么帮助（如阅读、视听方面的困难）");
    })
    .transform((v) => ({
      // Both are checked in superRefine above; zod runs the transform only when it passed.
      applicantType: v.applicantType ?? "NATURAL_PERSON",
      organizationSubtype: v.applicantType === "ORGANIZATION" ? (v.organizationSubtype ?? null) : null,
      applicantName: v.applicantName,
      contactName: v.contactName,
      idType: v.idType ?? "OTHER",
      idDocumentName: v.idType === "OTHER" ? v.idDocumentName : "",
      idNumber: v.idNumber,
      phone: v.phone,
      email: v.email,
      address: v.address,
      postalCode: v.postalCode,
      targetDepartmentId: v.targetDepartmentId,
      description: v.description,
      documentRef: v.documentRef,
      provisionForms: v.provisionForms,
      provisionFormOther: v.provisionForms.includes("OTHER") ? v.provisionFormOther : "",
      deliveryMethods: v.deliveryMethods,
      needsAssistance: v.needsAssistance,
      assistanceNote: v.needsAssistance ? v.assistanceNote : "",
      purpose: v.purpose,
    }));
}

export type ApplicationFormData = z.output<ReturnType<typeof applicationFormSchema>>;

/** Field errors in form order (for the error summary). */
export function orderFieldErrors(fieldErrors: Record<string, string[]>): Array<{ field: string; message: string }> {
  const known = FORM_FIELD_ORDER as readonly string[];
  const keys = Object.keys(fieldErrors).sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
  });
  return keys.flatMap((field) => {
    const first = fieldErrors[field]?.[0];
    return first ? [{ field, message: first }] : [];
  });
}

/** zod issues → { field: messages }, keyed by the top-level field (an array item's error belongs to its group). */
export function formFieldErrors(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    const list = (out[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}
