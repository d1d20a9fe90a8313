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
