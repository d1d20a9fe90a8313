/** The one labels module of the on-request domain: Chinese labels for the enums of prisma/schema/requests.prisma. */
import type {
  ApplicantIdType,
  ApplicantType,
  OrganizationSubtype,
  RequestDeliveryMethod,
  RequestProvisionForm,
  RequestConsultationKind,
  RequestConsultationOutcome,
  RequestExtensionStatus,
  RequestFeeStatus,
  RequestReplyStatus,
  ApplicationDocumentKind,
} from "@/lib/generated/prisma/enums";

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  NATURAL_PERSON: "自然人（公民）",
  ORGANIZATION: "法人或其他组织",
};

export const ORGANIZATION_SUBTYPE_LABELS: Record<OrganizationSubtype, string> = {
  COMMERCIAL: "商业企业",
  RESEARCH: "科研机构",
  PUBLIC_WELFARE: "社会公益组织",
  LEGAL_SERVICE: "法律服务机构",
  OTHER: "其他",
};

export const ID_TYPE_LABELS: Record<ApplicantIdType, string> = {
  RESIDENT_ID_CARD: "居民身份证",
  UNIFIED_SOCIAL_CREDIT_CODE: "统一社会信用代码",
  OTHER: "其他有效身份证件（护照、港澳台居民证件等）",
};

export const PROVISION_FORM_LABELS: Record<RequestProvisionForm, string> = {
  PAPER: "纸质文本",
  EMAIL: "电子邮件",
  DISC: "光盘",
  OTHER: "其他",
};

export const DELIVERY_METHOD_LABELS: Record<RequestDeliveryMethod, string> = {
  COLLECT: "自行领取",
  POST: "邮寄",
  EMAIL: "电子邮件",
  ONLINE_DOWNLOAD: "网上下载",
};

export const CONSULTATION_KIND_LABELS: Record<RequestConsultationKind, string> = {
  THIRD_PARTY: "征求第三方意见（《条例》第三十二条）",
  OTHER_ORGAN: "征求其他机关意见（《条例》第三十四条）",
};

export const CONSULTATION_OUTCOME_LABELS: Record<RequestConsultationOutcome, string> = {
  AGREE: "同意公开",
  DISAGREE: "不同意公开",
  NO_REPLY: "逾期未提出意见",
};

export const EXTENSION_STATUS_LABELS: Record<RequestExtensionStatus, string> = {
  PENDING: "待批准",
  APPROVED: "已批准",
  REJECTED: "未批准",
};

export const FEE_STATUS_LABELS: Record<RequestFeeStatus, string> = {
  UNPAID: "待缴费",
  PAID: "已缴费",
  ABANDONED: "逾期未缴费",
};

export const REPLY_STATUS_LABELS: Record<RequestReplyStatus, string> = {
  DRAFT: "待签发",
  RETURNED: "已退回",
  SIGNED: "已签发",
  SUPERSEDED: "已被新稿替代",
};

export const DOCUMENT_KIND_LABELS: Record<ApplicationDocumentKind, string> = {
  REPLY_LETTER: "政府信息公开申请答复告知书",
  CORRECTION_NOTICE: "补正告知书",
  CONSULTATION_LETTER: "征求意见函",
  FEE_NOTICE: "收费通知书",
  EXTENSION_NOTICE: "延期答复告知书",
};

/** Event actions beyond rules/stages.ts ACTION_LABELS. */
export const EVENT_LABELS: Record<string, string> = {
  CREATE: "提交申请",
  REGISTER: "登记申请",
  ASSIGN: "分办",
  SPLIT: "拆分申请",
  SPLIT_FROM: "由原申请拆分登记",
  EXTENSION_REQUEST: "申请延长答复期限",
  EXTENSION_APPROVE: "批准延长答复期限",
  EXTENSION_REJECT: "不批准延长答复期限",
  EXTENSION_NOTICE: "告知申请人延期",
  CONSULTATION_ANSWER: "收到征求意见答复",
  REVISE_REPLY: "修改答复稿",
  ATTACHMENT: "上传附件",
  DOCUMENT: "生成文书",
};
