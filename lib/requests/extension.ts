/**
 * Art. 33 extension: staff ask for at most 20 more working days with a reason;
 * it takes effect only when the head of the disclosure office (DIRECTOR,
 * request:extend-approve) approves — never the person who asked. The
 * applicant must be told, with the reason: approval generates the 延期答复告知书
 * (PDF, kept with the case) and sending it is recorded.
 */
import type { SessionUser } from "@/lib/auth/guard";
import { ForbiddenError, InvalidTransitionError, ValidationError } from "@/lib/errors";
import { compareCivilDates, formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import type { Tx } from "@/lib/db/client";
import type { CalendarData } from "@/lib/calendar/calendar-data";
import { MAX_EXTENSION_WORKING_DAYS } from "./rules/reply-deadline";
import { canTransition } from "./rules/stages";
import { effectiveDate, receiptOf, runCaseVerb, transitionContext, type CaseRow, type VerbOptions } from "./case-verb";
import { renderExtensionNotice } from "@/lib/documents/notices";
import { organOf, storeDocument } from "./documents";
import { computeCaseClock, CLOCK_INCLUDE } from "./clock";
import { toDbDate } from "./calendar";

async function baseDueOf(tx: Tx, cal: CalendarData, app: CaseRow, today: CivilDate): Promise<CivilDate | null> {
  const full = await tx.disclosureApplication.findUniqueOrThrow({ where: { id: app.id }, include: CLOCK_INCLUDE });
  const clock = computeCaseClock(cal, full, today);
  return clock.state === "NOT_STARTED" ? null : clock.deadline.baseDue;
}

export async function requestExtension(
  actor: SessionUser | null | undefined,
  input: { id: string; days: number; reason: string },
  opts: VerbOptions = {},
): Promise<{ extensionId: string }> {
  const days = Number(input.days);
  const reason = (input.reason ?? "").trim();
  const errors: Record<string, string[]> = {};
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) errors.days = ["延长的期限应为1至20个工作日"];
  if (!reason) errors.reason = ["请说明需要延长答复期限的理由"];
  if (reason.length > 1000) errors.reason = ["理由不超过1000字"];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return runCaseVerb(actor, input.id, "request:register", "request.extension-request", opts, async (c) => {
    if (!canTransition(c.app.status, "EXTEND", await transitionContext(c.tx, c.app))) {
      throw new InvalidTransitionError(
        c.app.status === "EXTENDED" ? "答复期限已经延长过一次，不能再次延长" : "只有办理中的申请可以申请延长答复期限",
      );
    }
    const pending = await c.tx.applicationExtension.count({ where: { applicationId: c.app.id, status: "PENDING" } });
    if (pending) throw new InvalidTransitionError("已有待批准的延期申请");
    const baseDue = await baseDueOf(c.tx, c.cal, c.app, c.today);
    if (baseDue && compareCivilDates(c.today, baseDue) > 0) {
      throw new InvalidTransitionError(`原答复期限（${formatChineseDate(baseDue)}）已届满，不能再申请延长`);
    }
    const row = await c.tx.applicationExtension.create({
      data: { applicationId: c.app.id, days, reason, requestedById: c.actor.id, requestedByName: c.actor.displayName },
      select: { id: true },
    });
    return { event: "EXTENSION_REQUEST", note: reason, payload: { extensionId: row.id, days }, result: { extensionId: row.id } };
  });
}

export async function decideExtension(
  actor: SessionUser | null | undefined,
  input: { id: string; approve: boolean; comment?: string },
  opts: VerbOptions = {},
): Promise<{ status: "APPROVED" | "REJECTED" }> {
  const comment = (input.comment ?? "").trim();
  if (!input.approve && !comment) throw new ValidationError({ comment: ["不批准的，请说明理由"] });
  return runCaseVerb<{ status: "APPROVED" | "REJECTED" }>(actor, input.id, "request:extend-approve", "request.extension-decide", opts, async (c) => {
    const ext = await c.tx.applicationExtension.findFirst({ where: { applicationId: c.app.id, status: "PENDING" } });
    if (!ext) throw new InvalidTransitionError("没有待批准的延期申请");
    if (ext.requestedById === c.actor.id) throw new ForbiddenError("不能批准自己提出的延期申请，请由其他负责人审批");
    const data = { decidedById: c.actor.id, decidedByName: c.actor.displayName, decidedAt: c.now, decisionComment: comment };
    if (!input.approve) {
      await c.tx.applicationExtension.update({ where: { id: ext.id }, data: { ...data, status: "REJECTED" } });
      return { event: "EXTENSION_REJECT", note: comment, payload: { extensionId: ext.id }, result: { status: "REJECTED" as const } };
    }
    const baseDue = await baseDueOf(c.tx, c.cal, c.app, c.today);
    if (baseDue && compareCivilDates(c.today, baseDue) > 0) {
      throw new InvalidTransitionError(`原答复期限（${formatChineseDate(baseDue)}）已届满，不能再批准延长`);
    }
    await c.transition("EXTEND");
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
  });
}

/** Record that the applicant was told of the extension and its reason (Art. 33). */
export async function recordExtensionNotice(
  actor: SessionUser | null | undefined,
  input: { id: string; sentOn?: CivilDate; method: string },
  opts: VerbOptions = {},
): Promise<void> {
  const method = (input.method ?? "").trim();
  if (!method) throw new ValidationError({ method: ["请填写告知方式（如邮寄、电子邮件、短信）"] });
  return runCaseVerb(actor, input.id, "request:register", "request.extension-notice", opts, async (c) => {
    const ext = await c.tx.applicationExtension.findFirst({ where: { applicationId: c.app.id, status: "APPROVED" } });
    if (!ext) throw new InvalidTransitionError("没有已批准的延期");
    const approvedOn = ext.approvedOn ? ext.approvedOn.toISOString().slice(0, 10) : null;
    const sentOn = effectiveDate(input.sentOn, c.today, "sentOn", "告知日期", { date: approvedOn, label: "批准延期日期" });
    await c.tx.applicationExtension.update({ where: { id: ext.id }, data: { noticeSentOn: toDbDate(sentOn), noticeMethod: method } });
    return {
      event: "EXTENSION_NOTICE",
      effectiveOn: sentOn,
      note: `${method}告知延期${ext.days}个工作日，理由：${ext.reason}`,
      payload: { extensionId: ext.id, method, sentOn },
      result: undefined,
    };
  });
}
