// What /admin/mail shows: the outbox and, in the demo, what the local catcher received.
// Query codes never reach a staff page: queued mail is shown with its secrets masked, sent
// mail has them erased, and the catcher's copy is masked by pattern.

import { db } from "@/lib/db/client";
import type { MailStatus } from "@/lib/generated/prisma/enums";
import { REDACTED, redactText } from "./redact";

export async function listOutboundMail(status?: MailStatus, take = 100) {
  return db().outboundMail.findMany({
    where: status ? { status } : {},
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      to: true,
      subject: true,
      kind: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      redact: true,
      applicationId: true,
    },
  });
}

export async function mailCounts(): Promise<Record<MailStatus, number>> {
  const rows = await db().outboundMail.groupBy({ by: ["status"], _count: { _all: true } });
  const out: Record<MailStatus, number> = { QUEUED: 0, SENT: 0, FAILED: 0 };
  for (const r of rows) out[r.status] = r._count._all;
  return out;
}

/** One message as staff may see it (secrets masked), with its case's number. */
export async function outboundMailForStaff(id: string) {
  const m = await db().outboundMail.findUnique({
    where: { id },
    include: { application: { select: { id: true, number: true } } },
  });
  if (!m) return null;
  return {
    ...m,
    subject: redactText(m.subject, m.redact),
    text: redactText(m.text, m.redact),
    html: m.html === null ? null : redactText(m.html, m.redact),
    redact: [],
  };
}

export async function listCaughtMail(take = 50) {
  return db().caughtMail.findMany({
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, receivedAt: true, from: true, to: true, subject: true },
  });
}

export async function caughtMailForStaff(id: string) {
  const m = await db().caughtMail.findUnique({
    where: { id },
    // Not the raw source: its body may be base64-encoded, where no pattern finds a code.
    select: { id: true, receivedAt: true, from: true, to: true, subject: true, text: true, messageId: true },
  });
  if (!m) return null;
  return { ...m, text: maskQueryCodes(m.text) };
}

/** The catcher stores what a mailbox would hold, query codes included; staff see them masked. */
export function maskQueryCodes(text: string): string {
  return text.replace(/(查询码[:：]\s*)[0-9A-Za-z]+/g, `$1${REDACTED}`);
}

/** Every message queued for a case's applicant, oldest first (for the case page). */
export async function mailsOfApplication(applicationId: string) {
  const rows = await db().outboundMail.findMany({
    where: { applicationId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      to: true,
      subject: true,
      kind: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      redact: true,
    },
  });
  return rows.map(({ redact, ...m }) => ({ ...m, subject: redactText(m.subject, redact) }));
}
