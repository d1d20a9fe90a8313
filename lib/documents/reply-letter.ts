/**
 * 政府信息公开申请答复告知书: the text of the reply letter by Art. 36 type,
 * the provisions cited, and the remedies (行政复议 60 days, 行政诉讼 6 months).
 */
import { formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import {
  EXEMPTION_INFO,
  legalBasisOf,
  NOT_EXIST_INFO,
  NOT_PROCESSED_INFO,
  OTHER_INFO,
  REPLY_TYPE_LABELS,
  type ReplyDecision,
} from "@/lib/requests/rules/reply-types";
import { renderLetterPdf, type LetterBlock } from "./pdf-letter";

export type ReplyLetterData = {
  organName: string;
  /** Where 行政复议 goes (the organ's 本级人民政府 / superior), if known. */
  reviewOrganName: string | null;
  documentNumber: string;
  applicantName: string;
  applicationNumber: string;
  receiptDate: CivilDate;
  correctionReceivedOn: CivilDate | null;
  description: string;
  decision: ReplyDecision;
  remarks: string;
  letterDate: CivilDate;
  contact: string;
};

export function replyDecisionParagraphs(d: ReplyDecision): string[] {
  switch (d.replyType) {
    case "ALREADY_PUBLIC":
      return [
        `经审查，您申请获取的政府信息已经主动公开。${d.accessInstructions ?? ""}${d.url ? `您可以通过以下网址获取：${d.url}。` : ""}`,
      ];
    case "DISCLOSE":
      return [
        `经审查，您申请获取的政府信息属于可以公开的政府信息，本机关决定予以公开。${d.accessInstructions}${d.url ? `（网址：${d.url}）` : ""}`,
      ];
    case "PARTIAL":
      return [
        `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定部分公开。可以公开的部分：${d.accessInstructions}`,
        `不予公开部分的理由：${d.withheldReason}${
          d.exemptionCodes?.length ? `（${d.exemptionCodes.map((c) => EXEMPTION_INFO[c].label).join("；")}）` : ""
        }${d.specialProcedure ?? ""}`,
      ];
    case "WITHHOLD":
      return [
        `经审查，您申请获取的政府信息${d.exemptionCodes.map((c) => EXEMPTION_INFO[c].label).join("、")}，本机关决定不予公开。理由如下：${d.reason}`,
        ...(d.specialProcedure ? [d.specialProcedure] : []),
      ];
    case "NOT_EXIST":
      return [
        `经检索，${NOT_EXIST_INFO[d.subReason].label}，本机关无法提供。${d.explanation}`,
        ...(d.searchRecord ? [`检索情况：${d.searchRecord}`] : []),
      ];
    case "NOT_OURS":
      return [
        `经审查，您申请获取的政府信息不属于本机关负责公开。${d.reason}`,
        d.responsibleOrganName
          ? `负责公开该政府信息的机关为${d.responsibleOrganName}${d.responsibleOrganContact ? `，联系方式：${d.responsibleOrganContact}` : ""}，建议您向其提出申请。`
          : "本机关无法确定负责公开该政府信息的机关。",
      ];
    case "NOT_PROCESSED":
      return [
        `经审查，您的申请属于“${NOT_PROCESSED_INFO[d.subReason].label}”情形，本机关不作为政府信息公开申请处理。${d.explanation}`,
        ...(d.channel ? [`您可以通过以下渠道反映：${d.channel}。`] : []),
        ...(d.previousReplyReference ? [`本机关已就相同内容作出答复（${d.previousReplyReference}）。`] : []),
        ...(d.accessInstructions ? [`获取途径：${d.accessInstructions}`] : []),
      ];
    case "OTHER":
      return [`${OTHER_INFO[d.subReason].label}。${d.explanation ?? ""}`];
  }
}

export function replyLetterBlocks(data: ReplyLetterData): LetterBlock[] {
  const d = data.decision;
  const received = data.correctionReceivedOn
    ? `本机关于${formatChineseDate(data.receiptDate)}收到您提出的政府信息公开申请（申请编号：${data.applicationNumber}），并于${formatChineseDate(data.correctionReceivedOn)}收到您的补正申请。`
    : `本机关于${formatChineseDate(data.receiptDate)}收到您提出的政府信息公开申请（申请编号：${data.applicationNumber}）。`;
  const blocks: LetterBlock[] = [
    { kind: "p", text: `${received}您申请获取：“${data.description}”。` },
    { kind: "p", text: `现根据《中华人民共和国政府信息公开条例》的规定，答复如下（答复类型：${REPLY_TYPE_LABELS[d.replyType]}）：` },
    ...replyDecisionParagraphs(d).map((text): LetterBlock => ({ kind: "p", text })),
  ];
  if (data.remarks.trim()) blocks.push({ kind: "p", text: data.remarks.trim() });
  const basis = legalBasisOf(d);
  if (basis.length) {
    blocks.push({ kind: "heading", text: "法律依据：" });
    for (const b of basis) blocks.push({ kind: "small", text: `${b.citation}：${b.text}` });
  }
  const review = data.reviewOrganName ?? "上一级行政机关";
  blocks.push({
    kind: "p",
    text: `如对本答复不服，可以在收到本告知书之日起60日内向${review}申请行政复议，或者在收到本告知书之日起6个月内依法向人民法院提起行政诉讼。`,
  });
  blocks.push({ kind: "p", text: "特此告知。" });
  return blocks;
}

export async function renderReplyLetter(data: ReplyLetterData): Promise<Buffer> {
  return renderLetterPdf({
    organName: data.organName,
    title: "政府信息公开申请答复告知书",
    documentNumber: data.documentNumber,
    addressee: data.applicantName,
    blocks: replyLetterBlocks(data),
    signOrgan: data.organName,
    date: data.letterDate,
    footer: [`申请编号：${data.applicationNumber}　收到申请日期：${formatChineseDate(data.receiptDate)}`, data.contact].filter(Boolean),
    subject: `${data.applicationNumber} 答复告知书`,
  });
}
