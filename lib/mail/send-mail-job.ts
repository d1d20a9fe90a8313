// The `mail.send` job: hands one queued OutboundMail to the SMTP server and records the
// outcome on the row. A refusal or an unreachable server is recorded (attempts, lastError)
// and rethrown, so the job runner retries with exponential backoff; after the last attempt
// the row says FAILED with the last error and an audit entry records it. Staff can retry
// from /admin/jobs.
//
// Delivery is at least once: if the process dies between the server accepting a message
// and the row being marked SENT, the job is run again and the applicant may get it twice.
// A lost mail would be worse than a duplicate.

import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { MAIL_KIND_LABELS } from "./outbox";
import { redactText } from "./redact";
import { deliver } from "./transport";

export const MAIL_ACTOR_NAME = "系统（邮件发送）";

export type Attempt = { attempt: number; maxAttempts: number };

export async function sendQueuedMail(mailId: string, at: Attempt): Promise<"SENT" | "ALREADY_SENT" | "MISSING"> {
  const mail = await db().outboundMail.findUnique({ where: { id: mailId } });
  if (!mail) return "MISSING";
  if (mail.status === "SENT") return "ALREADY_SENT";
  let messageId: string;
  try {
    messageId = await deliver(mail);
  } catch (e) {
    const error = smtpErrorText(e);
    const final = at.attempt >= at.maxAttempts;
    await db().$transaction(async (tx) => {
      await tx.outboundMail.update({
        where: { id: mailId },
        data: { status: final ? "FAILED" : "QUEUED", attempts: at.attempt, lastError: error },
      });
      if (final) {
        await writeAudit(tx, {
          actorName: MAIL_ACTOR_NAME,
          action: "mail.send",
          entityType: "Mail",
          entityId: mailId,
          outcome: "FAILED",
          detail: `${MAIL_KIND_LABELS[mail.kind]}邮件发送失败（已尝试 ${at.attempt} 次）：${error}`.slice(0, 500),
        });
      }
    });
    throw new Error(`邮件发送失败：${error}`);
  }
  await db().$transaction(async (tx) => {
    await tx.outboundMail.update({
      where: { id: mailId },
      data: {
        status: "SENT",
        attempts: at.attempt,
        lastError: "",
        messageId,
        sentAt: new Date(),
        // The secret (a query code) has reached the applicant; the outbox forgets it.
        text: redactText(mail.text, mail.redact),
        html: mail.html === null ? null : redactText(mail.html, mail.redact),
        redact: [],
      },
    });
    await writeAudit(tx, {
      actorName: MAIL_ACTOR_NAME,
      action: "mail.send",
      entityType: "Mail",
      entityId: mailId,
      detail: `已发送${MAIL_KIND_LABELS[mail.kind]}邮件：${redactText(mail.subject, mail.redact)}`.slice(0, 500),
      after: { messageId, applicationId: mail.applicationId },
    });
  });
  return "SENT";
}

/** The server's answer or the network error, without anything that could hold a password. */
function smtpErrorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e).slice(0, 500);
  const x = e as Error & { code?: string; responseCode?: number; response?: string };
  // The server's response starts with its code ("550 5.1.1 …"); without one, the message.
  const parts = [x.code, x.response ?? `${x.responseCode ? `${x.responseCode} ` : ""}${x.message}`].filter(Boolean);
  return parts
    .join(" ")
    .replace(/smtps?:\/\/[^\s]*/g, "smtp://…")
    .slice(0, 500);
}
