/**
 * Valid application inputs for the demo seed and the tests (one way to make
 * an applicant, with check digits computed rather than hard-coded).
 */
import { residentIdCheckChar, usccCheckChar } from "./rules/identity";

/** A valid 居民身份证 number from a 6-digit area code, birth date (YYYYMMDD) and 3-digit sequence. */
export function residentId(area = "331127", birth = "19800101", seq = "123"): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** A valid 统一社会信用代码 (91 = enterprise) with a 9-character organisation code. */
export function uscc(org = "MA2A0B3C4", area = "331127", kind = "91"): string {
  const first17 = `${kind}${area}${org}`;
  return first17 + usccCheckChar(first17);
}

export function personInput(targetDepartmentId: string, o: Record<string, unknown> = {}) {
  return {
    applicantType: "NATURAL_PERSON",
    applicantName: "张伟",
    idType: "RESIDENT_ID_CARD",
    idNumber: residentId(),
    phone: "13800138000",
    email: "zhangwei@example.com",
    address: "青山县青山街道人民路8号",
    postalCode: "323800",
    description: "2025年青山县城区道路改造工程的立项批复文件",
    documentRef: "",
    provisionForms: ["PAPER"],
    deliveryMethods: ["POST"],
    needsAssistance: false,
    targetDepartmentId,
    ...o,
  };
}

export function organisationInput(targetDepartmentId: string, o: Record<string, unknown> = {}) {
  return {
    applicantType: "ORGANIZATION",
    organizationSubtype: "COMMERCIAL",
    applicantName: "青山县宏达建材有限公司",
    contactName: "李娜",
    idType: "UNIFIED_SOCIAL_CREDIT_CODE",
    idNumber: uscc(),
    phone: "0578-6123456",
    email: "office@hongda.example.com",
    address: "青山县工业园区纬三路12号",
    postalCode: "323800",
    description: "2025年度县级建材产业扶持资金分配结果",
    provisionForms: ["EMAIL"],
    deliveryMethods: ["EMAIL"],
    targetDepartmentId,
    ...o,
  };
}
