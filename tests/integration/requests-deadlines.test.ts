import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, InvalidTransitionError, ValidationError } from "@/lib/errors";
import { addDays } from "@/lib/calendar/civil-date";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { importCalendarYear } from "@/lib/calendar/import-calendar-year";
import { seedNationalCalendar } from "@/lib/seed/seed-calendar";
import { requestCalendar } from "@/lib/requests/calendar";
import { loadCase } from "@/lib/requests/queries";
import { loadPublicStatus } from "@/lib/requests/public-status";
import { startReview } from "@/lib/requests/review-application";
import { receiveCorrection, requestCorrection } from "@/lib/requests/correction";
import { submitCorrectionOnline } from "@/lib/requests/public-correction";
import { decideExtension, recordExtensionNotice, requestExtension } from "@/lib/requests/extension";
import { closeFeeOverdue, confirmFeePayment, issueFeeNotice } from "@/lib/requests/fees";
import { registerApplication } from "@/lib/requests/register-application";
import { splitApplication } from "@/lib/requests/split-application";
import { personInput } from "@/lib/requests/sample-input";
import { createQueryCodeFlash, readQueryCodeFlash, QUERY_CODE_FLASH_SECONDS } from "@/lib/requests/query-code-flash";
import { makeActor } from "../helpers/actors";
import { at, handedIn, inProgress, office, statusOf } from "./requests-helpers";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out += content.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return out.replace(/\s+/g, "");
}

/** An application handed in on `on`, under review, with a 补正 notice sent the next day. */
async function awaitingCorrection(o: Awaited<ReturnType<typeof office>>, on: string, notice: string) {
  const a = await handedIn(o.clerk, o.dept.id, on);
  await startReview(o.clerk, { id: a.id }, { now: at(on) });
  const r = await requestCorrection(o.clerk, { id: a.id, items: ["请写明所需文件的名称或文号"] }, { now: at(notice) });
  return { ...a, correctionDeadline: r.deadline };
}

describe("补正 deadline (Art. 30): warned before, late corrections not taken silently", () => {
  it("the case page shows the 7-working-day window before it closes: OK, then WARN on the last day, then REFUSE", async () => {
    const o = await office();
    const cal = await requestCalendar();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await startReview(o.clerk, { id: a.id }, { now: at("2026-03-02") });
    const last = addWorkingDays(cal, "2026-03-02", 7).due;
    const early = await loadCase(o.clerk, a.id, at("2026-03-03"));
    expect(early.deadlines.correctionWindow).toMatchObject({ result: "OK", deadline: last, provisional: false });
    expect(early.deadlines.correctionWindow?.message).toMatch(/还剩6个工作日/);
    const lastDay = await loadCase(o.clerk, a.id, at(last));
    expect(lastDay.deadlines.correctionWindow).toMatchObject({ result: "WARN" });
    const late = await loadCase(o.clerk, a.id, at(addWorkingDays(cal, "2026-03-02", 8).due));
    expect(late.deadlines.correctionWindow?.result).toBe("REFUSE");
    expect(late.deadlines.correctionWindow?.message).toMatch(/已超过补正告知期限/);

    // Once asked for, 补正 cannot be asked again: no window to show.
    const r = await requestCorrection(
      o.clerk,
      { id: a.id, items: ["请写明文号", "请提供身份证明复印件"], guidance: "文号可在县政府网站查询" },
      { now: at("2026-03-04") },
    );
    expect((await loadCase(o.clerk, a.id, at("2026-03-05"))).deadlines.correctionWindow).toBeNull();
    // The 补正告知书 lists every item, the guidance and the deadline.
    const notice = await db().applicationDocument.findUniqueOrThrow({ where: { id: r.documentId } });
    expect(notice).toMatchObject({ applicationId: a.id, kind: "CORRECTION_NOTICE", mimeType: "application/pdf" });
    const text = await pdfText(notice.content);
    for (const s of [
      "补正告知书",
      a.number,
      "1.请写明文号",
      "2.请提供身份证明复印件",
      "文号可在县政府网站查询",
      "2026年3月25日前补正",
      "视为放弃申请",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("refuses an online correction after the deadline, changing nothing, and tells the applicant why", async () => {
    const o = await office();
    const a = await awaitingCorrection(o, "2026-03-02", "2026-03-03");
    const dayAfter = addDays(a.correctionDeadline, 1);
    const err = await submitCorrectionOnline(a.id, "补充文号", { ip: "10.7.0.1", now: at(dayAfter) }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect(err.message).toMatch(/补正期限已于.*届满/);
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe("AWAITING_CORRECTION");
    expect(row.correctionReceivedOn).toBeNull();
    expect(await db().applicationEvent.count({ where: { applicationId: a.id, action: "RECEIVE_CORRECTION" } })).toBe(0);

    const view = await loadPublicStatus(a.id, at(dayAfter));
    expect(view?.correction?.open).toBe(false);
    expect(view?.correction?.closedMessage).toMatch(/视为放弃申请/);
    // On the last day itself the applicant can still answer.
    const onTime = await loadPublicStatus(a.id, at(a.correctionDeadline));
    expect(onTime?.correction).toMatchObject({ open: true, closedMessage: null });
    await submitCorrectionOnline(a.id, "补充文号", { ip: "10.7.0.1", now: at(a.correctionDeadline) });
    expect(await statusOf(a.id)).toBe("UNDER_REVIEW");
  });

  it("staff record a late correction only with the applicant's good reason", async () => {
    const o = await office();
    const a = await awaitingCorrection(o, "2026-03-02", "2026-03-03");
    const late = addWorkingDays(await requestCalendar(), a.correctionDeadline, 2).due;
    const err = await receiveCorrection(o.clerk, { id: a.id, content: "补充了文号" }, { now: at(late) }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.lateReason[0]).toMatch(/补正期限已于.*届满/);
    expect(await statusOf(a.id)).toBe("AWAITING_CORRECTION");

    const r = await receiveCorrection(
      o.clerk,
      { id: a.id, content: "补充了文号", lateReason: "申请人住院，提供了医院证明" },
      { now: at(late) },
    );
    expect(r.clockRestartsFrom).toBe(late);
    const ev = await db().applicationEvent.findFirstOrThrow({ where: { applicationId: a.id, action: "RECEIVE_CORRECTION" } });
    expect(ev.note).toContain("正当理由：申请人住院");
    expect(ev.payload).toMatchObject({ late: true, correctionDeadline: a.correctionDeadline });
  });
});

describe("the applicant sees an extension with its reason (Art. 33)", () => {
  it("shows days, reason, approval and notice on the tracking view", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    await requestExtension(o.clerk, { id: a.id, days: 15, reason: "涉及档案较多，需要调档检索" }, { now: at("2026-03-20") });
    expect((await loadPublicStatus(a.id, at("2026-03-20")))?.extension).toBeNull();
    await decideExtension(o.director, { id: a.id, approve: true }, { now: at("2026-03-23") });
    await recordExtensionNotice(o.clerk, { id: a.id, method: "电子邮件" }, { now: at("2026-03-23") });
    const view = await loadPublicStatus(a.id, at("2026-03-24"));
    expect(view?.extension).toEqual({
      days: 15,
      reason: "涉及档案较多，需要调档检索",
      approvedOn: "2026-03-23",
      noticeSentOn: "2026-03-23",
      noticeMethod: "电子邮件",
    });
    expect(view?.deadline?.extensionDays).toBe(15);
    // Approval produced the 延期答复告知书 with the reason and the new deadline.
    const doc = await db().applicationDocument.findFirstOrThrow({ where: { applicationId: a.id, kind: "EXTENSION_NOTICE" } });
    const text = await pdfText(doc.content);
    expect(text).toContain("延期答复告知书");
    expect(text).toContain("涉及档案较多，需要调档检索");
    expect(text).toContain("延长15个工作日");
    expect(text).toContain(
      `于${view?.deadline?.due ? view.deadline.due.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, "$1年$2月$3日") : "?"}前作出答复`,
    );
  });
});

describe("fee payment deadline on today's calendar", () => {
  it("is provisional while it reaches into an unloaded year, and moves back when that year's holidays are loaded", async () => {
    await seedNationalCalendar(db());
    const o = await office();
    const admin = await makeActor(["ADMIN"]);
    const a = await inProgress(o.clerk, o.dept.id, "2026-12-10");
    // Per volume, so the monthly count does not matter.
    const r = await issueFeeNotice(
      o.clerk,
      { id: a.id, method: "PER_VOLUME", pages: 40, paymentInstructions: "到县财政非税收入窗口缴纳" },
      { now: at("2026-12-15") },
    );
    // 12 working days left in December 2026, then Monday–Friday in 2027 (not loaded): Tue 2027-01-12.
    expect(r).toMatchObject({ dueOn: "2027-01-12", provisional: true });
    let view = await loadPublicStatus(a.id, at("2026-12-16"));
    expect(view?.fee).toMatchObject({ paymentDueDate: "2027-01-12", paymentDueProvisional: true });
    let c = await loadCase(o.clerk, a.id, at("2026-12-16"));
    expect(c.deadlines.fee).toEqual({ due: "2027-01-12", provisional: true });

    // 2027 is announced: 1 January is a holiday. The deadline moves to Wed 2027-01-13 and is no longer provisional.
    await importCalendarYear(
      admin,
      { region: "national", year: 2027, source: "paste", text: "2027-01-01,HOLIDAY,元旦", markLoaded: true },
      { ip: "" },
    );
    view = await loadPublicStatus(a.id, at("2026-12-16"));
    expect(view?.fee).toMatchObject({ paymentDueDate: "2027-01-13", paymentDueProvisional: false });
    c = await loadCase(o.clerk, a.id, at("2026-12-16"));
    expect(c.deadlines.fee).toEqual({ due: "2027-01-13", provisional: false });

    // Not abandoned on the 13th (the printed date was the 12th), and payment on the 13th is in time.
    await expect(closeFeeOverdue(o.clerk, { id: a.id }, { now: at("2027-01-13") })).rejects.toThrow(/尚未届满/);
    await confirmFeePayment(o.clerk, { id: a.id, amountYuan: 100, paidOn: "2027-01-13" }, { now: at("2027-01-13") });
    expect(await statusOf(a.id)).toBe("IN_PROGRESS");
  });
});

describe("query codes of staff-registered and split applications", () => {
  /** The mails queued for an application (the outbox row commits with the verb: no waiting). */
  const mailsOf = (applicationId: string) =>
    db().outboundMail.findMany({ where: { applicationId }, select: { to: true, subject: true, text: true, kind: true, status: true } });

  it("e-mails the query code of a paper application when an address is given (not for the demo seed)", async () => {
    const o = await office();
    const r = await registerApplication(
      o.clerk,
      { ...personInput(o.dept.id, { email: "lisi@example.com" }), channel: "IN_PERSON", submittedOn: "2026-03-02" },
      { now: at("2026-03-02") },
    );
    const sent = await mailsOf(r.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "lisi@example.com", kind: "QUERY_CODE", status: "QUEUED" });
    expect(sent[0]?.text).toContain(r.queryCode);
    expect(sent[0]?.text).toContain(r.number);
    // Queued in the verb's own transaction, with its send job.
    const jobs = await db().$queryRaw<Array<{ payload: { mailId: string } }>>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = 'mail.send'`;
    const mailIds = jobs.map((j) => j.payload.mailId);
    const row = await db().outboundMail.findFirstOrThrow({ where: { applicationId: r.id }, select: { id: true } });
    expect(mailIds).toContain(row.id);

    const quiet = await registerApplication(
      o.clerk,
      { ...personInput(o.dept.id, { email: "quiet@example.com" }), channel: "IN_PERSON", submittedOn: "2026-03-02" },
      { now: at("2026-03-02"), notify: false },
    );
    expect(await mailsOf(quiet.id)).toEqual([]);
  });

  it("queues no mail when the registration is refused (the mail commits with the change or not at all)", async () => {
    const o = await office();
    const before = await db().outboundMail.count();
    await expect(
      registerApplication(
        o.outsider,
        { ...personInput(o.dept.id, { email: "nobody@example.com" }), channel: "IN_PERSON", submittedOn: "2026-03-02" },
        { now: at("2026-03-02") },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().outboundMail.count()).toBe(before);
  });

  it("e-mails the new numbers and codes when an application is split", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02", { email: "split@example.com" });
    const r = await splitApplication(
      o.clerk,
      { id: a.id, parts: ["2025年道路改造立项批复", "2025年财政预算执行情况"] },
      { now: at("2026-03-03") },
    );
    expect(r.created).toHaveLength(1);
    const created = r.created[0]!;
    const sent = await mailsOf(created.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("split@example.com");
    expect(sent[0]?.text).toContain(created.queryCode);
    expect(sent[0]?.text).toContain(created.number);
  });
});

describe("the new query code on the case page after registration", () => {
  it("travels in a signed, short-lived cookie bound to the case, never in the URL", () => {
    const now = new Date("2026-03-02T02:00:00Z");
    const token = createQueryCodeFlash("caseaaaaaaaaaa", "ABCDEFGH23", now);
    expect(readQueryCodeFlash(token, "caseaaaaaaaaaa", now)).toBe("ABCDEFGH23");
    // Another case, a forged code, an expired token: nothing.
    expect(readQueryCodeFlash(token, "casebbbbbbbbbb", now)).toBeNull();
    expect(readQueryCodeFlash(token.replace("ABCDEFGH23", "ZZZZZZZZ23"), "caseaaaaaaaaaa", now)).toBeNull();
    expect(readQueryCodeFlash(token, "caseaaaaaaaaaa", new Date(now.getTime() + (QUERY_CODE_FLASH_SECONDS + 1) * 1000))).toBeNull();
    expect(readQueryCodeFlash(undefined, "caseaaaaaaaaaa", now)).toBeNull();
  });
});
