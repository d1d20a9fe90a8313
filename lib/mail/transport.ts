// The SMTP connection: nodemailer on SMTP_URL (lib/env.ts). One transport per URL, so a
// changed setting (tests start their own server) takes effect without a restart. Timeouts
// are short: a mail server that hangs makes an attempt fail and the job retry later, rather
// than holding a worker.

import nodemailer, { type Transporter } from "nodemailer";
import { mailEnv, env } from "@/lib/env";

const g = globalThis as unknown as { __mailTransports?: Map<string, Transporter> };

export type MailMessage = { to: string; subject: string; text: string; html?: string | null };

export function mailTransport(): Transporter {
  const { SMTP_URL } = mailEnv();
  if (!SMTP_URL) throw new Error("未配置发信服务器（SMTP_URL），邮件暂不能发送");
  g.__mailTransports ??= new Map();
  let t = g.__mailTransports.get(SMTP_URL);
  if (!t) {
    t = nodemailer.createTransport({
      url: SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    g.__mailTransports.set(SMTP_URL, t);
  }
  return t;
}

/** The sender: MAIL_FROM, or the site's name at a no-reply address. */
export function mailFrom(): string {
  const { MAIL_FROM } = mailEnv();
  if (MAIL_FROM) return MAIL_FROM;
  return `"${env().SITE_NAME.replace(/["\\]/g, "")}" <noreply@localhost>`;
}

/** Hands one message to the SMTP server; resolves with its Message-ID, throws on refusal. */
export async function deliver(m: MailMessage): Promise<string> {
  const info = (await mailTransport().sendMail({
    from: mailFrom(),
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.html ? { html: m.html } : {}),
  })) as { messageId?: string; rejected?: unknown[] };
  if (Array.isArray(info.rejected) && info.rejected.length > 0) throw new Error("收件地址被邮件服务器拒绝");
  return info.messageId ?? "";
}
