import { describe, expect, it } from "vitest";
import { applicationFormSchema, formFieldErrors, orderFieldErrors } from "@/lib/requests/application-form-schema";
import { residentIdCheckChar, usccCheckChar } from "@/lib/requests/rules/identity";

const ID_17 = "11010519491231002";
const VALID_ID = ID_17 + residentIdCheckChar(ID_17); // 11010519491231002X
const USCC_17 = "91350100M000100Y4";
const VALID_USCC = USCC_17 + usccCheckChar(USCC_17);

const person = {
  applicantType: "NATURAL_PERSON",
  applicantName: "张三",
  idType: "RESIDENT_ID_CARD",
  idNumber: VALID_ID,
  phone: "13800138000",
  email: "",
  address: "",
  targetDepartmentId: "dept-1",
  description: "2025年青山县城区道路改造工程的立项批复文件",
  provisionForms: "PAPER",
  deliveryMethods: "COLLECT",
};

const schema = applicationFormSchema({ today: "2026-11-22" });
function errors(input: Record<string, unknown>) {
  const r = schema.safeParse(input);
  return r.success ? {} : formFieldErrors(r.error);
}

describe("application form schema", () => {
  it("accepts a valid natural person's application (HTML form shapes) and normalises the ID", () => {
    const r = schema.safeParse({ ...person, idNumber: ` ${VALID_ID.toLowerCase()} `, needsAssistance: undefined });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.idNumber).toBe(VALID_ID);
    expect(r.data.provisionForms).toEqual(["PAPER"]);
    expect(r.data.deliveryMethods).toEqual(["COLLECT"]);
    expect(r.data.organizationSubtype).toBeNull();
    expect(r.data.needsAssistance).toBe(false);
  });

  it("accepts full-width ID characters typed with a Chinese IME", () => {
    const fullWidth = VALID_ID.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const r = schema.safeParse({ ...person, idNumber: fullWidth });
    expect(r.success && r.data.idNumber).toBe(VALID_ID);
  });

  it("rejects a resident ID with a wrong check digit, a wrong length, and a future birth date", () => {
    expect(errors({ ...person, idNumber: ID_17 + "1" }).idNumber?.[0]).toContain("校验位不正确");
    expect(errors({ ...person, idNumber: "1101051949123" }).idNumber?.[0]).toContain("应为18位");
    const future = "11010520301231001";
    expect(errors({ ...person, idNumber: future + residentIdCheckChar(future) }).idNumber?.[0]).toContain("出生日期");
  });

  it("lists every missing required field at once, in Chinese", () => {
    const e = errors({});
    expect(Object.keys(e).sort()).toEqual(
      [
        "applicantName",
        "applicantType",
        "deliveryMethods",
        "description",
        "idNumber",
        "idType",
        "phone",
        "provisionForms",
        "targetDepartmentId",
      ].sort(),
    );
    expect(e.applicantType?.[0]).toBe("请选择申请人类型");
    expect(orderFieldErrors(e).map((x) => x.field)[0]).toBe("applicantType");
  });

  it("organisations need a subtype, a contact person and a valid 统一社会信用代码", () => {
    const org = {
      ...person,
      applicantType: "ORGANIZATION",
      applicantName: "青山县某某律师事务所",
      idType: "UNIFIED_SOCIAL_CREDIT_CODE",
      idNumber: VALID_USCC,
    };
    const e = errors(org);
    expect(e.organizationSubtype?.[0]).toBe("请选择组织类型");
    expect(e.contactName?.[0]).toBe("请填写联系人姓名");
    const ok = schema.safeParse({ ...org, organizationSubtype: "LEGAL_SERVICE", contactName: "李四" });
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.organizationSubtype).toBe("LEGAL_SERVICE");
    expect(errors({ ...org, organizationSubtype: "LEGAL_SERVICE", contactName: "李四", idNumber: USCC_17 + "0" }).idNumber?.[0]).toMatch(
      /校验位|无效字符/,
    );
    // A person's ID card is not proof of identity for an organisation.
    expect(
      errors({ ...org, organizationSubtype: "OTHER", contactName: "李四", idType: "RESIDENT_ID_CARD", idNumber: VALID_ID }).idType?.[0],
    ).toContain("统一社会信用代码");
  });

  it("a person cannot use a 统一社会信用代码; other documents need their name", () => {
    expect(errors({ ...person, idType: "UNIFIED_SOCIAL_CREDIT_CODE", idNumber: VALID_USCC }).idType?.[0]).toContain("自然人");
    expect(errors({ ...person, idType: "OTHER", idNumber: "E12345678" }).idDocumentName?.[0]).toBe("请填写证件名称");
    expect(schema.safeParse({ ...person, idType: "OTHER", idDocumentName: "护照", idNumber: "E12345678" }).success).toBe(true);
  });

  it("cross-field rules: e-mail delivery needs an address, post needs an address, help needs a note", () => {
    expect(errors({ ...person, deliveryMethods: ["EMAIL"] }).email?.[0]).toContain("请填写电子邮箱");
    expect(errors({ ...person, email: "not-an-email" }).email?.[0]).toContain("格式不正确");
    expect(errors({ ...person, deliveryMethods: ["POST", "COLLECT"] }).address?.[0]).toContain("通信地址");
    expect(errors({ ...person, needsAssistance: "on" }).assistanceNote?.[0]).toContain("需要什么帮助");
    expect(errors({ ...person, provisionForms: ["OTHER"] }).provisionFormOther?.[0]).toContain("其他提供形式");
    expect(errors({ ...person, phone: "12" }).phone?.[0]).toContain("格式不正确");
    expect(errors({ ...person, postalCode: "1234" }).postalCode?.[0]).toContain("6位");
  });

  it("rejects unknown enum values and over-long text", () => {
    expect(errors({ ...person, provisionForms: ["PAPER", "FAX"] }).provisionForms).toBeDefined();
    expect(errors({ ...person, applicantType: "ROBOT" }).applicantType).toBeDefined();
    expect(errors({ ...person, description: "很".repeat(2001) }).description?.[0]).toContain("2000");
  });

  it("accepts JSON shapes (arrays, booleans) and drops fields that do not apply", () => {
    const r = schema.safeParse({
      ...person,
      provisionForms: ["PAPER", "PAPER", "DISC"],
      deliveryMethods: ["COLLECT"],
      needsAssistance: false,
      assistanceNote: "x",
      organizationSubtype: "RESEARCH",
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.provisionForms).toEqual(["PAPER", "DISC"]);
    expect(r.data.assistanceNote).toBe("");
    expect(r.data.organizationSubtype).toBeNull();
  });
});
