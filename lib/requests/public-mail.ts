/**
 * Outgoing mail to applicants. There is no mail server in this deployment:
 * `sendMail()` is THE place to plug SMTP in (e.g. nodemailer with the
 * settings from the environment). Until then every message is appended to an
 * outbox file (MAIL_OUTBOX_FILE, default .data/mail-outbox.log), one JSON
 * object per line, so an operator can see what would have been sent.
 *
 * Callers run it after the database transaction commits and never await its
 * failure: a mail problem must never block or undo a submission.
 */
import fs from "node:fs/promises";
import path from "node:path";

export type OutgoingMail = { to: string; subject: string; text: string };

export function outboxFile(): string {
  return process.env.MAIL_OUTBOX_FILE || path.join(process.cwd(), ".data", "mail-outbox.log");
}

/** Returns true when the message was handed over (written to the outbox); never throws. */
export async function sendMail(mail: OutgoingMail): Promise<boolean> {
  try {
    const file = outboxFile();
    await fs.mkdir(path.dirname(file), { recursive: true });
    const line = JSON.stringify({ at: new Date().toISOString(), to: mail.to, subject: mail.subject, text: mail.text });
    await fs.appendFile(file, line + "\n", { encoding: "utf8", mode: 0o600 });
    return true;
  } catch (e) {
    // Logged without the message body (it may contain a query code).
    console.warn("[mail] outbox write failed:", e instanceof Error ? e.message : String(e));
    return false;
  }
}

/** Fire-and-forget after commit: the caller does not wait for the mail. */
export function sendMailInBackground(mail: OutgoingMail): void {
  void sendMail(mail);
}

/**
 * The applicant's tracking number and query code by e-mail (the code is shown
 * once and stored only as a hash, so this is the applicant's only copy besides
 * what they noted). Call after the transaction that created the application
 * has committed; never awaited for failure.
 */
export function mailQueryCode(m: { to: string; applicantName: string; trackingNo: string; queryCode: string; intro: string }): void {
  if (!m.to) return;
  sendMailInBackground({
    to: m.to,
    subject: `政府信息公开申请编号 ${m.trackingNo} 及查询码`,
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
  });
}
