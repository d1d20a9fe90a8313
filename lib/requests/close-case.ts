/**
 * Delivery (Art. 40: the deadline is met on the day the applicant signs for
 * the reply or the day it is posted), archiving (归档) and withdrawal.
 */
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { caseVerb, effectiveDate } from "./case-verb";
import { fromDbDateOrNull, toDbDate } from "./calendar";

export const DELIVERY_CHANNELS = ["当面领取", "邮寄（交邮）", "电子邮件", "网上下载", "委托送达"] as const;

export const deliverReply = caseVerb<{ id: string; method: string; deliveredOn?: CivilDate; note?: string }, undefined>({
  action: "request.deliver",
  policy: "deliver",
  validate: (input) => {
    const method = input.method.trim();
    if (!method) throw new ValidationError({ method: ["请选择送达方式"] });
    return { ...input, method, note: (input.note ?? "").trim() };
  },
  run: async (c) => {
    c.transition("DELIVER");
    const signed = await c.tx.applicationReply.findFirst({
      where: { applicationId: c.app.id, status: "SIGNED" },
      orderBy: { revision: "desc" },
    });
    if (!signed) throw new InvalidTransitionError("答复尚未签发");
    const deliveredOn = effectiveDate(c.input.deliveredOn, c.today, "deliveredOn", "送达（交邮）日期", {
      date: fromDbDateOrNull(signed.letterDate),
      label: "签发日期",
    });
    const note = c.input.note ?? "";
    return {
      event: "DELIVER",
      effectiveOn: deliveredOn,
      note,
      update: {
        deliveredOn: toDbDate(deliveredOn),
        deliveryMethodUsed: c.input.method,
        deliveryNote: note,
        closedOn: toDbDate(deliveredOn),
        replyType: signed.replyType,
        annualReportRow: signed.annualReportRow,
      },
      payload: { method: c.input.method, deliveredOn, documentNumber: signed.documentNumber },
      result: undefined,
    };
  },
});

export const archiveApplication = caseVerb<{ id: string }, undefined>({
  action: "request.archive",
  policy: "archive",
  run: async (c) => {
    c.transition("ARCHIVE");
    return { event: "ARCHIVE", update: { archivedAt: c.now }, result: undefined };
  },
});

/** The applicant withdrew the application (counted as （六）3.其他). */
export const withdrawApplication = caseVerb<{ id: string; reason: string; withdrawnOn?: CivilDate }, undefined>({
  action: "request.withdraw",
  policy: "withdraw",
  validate: (input) => {
    const reason = input.reason.trim();
    if (!reason) throw new ValidationError({ reason: ["请记录申请人撤回申请的方式和说明"] });
    return { ...input, reason };
  },
  run: async (c) => {
    c.transition("WITHDRAW");
    const on = effectiveDate(c.input.withdrawnOn, c.today, "withdrawnOn", "撤回日期");
    return {
      event: "WITHDRAW",
      effectiveOn: on,
      note: c.input.reason,
      update: { replyType: "OTHER", annualReportRow: "OTHER.OTHER", closedOn: toDbDate(on) },
      result: undefined,
    };
  },
});
