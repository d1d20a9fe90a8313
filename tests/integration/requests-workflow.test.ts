import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { createApplication } from "@/lib/requests/create-application";
import { confirmApplication } from "@/lib/requests/confirm-application";
import { registerApplication } from "@/lib/requests/register-application";
import { startReview } from "@/lib/requests/review-application";
import { closeCorrectionOverdue, receiveCorrection, requestCorrection } from "@/lib/requests/correction";
import { decideExtension, recordExtensionNotice, requestExtension } from "@/lib/requests/extension";
import { draftReply, returnReply, signReply } from "@/lib/requests/reply";
import { archiveApplication, deliverReply } from "@/lib/requests/close-case";
import { recordConsultationAnswer, startConsultation } from "@/lib/requests/consultation";
import { assignApplication } from "@/lib/requests/assign-application";
import { splitApplication } from "@/lib/requests/split-application";
import { loadCase } from "@/lib/requests/queries";
import { requestCalendar } from "@/lib/requests/calendar";
import { verifyQueryCode } from "@/lib/requests/numbers";
import { personInput, residentId } from "@/lib/requests/sample-input";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { makeActor } from "../helpers/actors";
import { at, handedIn, inProgress, office, statusOf } from "./requests-helpers";

describe("creating and confirming applications", () => {
  it("stores an online application as 待确认 with a number and only the query code's hash; confirming starts the clock", async () => {
    const o = await office();
    const created = await createApplication(personInput(o.dept.id), { now: at("2026-03-01") });
    expect(created.number).toMatch(/^YSQ-2026-\d{6}$/);
    expect(created.status).toBe("PENDING_CONFIRMATION");
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.queryCodeHash).not.toContain(created.queryCode);
    expect(verifyQueryCode(row.number, created.queryCode, row.queryCodeHash)).toBe(true);
    expect(verifyQueryCode(row.number, "WRONGCODE2", row.queryCodeHash)).toBe(false);
    expect(row.receiptDate).toBeNull();

    const before = await loadCase(o.clerk, created.id, at("2026-03-02"));
    expect(before.clock.state).toBe("NOT_STARTED");
    expect(before.actions.map((a) => a.action)).toEqual(["CONFIRM_RECEIPT", "CLOSE_UNCONFIRMED"]);

    const r = await confirmApplication(o.clerk, { id: created.id }, { now: at("2026-03-02") });
    expect(r.receiptDate).toBe("2026-03-02");
    const c = await loadCase(o.clerk, created.id, at("2026-03-02"));
    expect(c.app.status).toBe("REGISTERED");
    expect(c.clock.state).toBe("RUNNING");
    const cal = await requestCalendar();
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBe(addWorkingDays(cal, "2026-03-02", 20).due);
    expect(c.app.events.map((e) => e.action)).toEqual(["CREATE", "CONFIRM_RECEIPT"]);
    const audit = await db().auditLog.findFirst({ where: { action: "request.confirm", entityId: created.id } });
    expect(audit?.actorId).toBe(o.clerk.id);
  });

  it("refuses invalid identity numbers and missing fields with Chinese field errors, storing nothing", async () => {
    const o = await office();
    const bad = personInput(o.dept.id, { idNumber: "33112719800101123X", description: "" });
    const count = await db().disclosureApplication.count();
    const err = await createApplication(bad).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.idNumber[0]).toMatch(/身份证号码校验位不正确/);
    expect(err.fieldErrors.description[0]).toMatch(/请描述所需政府信息/);
    const e2 = await registerApplication(o.clerk, { ...personInput(o.dept.id), channel: "REGISTERED_MAIL" }).catch((e) => e);
    expect(e2).toBeInstanceOf(ValidationError);
    expect(e2.fieldErrors.signedForOn[0]).toMatch(/签收/);
    expect(await db().disclosureApplication.count()).toBe(count);
  });

  it("registers a paper application with the channel's receipt date (registered mail: the day signed for)", async () => {
    const o = await office();
    const a = await registerApplication(
      o.clerk,
      {
        ...personInput(o.dept.id, { idNumber: residentId("331127", "19900315", "045").toLowerCase() }),
        channel: "REGISTERED_MAIL",
        submittedOn: "2026-03-02",
        signedForOn: "2026-03-04",
      },
      { now: at("2026-03-05") },
    );
    expect(a.status).toBe("REGISTERED");
    expect(a.receiptDate).toBe("2026-03-04");
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.submittedAt.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(row.receiptRule).toMatch(/签收之日/);
    // An ordinary letter not yet confirmed waits as 待确认.
    const letter = await registerApplication(
      o.clerk,
      { ...personInput(o.dept.id), channel: "ORDINARY_MAIL", arrivedOn: "2026-03-04" },
      { now: at("2026-03-04") },
    );
    expect(letter.status).toBe("PENDING_CONFIRMATION");
  });
});

describe("补正 (Art. 30)", () => {
  it("asks for every correction at once, stops the clock, and restarts the full 20 days from the corrected application", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await startReview(o.clerk, { id: a.id }, { now: at("2026-03-03") });
    const r = await requestCorrection(
      o.clerk,
      { id: a.id, items: ["请写明所需文件的名称或文号", "请补充身份证明复印件"] },
      { now: at("2026-03-05") },
    );
    expect(r.warning).toBeNull();
    let c = await loadCase(o.clerk, a.id, at("2026-03-10"));
    expect(c.app.status).toBe("AWAITING_CORRECTION");
    expect(c.clock.state).toBe("STOPPED");
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBeNull();
    // only once
    await receiveCorrection(
      o.clerk,
      { id: a.id, content: "补充了文号：青发改〔2025〕12号", receivedOn: "2026-03-16" },
      { now: at("2026-03-16") },
    );
    c = await loadCase(o.clerk, a.id, at("2026-03-16"));
    expect(c.app.status).toBe("UNDER_REVIEW");
    const cal = await requestCalendar();
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBe(addWorkingDays(cal, "2026-03-16", 20).due);
    expect(c.clock.explanation.join()).toMatch(/重新计算/);
    await expect(requestCorrection(o.clerk, { id: a.id, items: ["再补一项"] }, { now: at("2026-03-17") })).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
  });

  it("warns on the last day and refuses after the 7-working-day window, changing nothing", async () => {
    const o = await office();
    const cal = await requestCalendar();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await startReview(o.clerk, { id: a.id }, { now: at("2026-03-02") });
    const last = addWorkingDays(cal, "2026-03-02", 7).due;
    const late = addWorkingDays(cal, "2026-03-02", 8).due;
    const err = await requestCorrection(o.clerk, { id: a.id, items: ["请写明文号"] }, { now: at(late) }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/已超过补正告知期限/);
    expect(await statusOf(a.id)).toBe("UNDER_REVIEW");
    expect(await db().applicationEvent.count({ where: { applicationId: a.id, action: "REQUEST_CORRECTION" } })).toBe(0);
    const ok = await requestCorrection(o.clerk, { id: a.id, items: ["请写明文号"] }, { now: at(last) });
    expect(ok.warning).toMatch(/最后一个工作日/);
  });

  it("closes as deemed withdrawn only after the correction deadline", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await startReview(o.clerk, { id: a.id }, { now: at("2026-03-02") });
    const { deadline } = await requestCorrection(o.clerk, { id: a.id, items: ["请写明文号"] }, { now: at("2026-03-03") });
    await expect(closeCorrectionOverdue(o.clerk, { id: a.id }, { now: at(deadline) })).rejects.toThrow(/尚未届满/);
    await closeCorrectionOverdue(o.clerk, { id: a.id }, { now: at("2026-05-06") });
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe("DEEMED_WITHDRAWN");
    expect(row.annualReportRow).toBe("OTHER.CORRECTION_OVERDUE");
  });
});

describe("extension (Art. 33)", () => {
  it("takes effect only when a director other than the requester approves, and is recorded as told", async () => {
    const o = await office();
    const both = await makeActor(["CLERK", "DIRECTOR"], o.dept.id);
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    await requestExtension(both, { id: a.id, days: 15, reason: "申请内容涉及多个年度档案，需调阅整理" }, { now: at("2026-03-20") });
    let c = await loadCase(o.clerk, a.id, at("2026-03-20"));
    const cal = await requestCalendar();
    expect(c.app.status).toBe("IN_PROGRESS");
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBe(addWorkingDays(cal, "2026-03-02", 20).due);
    await expect(decideExtension(o.clerk, { id: a.id, approve: true }, { now: at("2026-03-20") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideExtension(both, { id: a.id, approve: true }, { now: at("2026-03-20") })).rejects.toThrow(/不能批准自己/);
    expect(await statusOf(a.id)).toBe("IN_PROGRESS");
    await decideExtension(o.director, { id: a.id, approve: true, comment: "同意" }, { now: at("2026-03-23") });
    c = await loadCase(o.clerk, a.id, at("2026-03-23"));
    expect(c.app.status).toBe("EXTENDED");
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBe(addWorkingDays(cal, "2026-03-02", 35).due);
    await recordExtensionNotice(o.clerk, { id: a.id, method: "电子邮件" }, { now: at("2026-03-23") });
    await expect(requestExtension(o.clerk, { id: a.id, days: 5, reason: "再延" }, { now: at("2026-03-24") })).rejects.toThrow(/延长过一次/);
    await expect(requestExtension(o.clerk, { id: a.id, days: 25, reason: "x" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("reply drafting, sign-off and the reply letter", () => {
  // The legal basis itself is derived from the type and sub-reason (never typed in);
  // what a clerk can leave out is what the type must state.
  it("refuses a reply missing what its type must state (exemption grounds, reasons, channel), changing nothing", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const err = await draftReply(o.clerk, { id: a.id, decision: { replyType: "WITHHOLD", exemptionCodes: [], reason: "" } }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.exemptionCodes[0]).toMatch(/至少选择一项/);
    expect(err.fieldErrors.reason[0]).toMatch(/理由/);
    expect(await statusOf(a.id)).toBe("IN_PROGRESS");
    expect(await db().applicationReply.count({ where: { applicationId: a.id } })).toBe(0);
    const petition = await draftReply(o.clerk, {
      id: a.id,
      decision: { replyType: "NOT_PROCESSED", subReason: "PETITION", explanation: "属于投诉" },
    }).catch((e) => e);
    expect(petition.fieldErrors.channel[0]).toMatch(/渠道/);
  });

  it("refuses 逾期不补正 / 逾期未缴费 as drafted replies (they have their own deadline-checked verbs), changing nothing", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    for (const subReason of ["CORRECTION_OVERDUE", "FEE_UNPAID"] as const) {
      const err = await draftReply(o.clerk, { id: a.id, decision: { replyType: "OTHER", subReason } }, { now: at("2026-03-03") }).catch(
        (e) => e,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.fieldErrors.subReason[0]).toMatch(
        subReason === "FEE_UNPAID" ? /逾期未缴费.*按视为放弃申请处理/ : /逾期未补正.*按视为放弃申请处理/,
      );
    }
    expect(await statusOf(a.id)).toBe("IN_PROGRESS");
    expect(await db().applicationReply.count({ where: { applicationId: a.id } })).toBe(0);
    expect(await db().applicationEvent.count({ where: { applicationId: a.id, action: "DRAFT_REPLY" } })).toBe(0);

    // The dedicated verb still closes a case whose correction deadline has passed
    // (closeFeeOverdue is exercised in requests-fees-documents.test.ts).
    const b = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    await startReview(o.clerk, { id: b.id }, { now: at("2026-03-02") });
    await requestCorrection(o.clerk, { id: b.id, items: ["请写明文号"] }, { now: at("2026-03-03") });
    await closeCorrectionOverdue(o.clerk, { id: b.id }, { now: at("2026-05-06") });
    const row = await db().disclosureApplication.findUniqueOrThrow({ where: { id: b.id } });
    expect(row.status).toBe("DEEMED_WITHDRAWN");
    expect(row.annualReportRow).toBe("OTHER.CORRECTION_OVERDUE");
  });

  it("binds the director's signature to the content; the drafter cannot sign; the letter PDF carries the application", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const d1 = await draftReply(
      o.clerk,
      { id: a.id, decision: { replyType: "DISCLOSE", accessInstructions: "随本告知书提供该文件复印件一份。" } },
      { now: at("2026-03-10") },
    );
    await expect(signReply(o.clerk, { id: a.id, contentHash: d1.contentHash })).rejects.toBeInstanceOf(ForbiddenError);
    await returnReply(o.director, { id: a.id, comment: "请注明页数" }, { now: at("2026-03-11") });
    expect(await statusOf(a.id)).toBe("IN_PROGRESS");
    const d2 = await draftReply(
      o.clerk,
      { id: a.id, decision: { replyType: "DISCLOSE", accessInstructions: "随本告知书提供该文件复印件一份（共3页）。" } },
      { now: at("2026-03-12") },
    );
    // A revision while awaiting sign-off invalidates what the director read.
    const d3 = await draftReply(
      o.clerk2,
      { id: a.id, decision: { replyType: "DISCLOSE", accessInstructions: "随本告知书提供该文件复印件一份（共4页）。" } },
      { now: at("2026-03-12") },
    );
    await expect(signReply(o.director, { id: a.id, contentHash: d2.contentHash }, { now: at("2026-03-13") })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(d3.revision).toBe(3);
    const { documentNumber } = await signReply(o.director, { id: a.id, contentHash: d3.contentHash }, { now: at("2026-03-13") });
    expect(documentNumber).toBe("测发改依申复〔2026〕1号");
    await expect(
      deliverReply(o.clerk, { id: a.id, method: "邮寄（交邮）", deliveredOn: "2026-03-12" }, { now: at("2026-03-16") }),
    ).rejects.toBeInstanceOf(ValidationError);
    await deliverReply(o.clerk, { id: a.id, method: "邮寄（交邮）", deliveredOn: "2026-03-16" }, { now: at("2026-03-16") });
    const c = await loadCase(o.clerk, a.id, at("2026-04-20"));
    expect(c.app.status).toBe("DELIVERED");
    expect(c.app.annualReportRow).toBe("DISCLOSE");
    expect(c.clock.state === "DONE" && c.clock.metDeadline).toBe(true);
    await archiveApplication(o.clerk, { id: a.id });
    expect(await statusOf(a.id)).toBe("ARCHIVED");
  });
});

describe("consultation (Arts. 32, 34)", () => {
  it("pauses the clock while the third party considers, and generates the letter", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const s = await startConsultation(
      o.clerk,
      {
        id: a.id,
        kind: "THIRD_PARTY",
        partyName: "青山县宏达建材有限公司",
        matter: "申请公开的合同含贵公司报价，是否同意公开",
        sentOn: "2026-03-05",
      },
      { now: at("2026-03-05") },
    );
    expect(await statusOf(a.id)).toBe("IN_CONSULTATION");
    const doc = await db().applicationDocument.findUniqueOrThrow({ where: { id: s.documentId } });
    expect(Buffer.from(doc.content).subarray(0, 4).toString()).toBe("%PDF");
    await recordConsultationAnswer(
      o.clerk,
      { id: a.id, outcome: "DISAGREE", opinion: "涉及商业秘密", answeredOn: "2026-03-12" },
      { now: at("2026-03-12") },
    );
    const c = await loadCase(o.clerk, a.id, at("2026-03-12"));
    expect(c.app.status).toBe("IN_PROGRESS");
    const cal = await requestCalendar();
    // 3/6 … 3/12 = 5 working days not counted
    expect(c.clock.state !== "NOT_STARTED" && c.clock.due).toBe(addWorkingDays(cal, "2026-03-02", 25).due);
  });
});

describe("assignment and splitting", () => {
  it("hands a case to another department and splits a multi-matter application", async () => {
    const o = await office();
    const a = await handedIn(o.clerk, o.dept.id, "2026-03-02");
    const { created } = await splitApplication(
      o.clerk,
      { id: a.id, parts: ["事项一：立项批复", "事项二：环评报告"] },
      { now: at("2026-03-02") },
    );
    expect(created).toHaveLength(1);
    const split = await db().disclosureApplication.findUniqueOrThrow({ where: { id: created[0]!.id } });
    expect(split.receiptDate?.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(split.description).toBe("事项二：环评报告");
    await expect(assignApplication(o.clerk, { id: a.id, departmentId: o.other.id, handlerId: o.clerk.id })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await assignApplication(o.clerk, { id: a.id, departmentId: o.other.id, handlerId: o.outsider.id });
    await expect(loadCase(o.clerk, a.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadCase(o.outsider, a.id)).app.handlerName).toBe(o.outsider.displayName);
  });
});

describe("authorization pairs", () => {
  it("answers 404 to another department's clerk and 403 to a role without the permission; the rightful clerk succeeds", async () => {
    const o = await office();
    const a = await createApplication(personInput(o.dept.id), { now: at("2026-03-02") });
    await expect(confirmApplication(o.outsider, { id: a.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadCase(o.outsider, a.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmApplication(o.reviewer, { id: a.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(confirmApplication(undefined, { id: a.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await statusOf(a.id)).toBe("PENDING_CONFIRMATION");
    await confirmApplication(o.clerk, { id: a.id }, { now: at("2026-03-02") });
    expect(await statusOf(a.id)).toBe("REGISTERED");
    const events = await db().applicationEvent.findMany({ where: { applicationId: a.id } });
    await expect(db().applicationEvent.update({ where: { id: events[0]!.id }, data: { note: "x" } })).rejects.toThrow();
  });

  it("lets only a director in scope sign", async () => {
    const o = await office();
    const a = await inProgress(o.clerk, o.dept.id, "2026-03-02");
    const d = await draftReply(o.clerk, {
      id: a.id,
      decision: {
        replyType: "NOT_EXIST",
        subReason: "NOT_HELD",
        explanation: "经检索本机关未制作该信息",
        searchRecord: "检索了2023—2025年发文目录",
      },
    });
    await expect(signReply(o.outsiderDirector, { id: a.id, contentHash: d.contentHash })).rejects.toBeInstanceOf(NotFoundError);
    await expect(signReply(o.clerk2, { id: a.id, contentHash: d.contentHash })).rejects.toBeInstanceOf(ForbiddenError);
    await signReply(o.director, { id: a.id, contentHash: d.contentHash });
    expect(await statusOf(a.id)).toBe("REPLY_SIGNED");
  });
});
