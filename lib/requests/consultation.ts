/**
 * Consultations (Art. 32 third party, Art. 34 other organ): 15 working days
 * from the day the party receives the letter, not counted in the reply period
 * (rules/reply-deadline.ts). Starting one generates the 征求意见函 PDF.
 */
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import { formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { renderConsultationLetter } from "@/lib/documents/notices";
import { CONSULTATION_WORKING_DAYS } from "./rules/reply-deadline";
import { caseVerb, effectiveDate, receiptOf } from "./case-verb";
import { fromDbDate, toDbDate } from "./calendar";
import { organOf, storeDocument } from "./documents";

type ConsultationRequest = {
  id: string;
  kind: "THIRD_PARTY" | "OTHER_ORGAN";
  partyName: string;
  partyAddress?: string;
  partyContact?: string;
  matter: string;
  sentOn?: CivilDate;
  /** The day the party received the letter (defaults to the day sent: delivered by hand / e-mail). */
  startedOn?: CivilDate;
};

export const startConsultation = caseVerb<ConsultationRequest, { consultationId: string; dueOn: CivilDate; documentId: string }>({
  action: "request.consultation-start",
  policy: "startConsultation",
  validate: (input) => {
    const errors: Record<string, string[]> = {};
    if (!["THIRD_PARTY", "OTHER_ORGAN"].includes(input.kind)) errors.kind = ["请选择征求意见的对象类型"];
    if (!input.partyName.trim()) errors.partyName = ["请填写被征求意见的第三方或机关名称"];
    if (!input.matter.trim()) errors.matter = ["请填写征求意见的事项"];
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return input;
  },
  run: async (c) => {
    const { input } = c;
    c.transition("START_CONSULTATION");
    const receipt = receiptOf(c.app);
    const sentOn = effectiveDate(input.sentOn, c.today, "sentOn", "发函日期", { date: receipt, label: "收到申请之日" });
    const startedOn = effectiveDate(input.startedOn ?? sentOn, c.today, "startedOn", "对方收到函件日期", {
      date: sentOn,
      label: "发函日期",
    });
    const dueOn = addWorkingDays(c.cal, startedOn, CONSULTATION_WORKING_DAYS).due;
    const open = await c.tx.applicationConsultation.count({ where: { applicationId: c.app.id, answeredOn: null } });
    if (open > 0) throw new InvalidTransitionError("尚有未结束的征求意见");
    const row = await c.tx.applicationConsultation.create({
      data: {
        applicationId: c.app.id,
        kind: input.kind,
        partyName: input.partyName.trim(),
        partyAddress: (input.partyAddress ?? "").trim(),
        partyContact: (input.partyContact ?? "").trim(),
        matter: input.matter.trim(),
        sentOn: toDbDate(sentOn),
        startedOn: toDbDate(startedOn),
        dueOn: toDbDate(dueOn),
        createdById: c.actor.id,
      },
      select: { id: true },
    });
    const organ = await organOf(c.tx, c.app.departmentId);
    const pdf = await renderConsultationLetter({
      organName: organ.name,
      kind: input.kind,
      partyName: input.partyName.trim(),
      applicationNumber: c.app.number,
      receiptDate: receipt,
      matter: input.matter.trim(),
      dueOn,
      date: sentOn,
      contact: organ.contact,
    });
    const doc = await storeDocument(c.tx, {
      applicationId: c.app.id,
      kind: "CONSULTATION_LETTER",
      sourceId: row.id,
      fileName: `${c.app.number}-征求意见函.pdf`,
      content: pdf,
      createdById: c.actor.id,
    });
    return {
      event: "START_CONSULTATION",
      effectiveOn: startedOn,
      payload: {
        consultationId: row.id,
        kind: input.kind,
        partyName: input.partyName.trim(),
        sentOn,
        startedOn,
        dueOn,
        documentId: doc.id,
      },
      result: { consultationId: row.id, dueOn, documentId: doc.id },
    };
  },
});

export const recordConsultationAnswer = caseVerb<
  { id: string; outcome: "AGREE" | "DISAGREE" | "NO_REPLY"; answeredOn?: CivilDate; opinion?: string },
  undefined
>({
  action: "request.consultation-answer",
  policy: "answerConsultation",
  validate: (input) => {
    if (!["AGREE", "DISAGREE", "NO_REPLY"].includes(input.outcome)) throw new ValidationError({ outcome: ["请选择意见结果"] });
    if (input.outcome === "DISAGREE" && !input.opinion?.trim()) throw new ValidationError({ opinion: ["请记录对方不同意公开的理由"] });
    return input;
  },
  run: async (c) => {
    const { input } = c;
    c.transition("END_CONSULTATION");
    const open = await c.tx.applicationConsultation.findFirst({
      where: { applicationId: c.app.id, answeredOn: null },
      orderBy: { createdAt: "desc" },
    });
    if (!open) throw new InvalidTransitionError("没有进行中的征求意见");
    const dueOn = fromDbDate(open.dueOn);
    // Silence: the period is over, the answer date is the last day of it.
    const answeredOn =
      input.outcome === "NO_REPLY"
        ? (() => {
            if (c.today <= dueOn)
              throw new ValidationError({ outcome: [`征求意见期限（${formatChineseDate(dueOn)}）尚未届满，不能按逾期未答复处理`] });
            return dueOn;
          })()
        : effectiveDate(input.answeredOn, c.today, "answeredOn", "收到意见日期", {
            date: fromDbDate(open.startedOn),
            label: "对方收到函件日期",
          });
    await c.tx.applicationConsultation.update({
      where: { id: open.id },
      data: { answeredOn: toDbDate(answeredOn), outcome: input.outcome, opinion: (input.opinion ?? "").trim() },
    });
    return {
      event: "END_CONSULTATION",
      effectiveOn: answeredOn,
      note: (input.opinion ?? "").trim(),
      payload: { consultationId: open.id, outcome: input.outcome, answeredOn },
      result: undefined,
    };
  },
});
