import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listQueueJobs } from "@/lib/jobs/queries";
import { retryJob } from "@/lib/jobs/retry-job";
import { runDueJobs } from "@/lib/jobs/runner";
import { queueMail } from "@/lib/mail/outbox";
import { outboundMailForStaff } from "@/lib/mail/queries";
import { REDACTED } from "@/lib/mail/redact";
import { mailQueryCode } from "@/lib/requests/public-mail";
import { startMailCatcher, storeInDatabase, type CaughtMessage, type MailCatcher } from "@/scripts/mail-catcher";
import { makeActor } from "../helpers/actors";
import { expectConsoleError } from "../setup/fail-on-console-error";

// mail.send against real SMTP servers started here on random ports: one that accepts (the
// portal's own mail catcher, also storing into CaughtMail) and one that refuses recipients.

const received: CaughtMessage[] = [];
let catcher: MailCatcher;
let refusing: MailCatcher;

beforeAll(async () => {
  const store = storeInDatabase(process.env.DATABASE_URL!);
  catcher = await startMailCatcher({
    onMessage: async (m) => {
      received.push(m);
      await store(m);
    },
  });
  refusing = await startMailCatcher({
    onMessage: async () => {},
    server: {
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
      },
    },
  });
  process.env.SMTP_URL = catcher.url;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await catcher.close();
  await refusing.close();
});

async function mailJob(mailId: string) {
  return (await listQueueJobs()).find((j) => j.task === "mail.send" && JSON.stringify(j.payload).includes(mailId));
}

describe("queueMail", () => {
  it("a mail queued in a transaction that rolls back neither exists nor is sent", async () => {
    let id = "";
    await expect(
      db().$transaction(async (tx) => {
        id = await queueMail(tx, { to: "a@example.com", subject: "不应发出", text: "正文", kind: "NOTICE" });
        throw new Error("回滚");
      }),
    ).rejects.toThrow("回滚");
    expect(await db().outboundMail.findUnique({ where: { id } })).toBeNull();
    expect(await mailJob(id)).toBeUndefined();
  });

  it("refuses a malformed address with a Chinese field message, queueing nothing", async () => {
    await expect(
      db().$transaction((tx) => queueMail(tx, { to: "不是邮箱", subject: "主题", text: "正文", kind: "NOTICE" })),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { to: ["收件人邮箱格式不正确"] } });
  });
});

describe("mail.send", () => {
  it("delivers a committed mail to the SMTP server, marks it SENT with the Message-ID and forgets the query code", async () => {
    const id = await db().$transaction(async (tx) =>
      mailQueryCode(tx, {
        to: "zhang@example.com",
        applicantName: "张三",
        trackingNo: "YSQ-2026-000123",
        queryCode: "ABCD2345EF",
        intro: "您的申请已登记。",
      }),
    );
    expect(id).toBeTruthy();
    const queued = await db().outboundMail.findUniqueOrThrow({ where: { id: id! } });
    expect(queued).toMatchObject({ status: "QUEUED", kind: "QUERY_CODE", attempts: 0 });
    // Staff never see a query code, not even while the mail waits.
    const shown = await outboundMailForStaff(id!);
    expect(shown!.text).not.toContain("ABCD2345EF");
    expect(shown!.text).toContain(`查询码：${REDACTED}`);

    await runDueJobs();

    const sent = await db().outboundMail.findUniqueOrThrow({ where: { id: id! } });
    expect(sent.status).toBe("SENT");
    expect(sent.attempts).toBe(1);
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.messageId).toMatch(/^<.+@.+>$/);
    expect(sent.text).not.toContain("ABCD2345EF");
    expect(sent.redact).toEqual([]);

    const got = received.find((m) => m.messageId === sent.messageId);
    expect(got).toBeDefined();
    expect(got!.to).toEqual(["zhang@example.com"]);
    expect(got!.subject).toBe("政府信息公开申请编号 YSQ-2026-000123 及查询码");
    expect(got!.text).toContain("查询码：ABCD2345EF"); // the applicant does get it
    const caught = await db().caughtMail.findFirstOrThrow({ where: { messageId: sent.messageId! } });
    expect(caught.subject).toBe(got!.subject);

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "mail.send", entityId: id! } });
    expect(audit.outcome).toBe("OK");
    expect(audit.detail + JSON.stringify(audit.after)).not.toContain("ABCD2345EF");
    expect(await mailJob(id!)).toBeUndefined();
  });

  it("an SMTP refusal is recorded and retried; after the last attempt the mail is FAILED; an admin's retry sends it", async () => {
    process.env.SMTP_URL = refusing.url;
    try {
      const id = await db().$transaction((tx) =>
        queueMail(tx, { to: "li@example.com", subject: "补正告知", text: "请补充材料。", kind: "NOTICE" }),
      );
      await runDueJobs();
      let row = await db().outboundMail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(row.lastError).toBe("EENVELOPE 550 5.1.1 Mailbox unavailable");
      const job = (await mailJob(id))!;
      expect(job).toMatchObject({ attempts: 1, maxAttempts: 8 });
      expect(job.runAt.getTime()).toBeGreaterThan(Date.now()); // backing off

      // Fewer attempts left (so the test need not wait through eight backoffs).
      await db().$executeRaw`UPDATE graphile_worker._private_jobs SET max_attempts = 2, run_at = now() WHERE id = ${BigInt(job.id)}`;
      expectConsoleError(1);
      await runDueJobs();
      row = await db().outboundMail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
      expect(row.lastError).toContain("550");
      expect((await mailJob(id))!.attempts).toBe(2); // parked, not lost
      const failedAudit = await db().auditLog.findFirstOrThrow({ where: { action: "mail.send", entityId: id } });
      expect(failedAudit.outcome).toBe("FAILED");

      // The server is fixed; an administrator retries: the mail is queued again and goes out.
      process.env.SMTP_URL = catcher.url;
      const admin = await makeActor(["ADMIN"]);
      await retryJob(admin, { jobId: job.id });
      expect((await db().outboundMail.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
      await runDueJobs();
      row = await db().outboundMail.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("SENT");
      expect(received.some((m) => m.subject === "补正告知" && m.to.includes("li@example.com"))).toBe(true);
    } finally {
      process.env.SMTP_URL = catcher.url;
    }
  });

  it("an unreachable server is an attempt that fails and is retried later", async () => {
    const closed = await startMailCatcher({ onMessage: async () => {} });
    await closed.close();
    process.env.SMTP_URL = closed.url;
    try {
      const id = await db().$transaction((tx) =>
        queueMail(tx, { to: "wang@example.com", subject: "通知", text: "正文", kind: "NOTIFICATION" }),
      );
      await runDueJobs();
      const row = await db().outboundMail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    } finally {
      process.env.SMTP_URL = catcher.url;
    }
  });
});
