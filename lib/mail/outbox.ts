// The mail outbox: `queueMail(tx, …)` writes the message (OutboundMail) and its `mail.send`
// job in the caller's transaction. The mail exists exactly when the change that causes it
// commits; the job runner sends it after commit, retries with backoff and records the
// outcome on the row (lib/mail/send-mail-job.ts). Nothing is sent from inside a transaction.

import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { ValidationError, zodFieldErrors } from "@/lib/errors";
import { MailKind } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue";

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  QUERY_CODE: "申请编号及查询码",
  NOTICE: "告知书",
  NOTIFICATION: "通知",
};

export const MAIL_STATUS_LABELS = { QUEUED: "待发送", SENT: "已发送", FAILED: "发送失败" } as const;

const queuedMailSchema = z.object({
  to: z.email({ error: "收件人邮箱格式不正确" }).max(254, "收件人邮箱过长"),
  subject: z.string({ error: "邮件主题必须是文本" }).trim().min(1, "邮件主题不能为空").max(200, "邮件主题不能超过 200 个字符"),
  text: z.string({ error: "邮件正文必须是文本" }).min(1, "邮件正文不能为空").max(100_000, "邮件正文过长"),
  html: z.string({ error: "邮件 HTML 正文必须是文本" }).max(200_000, "邮件 HTML 正文过长").optional(),
  kind: z.enum(MailKind, { error: "邮件类型不正确" }),
  applicationId: z.string({ error: "案件编号必须是文本" }).min(1, "案件编号不能为空").optional(),
  /** Secrets in the text (a query code): never shown to staff, erased once sent. */
  redact: z.array(z.string().min(4, "需隐去的内容至少 4 个字符")).max(5).optional(),
});

export type QueuedMail = z.input<typeof queuedMailSchema>;

/** Queues one mail in the caller's transaction; returns the OutboundMail id. */
export async function queueMail(tx: Tx, m: QueuedMail): Promise<string> {
  const parsed = queuedMailSchema.safeParse(m);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error), "邮件内容有误，未能加入发送队列");
  const v = parsed.data;
  const row = await tx.outboundMail.create({
    data: {
      to: v.to,
      subject: v.subject,
      text: v.text,
      html: v.html ?? null,
      kind: v.kind,
      applicationId: v.applicationId ?? null,
      redact: v.redact ?? [],
    },
    select: { id: true },
  });
  await enqueueJob(tx, { task: "mail.send", payload: { mailId: row.id } });
  return row.id;
}
