/**
 * Art. 33 extension: staff ask for at most 20 more working days with a reason;
 * it takes effect only when the head of the disclosure office (DIRECTOR,
 * request:extend-approve) approves — never the person who asked. The
 * applicant must be told, with the reason: approval generates the 延期答复告知书
 * (PDF, kept with the case) and sending it is recorded.
 */
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { compareCivilDates, formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import type { Tx } from "@/lib/db/client";
import type { CalendarData } from "@/lib/calendar/calendar-data";
import { MAX_EXTENSION_WORKING_DAYS } from "./rules/reply-deadline";
import { caseVerb, effectiveDate, receiptOf, type CaseChange, type CaseRow } from "./case-verb";
import { renderExtensionNotice } from "@/lib/documents/notices";
import { organOf, storeDocument } from "./documents";
import { computeCaseClock, CLOCK_INCLUDE } from "./clock";
import { fromDbDateOrNull, toDbDate } from "./calendar";

async function baseDueOf(tx: Tx, cal: CalendarData, app: CaseRow, today: CivilDate): Promise<CivilDate | null> {
  const full = await tx.disclosureApplication.findUniqueOrThrow({ where: { id: app.id }, include: CLOCK_INCLUDE });
  const clock = computeCaseClock(cal, full, today);
  return clock.state === "NOT_STARTED" ? null : clock.deadline.baseDue;
}

export const requestExtension = caseVerb<{ id: string; days: number; reason: string }, { extensionId: string }>({
  action: "request.extension-request",
  policy: "requestExtension",
  validate: (input) => {
    const days = input.days;
    const reason = input.reason.trim();
    const errors: Record<string, string[]> = {};
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) errors.days = ["延长的期限应为1至20个工作日"];
    if (!reason) errors.reason = ["请说明需要延长答复期限的理由"];
    if (reason.length > 1000) errors.reason = ["理由不超过1000字"];
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return { ...input, days, reason };
  },
  // The state (办理中, not extended, none pending) is the policy's (lib/requests/policy.ts).
  run: async (c) => {
    const { days, reason } = c.input;
    const baseDue = await baseDueOf(c.tx, c.cal, c.app, c.today);
    if (baseDue && compareCivilDates(c.today, baseDue) > 0) {
      throw new InvalidTransitionError(`原答复期限（${formatChineseDate(baseDue)}）已届满，不能再申请延长`);
    }
    const row = await c.tx.applicationExtension.create({
      data: { applicationId: c.app.id, days, reason, requestedById: c.actor.id, requestedByName: c.actor.displayName },
      select: { id: true },
    });
    return { event: "EXTENSION_REQUEST", note: reason, payload: { extensionId: row.id, days }, result: { extensionId: row.id } };
  },
});

export const decideExtension = caseVerb<{ id: string; approve: boolean; comment?: string }, { status: "APPROVED" | "REJECTED" }>({
  action: "request.extension-decide",
  policy: "decideExtension",
  validate: (input) => {
    const comment = (input.comment ?? "").trim();
    if (!input.approve && !comment) throw new ValidationError({ comment: ["不批准的，请说明理由"] });
    return { ...input, comment };
  },
  // A pending request by someone else (separation of duties) is the policy's.
  run: async (c): Promise<CaseChange<{ status: "APPROVED" | "REJECTED" }>> => {
    const comment = c.input.comment ?? "";
    const ext = await c.tx.applicationExtension.findFirst({ where: { applicationId: c.app.id, status: "PENDING" } });
    if (!ext) throw new InvalidTransitionError("没有待批准的延期申请");
    const data = { decidedById: c.actor.id, decidedByName: c.actor.displayName, decidedAt: c.now, decisionComment: comment };
    if (!c.input.approve) {
      await c.tx.applicationExtension.update({ where: { id: ext.id }, data: { ...data, status: "REJECTED" } });
      return { event: "EXTENSION_REJECT", note: comment, payload: { extensionId: ext.id }, result: { status: "REJECTED" as const } };
    }
    const baseDue = await baseDueOf(c.tx, c.cal, c.app, c.today);
    if (baseDue && compareCivilDates(c.today, baseDue) > 0) {
      throw new InvalidTransitionError(`原答复期限（${formatChineseDate(baseDue)}）已届满，不能再批准延长`);
    }
    c.transition("EXTEND");
    await c.tx.applicationExtension.update({ where: { id: ext.id }, data: { ...data, status: "APPROVED", approvedOn: toDbDate(c.today) } });
    // The 延期答复告知书 the applicant must receive (with the reason and the new deadline).
    const full = await c.tx.disclosureApplication.findUniqueOrThrow({ where: { id: c.app.id }, include: CLOCK_INCLUDE });
    const clock = computeCaseClock(c.cal, full, c.today);
    const organ = await organOf(c.tx, c.app.departmentId);
    const pdf = await renderExtensionNotice({
      organName: organ.name,
      applicantName: c.app.applicantName,
      applicationNumber: c.app.number,
      receiptDate: receiptOf(c.app),
      days: ext.days,
      reason: ext.reason,
      baseDue: baseDue,
      newDue: clock.state === "NOT_STARTED" ? null : clock.due,
      provisional: clock.state !== "NOT_STARTED" && clock.provisional,
      date: c.today,
      contact: organ.contact,
    });
    const doc = await storeDocument(c.tx, {
      applicationId: c.app.id,
      kind: "EXTENSION_NOTICE",
      sourceId: ext.id,
      fileName: `${c.app.number}-延期答复告知书.pdf`,
      content: pdf,
      createdById: c.actor.id,
    });
    return {
      event: "EXTENSION_APPROVE",
      effectiveOn: c.today,
      note: comment,
      payload: { extensionId: ext.id, days: ext.days, reason: ext.reason, documentId: doc.id },
      result: { status: "APPROVED" as const },
    };
  },
});

/** Record that the applicant was told of the extension and its reason (Art. 33). */
export const recordExtensionNotice = caseVerb<{ id: string; sentOn?: CivilDate; method: string }, undefined>({
  action: "request.extension-notice",
  policy: "extensionNotice",
  validate: (input) => {
    const method = input.method.trim();
    if (!method) throw new ValidationError({ method: ["请填写告知方式（如邮寄、电子邮件、短信）"] });
    return { ...input, method };
  },
  run: async (c) => {
    const { method } = c.input;
    const ext = await c.tx.applicationExtension.findFirst({ where: { applicationId: c.app.id, status: "APPROVED" } });
    if (!ext) throw new InvalidTransitionError("没有已批准的延期");
    const approvedOn = fromDbDateOrNull(ext.approvedOn);
    const sentOn = effectiveDate(c.input.sentOn, c.today, "sentOn", "告知日期", { date: approvedOn, label: "批准延期日期" });
    await c.tx.applicationExtension.update({ where: { id: ext.id }, data: { noticeSentOn: toDbDate(sentOn), noticeMethod: method } });
    return {
      event: "EXTENSION_NOTICE",
      effectiveOn: sentOn,
      note: `${method}告知延期${ext.days}个工作日，理由：${ext.reason}`,
      payload: { extensionId: ext.id, method, sentOn },
      result: undefined,
    };
  },
});
