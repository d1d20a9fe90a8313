/** The other letters of a case: 补正告知书, 征求意见函, 收费通知书, 延期答复告知书. */
import { formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import type { FeeAssessment } from "@/lib/requests/rules/fees";
import { renderLetterPdf } from "./pdf-letter";

export async function renderConsultationLetter(d: {
  organName: string;
  kind: "THIRD_PARTY" | "OTHER_ORGAN";
  partyName: string;
  applicationNumber: string;
  receiptDate: CivilDate;
  matter: string;
  dueOn: CivilDate;
  date: CivilDate;
  contact: string;
}): Promise<Buffer> {
  const article =
    d.kind === "THIRD_PARTY"
      ? "根据《中华人民共和国政府信息公开条例》第三十二条的规定，依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见。"
      : "根据《中华人民共和国政府信息公开条例》第三十四条的规定，申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关收到政府信息公开申请后可以征求相关行政机关的意见。";
  const silence =
    d.kind === "THIRD_PARTY" ? "第三方逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。" : "逾期未提出意见的视为同意公开。";
  return renderLetterPdf({
    organName: d.organName,
    title: "政府信息公开征求意见函",
    addressee: d.partyName,
    blocks: [
      {
        kind: "p",
        text: `本机关于${formatChineseDate(d.receiptDate)}收到政府信息公开申请（申请编号：${d.applicationNumber}）。${article}`,
      },
      { kind: "p", text: `现就以下事项征求您的意见：${d.matter}` },
      { kind: "p", text: `请自收到本函之日起15个工作日内（即${formatChineseDate(d.dueOn)}前）提出书面意见。${silence}` },
      { kind: "p", text: "特此函告。" },
    ],
    signOrgan: d.organName,
    date: d.date,
    footer: [`申请编号：${d.applicationNumber}`, d.contact].filter(Boolean),
  });
}

export async function renderFeeNotice(d: {
  organName: string;
  applicantName: string;
  applicationNumber: string;
  receiptDate: CivilDate;
  fee: FeeAssessment;
  paymentInstructions: string;
  dueOn: CivilDate;
  date: CivilDate;
  contact: string;
}): Promise<Buffer> {
  return renderLetterPdf({
    organName: d.organName,
    title: "政府信息公开信息处理费收费通知书",
    addressee: d.applicantName,
    blocks: [
      {
        kind: "p",
        text: `本机关于${formatChineseDate(d.receiptDate)}收到您提出的政府信息公开申请（申请编号：${d.applicationNumber}）。您申请公开政府信息的数量、频次明显超过合理范围，依法收取信息处理费。`,
      },
      { kind: "p", text: `收费依据：${d.fee.basis}。` },
      { kind: "p", text: `计收方式：${d.fee.methodLabel}。收费标准：${d.fee.rateTable}。` },
      { kind: "list", items: d.fee.lines.map((l) => l.description) },
      { kind: "p", text: `${d.fee.summary}应缴金额：人民币${d.fee.amountYuan}元。` },
      { kind: "p", text: `缴费方式：${d.paymentInstructions}` },
      {
        kind: "p",
        text: `请于${formatChineseDate(d.dueOn)}前（收到本通知次日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。缴费期间不计算在答复期限内。`,
      },
    ],
    signOrgan: d.organName,
    date: d.date,
    footer: [`申请编号：${d.applicationNumber}`, d.contact].filter(Boolean),
  });
}

/** 补正告知书 (Art. 30): every item at once, the guidance, a reasonable deadline and what happens after it. */
export async function renderCorrectionNotice(d: {
  organName: string;
  applicantName: string;
  applicationNumber: string;
  receiptDate: CivilDate;
  items: string[];
  guidance: string;
  deadline: CivilDate;
  date: CivilDate;
  contact: string;
}): Promise<Buffer> {
  return renderLetterPdf({
    organName: d.organName,
    title: "政府信息公开申请补正告知书",
    addressee: d.applicantName,
    blocks: [
      {
        kind: "p",
        text: `本机关于${formatChineseDate(d.receiptDate)}收到您提出的政府信息公开申请（申请编号：${d.applicationNumber}）。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：`,
      },
      { kind: "list", items: d.items.map((item, i) => `${i + 1}. ${item}`) },
      ...(d.guidance.trim() ? [{ kind: "p" as const, text: `指导和释明：${d.guidance.trim()}` }] : []),
      {
        kind: "p",
        text: `请于${formatChineseDate(d.deadline)}前补正。答复期限自本机关收到补正的申请之日起计算。您可以凭申请编号和查询码在本机关政府网站“依申请公开—办理进度查询”在线提交补正，也可以书面提交。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      },
      { kind: "p", text: "特此告知。" },
    ],
    signOrgan: d.organName,
    date: d.date,
    footer: [`申请编号：${d.applicationNumber}`, d.contact].filter(Boolean),
  });
}

/** 延期答复告知书 (Art. 33): the reason, the approval, the extra working days and the new deadline. */
export async function renderExtensionNotice(d: {
  organName: string;
  applicantName: string;
  applicationNumber: string;
  receiptDate: CivilDate;
  days: number;
  reason: string;
  baseDue: CivilDate | null;
  newDue: CivilDate | null;
  provisional: boolean;
  date: CivilDate;
  contact: string;
}): Promise<Buffer> {
  const due = d.newDue ? `，本机关将于${formatChineseDate(d.newDue)}${d.provisional ? "（暂定）" : ""}前作出答复` : "";
  const base = d.baseDue ? `（原答复期限为${formatChineseDate(d.baseDue)}）` : "";
  return renderLetterPdf({
    organName: d.organName,
    title: "政府信息公开申请延期答复告知书",
    addressee: d.applicantName,
    blocks: [
      {
        kind: "p",
        text: `本机关于${formatChineseDate(d.receiptDate)}收到您提出的政府信息公开申请（申请编号：${d.applicationNumber}）。因${d.reason.replace(/[。；，]+$/u, "")}，本机关不能在20个工作日内作出答复。`,
      },
      {
        kind: "p",
        text: `根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${d.days}个工作日${due}${base}。`,
      },
      { kind: "p", text: "特此告知。" },
    ],
    signOrgan: d.organName,
    date: d.date,
    footer: [`申请编号：${d.applicationNumber}`, d.contact].filter(Boolean),
  });
}
