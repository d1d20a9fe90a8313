/**
 * Mail to applicants, through the mail outbox (lib/mail/outbox.ts): each message is a row
 * queued in the caller's transaction with its `mail.send` job, sent by the job runner after
 * the commit, retried with backoff, and shown on the case (OutboundMail.applicationId) and
 * at /admin/mail. An unreachable mail server never blocks or undoes a submission (only a
 * malformed address is refused here, and the forms refuse it first), and a mail is never
 * sent for a change that rolled back.
 */
import type { Tx } from "@/lib/db/client";
import type { MailKind } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail/outbox";

export type OutgoingMail = { to: string; subject: string; text: string; kind?: MailKind; applicationId?: string; redact?: string[] };

/** Queues one mail to an applicant in the caller's transaction; null when there is no address. */
export async function queueApplicantMail(tx: Tx, mail: OutgoingMail): Promise<string | null> {
  if (!mail.to) return null;
  return queueMail(tx, { kind: "NOTICE", ...mail });
}

export type QueryCodeMail = {
  to: string;
  applicantName: string;
  trackingNo: string;
  queryCode: string;
  intro: string;
  /** The application the code belongs to, so the case lists the mail. */
  applicationId?: string;
  subject?: string;
};

/**
 * The applicant's tracking number and query code by e-mail (the code is shown once and
 * stored only as a hash, so this is the applicant's only copy besides what they noted).
 * The outbox hides the code from staff and forgets it once the mail is sent.
 */
export function queryCodeMail(m: QueryCodeMail): OutgoingMail {
  return {
    to: m.to,
    kind: "QUERY_CODE",
    applicationId: m.applicationId,
    redact: [m.queryCode],
    subject: m.subject ?? `政府信息公开申请编号 ${m.trackingNo} 及查询码`,
    text: [
      `${m.applicantName}：`,
      "",
      m.intro,
      "",
      `申请编号：${m.trackingNo}`,
      `查询码：${m.queryCode}`,
      "",
      "请妥善保管查询码：凭申请编号和查询码可在网站“依申请公开—办理进度查询”查看办理进度、在线补正和下载答复书。查询码不会再次显示，工作人员也无法查看。",
      "",
      "本邮件由系统自动发送，请勿直接回复。",
    ].join("\n"),
  };
}

/** Queues the query-code mail in the caller's transaction (no address: nothing to send). */
export function mailQueryCode(tx: Tx, m: QueryCodeMail): Promise<string | null> {
  return queueApplicantMail(tx, queryCodeMail(m));
}
