/**
 * Delivery (Art. 40: the deadline is met on the day the applicant signs for
 * the reply or the day it is posted), archiving (归档) and withdrawal.
 */
import type { SessionUser } from "@/lib/auth/guard";
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { effectiveDate, runCaseVerb, type VerbOptions } from "./case-verb";
import { fromDbDateOrNull, toDbDate } from "./calendar";

export const DELIVERY_CHANNELS = ["当面领取", "邮寄（交邮）", "电子邮件", "网上下载", "委托送达"] as const;

export async function deliverReply(
  actor: SessionUser | null | undefined,
  input: { id: string; method: string; deliveredOn?: CivilDate; note?: string },
  opts: VerbOptions = {},
): Promise<void> {
  const method = (input.method ?? "").trim();
  if (!method) throw new ValidationError({ method: ["请选择送达方式"] });
  return runCaseVerb(actor, input.id, "request:register", "request.deliver", opts, async (c) => {
    await c.transition("DELIVER");
    const signed = await c.tx.applicationReply.findFirst({
      where: { applicationId: c.app.id, status: "SIGNED" },
      orderBy: { revision: "desc" },
    });
    if (!signed) throw new InvalidTransitionError("答复尚未签发");
    const deliveredOn = effectiveDate(input.deliveredOn, c.today, "deliveredOn", "送达（交邮）日期", {
      date: fromDbDateOrNull(signed.letterDate),
      label: "签发日期",
    });
    return {
      event: "DELIVER",
      effectiveOn: deliveredOn,
      note: (input.note ?? "").trim(),
      update: {
        deliveredOn: toDbDate(deliveredOn),
        deliveryMethodUsed: method,
        deliveryNote: (input.note ?? "").trim(),
        closedOn: toDbDate(deliveredOn),
        replyType: signed.replyType,
        annualReportRow: signed.annualReportRow,
      },
      payload: { method, deliveredOn, documentNumber: signed.documentNumber },
      result: undefined,
    };
  });
}

export async function archiveApplication(actor: SessionUser | null | undefined, input: { id: string }, opts: VerbOptions = {}) {
  return runCaseVerb(actor, input.id, "request:register", "request.archive", opts, async (c) => {
    await c.transition("ARCHIVE");
    return { event: "ARCHIVE", update: { archivedAt: c.now }, result: undefined };
  });
}

/** The applicant withdrew the application (counted as （六）3.其他). */
export async function withdrawApplication(
  actor: SessionUser | null | undefined,
  input: { id: string; reason: string; withdrawnOn?: CivilDate },
  opts: VerbOptions = {},
) {
  const reason = (input.reason ?? "").trim();
  if (!reason) throw new ValidationError({ reason: ["请记录申请人撤回申请的方式和说明"] });
  return runCaseVerb(actor, input.id, "request:register", "request.withdraw", opts, async (c) => {
    await c.transition("WITHDRAW");
    const on = effectiveDate(input.withdrawnOn, c.today, "withdrawnOn", "撤回日期");
    return {
      event: "WITHDRAW",
      effectiveOn: on,
      note: reason,
      update: { replyType: "OTHER", annualReportRow: "OTHER.OTHER", closedOn: toDbDate(on) },
      result: undefined,
    };
  });
}
