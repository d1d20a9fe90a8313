import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { closeFeeOverdue, confirmFeePayment, issueFeeNotice, previewFee } from "@/lib/requests/fees";
import { draftReply, signReply } from "@/lib/requests/reply";
import { renderReplyLetterJob, replyLetterOf, replyLetterForStaff } from "@/lib/requests/reply-letter";
import { loadCaseFile, loadCase } from "@/lib/requests/queries";
import { requestCalendar } from "@/lib/requests/calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { residentId } from "@/lib/requests/sample-input";
import { at, inProgress, office, statusOf } from "./requests-helpers";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    out += content.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return out;
}

describe("processing fees (国办函〔2020〕109号)", () => {
  it("counts the applicant's applications in the calendar month by identity number, charges from the 11th, and abandons unpaid ones", async () => {
    const o = await office();
    const id = residentId("331127", "19751120", "031");
    // Same person, identity typed with a lower-case x / spaces: normalised to one key.
    const apps = [];
    for (let i = 0; i < 12; i++) {
      const typed = i % 2 ? ` ${id.slice(0, 6)} ${id.slice(6)} `.toLowerCase() : id;
      apps.push(
        await inProgress(o.clerk, o.dept.id, i < 1 ? "2026-02-27" : "2026-03-02", {
          idNumber: typed,
          description: `第${i + 1}件申请的内容`,
        }),
      );
    }
    // The February one does not count for March: 11 in March, the last is the 11th.
    const tenth = apps[10]!;
    const eleventh = apps[11]!;
    const preview10 = await previewFee(o.clerk, tenth.id, { method: "PER_APPLICATION" });
    expect(preview10.monthlyOrdinal).toBe(10);
    expect(preview10.free).toBe(true);
    await expect(
      issueFeeNotice(o.clerk, { id: tenth.id, method: "PER_APPLICATION", paymentInstructions: "到县财政非税收入窗口缴纳" }),
    ).rejects.toBeInstanceOf(ValidationError);

    const r = await issueFeeNotice(
      o.clerk,
      { id: eleventh.id, method: "PER_APPLICATION", paymentInstructions: "到县行政服务中心财政窗口缴纳，或转账至青山县财政局非税收入专户" },
      { now: at("2026-03-04") },
    );
    expect(r.amountYuan).toBe(100);
    const cal = await requestCalendar();
    expect(r.dueOn).toBe(addWorkingDays(cal, "2026-03-04", 20).due);
    expect(await statusOf(eleventh.id)).toBe("AWAITING_FEE");
    const c = await loadCase(o.clerk, eleventh.id, at("2026-03-20"));
    expect(c.clock.state).toBe("STOPPED");
    const notice = await db().applicationDocument.findUniqueOrThrow({ where: { id: r.documentId } });
    expect(await pdfText(notice.content)).toContain("100");

    await expect(closeFeeOverdue(o.clerk, { id: eleventh.id }, { now: at(r.dueOn) })).rejects.toBeInstanceOf(InvalidTransitionError);
    await closeFeeOverdue(o.clerk, { id: eleventh.id }, { now: at("2026-04-10") });
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: eleventh.id }, include: { fee: true } });
    expect(row.status).toBe("ABANDONED_FEE_UNPAID");
    expect(row.annualReportRow).toBe("OTHER.FEE_UNPAID");
    expect(row.fee?.status).toBe("ABANDONED");
    expect(row.fee?.amountYuan).toBe(100);
  });

  it("charges by pages (one method only) and resumes the clock on payment", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const p = await previewFee(o.clerk, a.id, { method: "PER_VOLUME", pages: 1500 });
    expect(p.amountYuan).toBe(54700);
    // A quantity of the other method slipped in (as a hand-made request could): refused, not ignored.
    const mixed = { id: a.id, method: "PER_VOLUME" as const, pages: 1500, monthlyOrdinal: 3, paymentInstructions: "窗口缴纳" };
    await expect(issueFeeNotice(o.clerk, mixed)).rejects.toThrow(/只能选择一种/);
    await issueFeeNotice(
      o.clerk,
      { id: a.id, method: "PER_VOLUME", pages: 120, paymentInstructions: "窗口缴纳" },
      { now: at("2026-03-05") },
    );
    await expect(confirmFeePayment(o.clerk, { id: a.id, amountYuan: 100 }, { now: at("2026-03-09") })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await confirmFeePayment(o.clerk, { id: a.id, amountYuan: 1100, paidOn: "2026-03-09", reference: "FS-001" }, { now: at("2026-03-09") });
    const c = await loadCase(o.clerk, a.id, at("2026-03-09"));
    expect(c.app.status).toBe("IN_PROGRESS");
    const cal = await requestCalendar();
    // 3/6 and 3/9 were paused.
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBe(addWorkingDays(cal, "2026-03-02", 22).due);
  });
});

describe("the reply letter PDF", () => {
  it("is rendered after the sign-off commits (the outbox), once, in official form with the application number and dates, and only for staff in scope", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    await expect(replyLetterOf(a.id)).rejects.toBeInstanceOf(NotFoundError);
    const d = await draftReply(o.clerk, {
      id: a.id,
      decision: { replyType: "WITHHOLD", exemptionCodes: ["THIRD_PARTY"], reason: "该信息含有第三方的商业秘密，第三方不同意公开" },
    });
    const signedReply = await signReply(o.director, { id: a.id, contentHash: d.contentHash }, { now: at("2026-03-20") });
    // Signing renders nothing under the case's row lock: it queues the rendering job in its transaction.
    expect(await db().applicationDocument.count({ where: { applicationId: a.id, kind: "REPLY_LETTER" } })).toBe(0);
    const jobs = await db().$queryRaw<Array<{ payload: { applicationId: string; replyId: string } }>>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = 'request.render-reply-letter' AND j.payload->>'applicationId' = ${a.id}`;
    expect(jobs.map((j) => j.payload)).toEqual([{ applicationId: a.id, replyId: signedReply.replyId }]);
    const payload = jobs[0]!.payload;
    await renderReplyLetterJob(payload);
    const stored = await db().applicationDocument.findFirstOrThrow({ where: { applicationId: a.id, kind: "REPLY_LETTER" } });
    // A retry (after a crash, or a second delivery of the job) stores nothing new and keeps the stored letter.
    await renderReplyLetterJob(payload);
    const after = await db().applicationDocument.findMany({ where: { applicationId: a.id, kind: "REPLY_LETTER" } });
    expect(after.map((x) => [x.id, x.sha256])).toEqual([[stored.id, stored.sha256]]);
    // The letter is the signer's; its storing is audited once.
    expect(stored.createdById).toBe(o.director.id);
    const signAudit = await db().auditLog.findFirstOrThrow({ where: { entityId: a.id, action: "request.reply-sign" } });
    expect(signAudit.actorId).toBe(o.director.id);
    const letterAudits = await db().auditLog.findMany({ where: { entityId: a.id, action: "request.reply-letter" } });
    expect(letterAudits).toHaveLength(1);
    expect((letterAudits[0]?.after as Record<string, unknown>).documentId).toBe(stored.id);
    const eventsBefore = await db().applicationEvent.count({ where: { applicationId: a.id } });
    const auditsBefore = await db().auditLog.count({ where: { entityId: a.id } });
    await expect(replyLetterForStaff(o.outsider, a.id)).rejects.toBeInstanceOf(NotFoundError);
    const pdf = await replyLetterForStaff(o.clerk, a.id);
    expect(Buffer.from(pdf.content).subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfText(pdf.content)).replace(/\s+/g, "");
    expect(text).toContain(a.number);
    expect(text).toContain("政府信息公开申请答复告知书");
    expect(text).toContain("测发改依申复〔2026〕1号");
    expect(text).toContain("2026年3月2日");
    expect(text).toContain("2026年3月20日");
    expect(text).toContain("第十五条");
    expect(text).toContain("60日内");
    expect(text).toContain("6个月内");
    expect(text).toContain("盖章处");
    expect(pdf.id).toBe(stored.id);
    const again = await replyLetterForStaff(o.director, a.id);
    expect(again.id).toBe(pdf.id);
    // Downloads (staff or the applicant's anonymous GET) of a rendered letter only read.
    expect((await replyLetterOf(a.id)).id).toBe(stored.id);
    expect(await db().applicationDocument.count({ where: { applicationId: a.id, kind: "REPLY_LETTER" } })).toBe(1);
    expect(await db().applicationEvent.count({ where: { applicationId: a.id } })).toBe(eventsBefore);
    expect(await db().auditLog.count({ where: { entityId: a.id } })).toBe(auditsBefore);
    await expect(loadCaseFile(o.outsider, a.id, pdf.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadCaseFile(o.clerk, a.id, pdf.id)).fileName).toMatch(/答复告知书/);
  });

  it("is rendered on demand, through the same idempotent function, when downloaded before the job ran", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const d = await draftReply(o.clerk, { id: a.id, decision: { replyType: "DISCLOSE", accessInstructions: "随本告知书提供纸质复印件" } });
    const signed = await signReply(o.director, { id: a.id, contentHash: d.contentHash }, { now: at("2026-03-10") });
    const first = await replyLetterForStaff(o.clerk, a.id);
    expect(Buffer.from(first.content).subarray(0, 5).toString()).toBe("%PDF-");
    // The job arriving later finds the letter and leaves it as it is.
    await renderReplyLetterJob({ applicationId: a.id, replyId: signed.replyId });
    const letters = await db().applicationDocument.findMany({ where: { applicationId: a.id, kind: "REPLY_LETTER" }, select: { id: true } });
    expect(letters).toEqual([{ id: first.id }]);
    expect((await replyLetterOf(a.id)).id).toBe(first.id);
  });
});
