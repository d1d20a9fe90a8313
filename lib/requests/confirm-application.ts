/**
 * Confirm an application that is waiting for confirmation (online, fax, e-mail,
 * ordinary letter): Art. 31 makes the day both sides confirm the receipt date,
 * which starts the reply clock. Or close it when it cannot be confirmed.
 */
import type { SessionUser } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { determineReceiptDate } from "./rules/receipt-date";
import { runCaseVerb, type VerbOptions } from "./case-verb";
import { todayOf, toDbDate } from "./calendar";

export async function confirmApplication(
  actor: SessionUser | null | undefined,
  input: { id: string; confirmedOn?: CivilDate; note?: string },
  opts: VerbOptions = {},
): Promise<{ receiptDate: CivilDate }> {
  return runCaseVerb(actor, input.id, "request:register", "request.confirm", opts, async (c) => {
    await c.transition("CONFIRM_RECEIPT");
    const details = (c.app.receiptDetails ?? {}) as Record<string, string | null>;
    const r = determineReceiptDate({
      channel: c.app.channel,
      submittedOn: details.submittedOn ?? todayOf(c.app.submittedAt),
      arrivedOn: details.arrivedOn ?? null,
      signedForOn: details.signedForOn ?? null,
      confirmedOn: input.confirmedOn ?? c.today,
      today: c.today,
    });
    if (r.status !== "RECEIVED") throw new ValidationError({ confirmedOn: [r.status === "INVALID" ? r.message : r.message] });
    return {
      event: "CONFIRM_RECEIPT",
      effectiveOn: r.receiptDate,
      note: input.note ?? "",
      update: {
        receiptDate: toDbDate(r.receiptDate),
        receiptRule: r.rule,
        receiptDetails: { ...details, confirmedOn: r.receiptDate, warnings: r.warnings } as never,
        registeredById: c.actor.id,
      },
      payload: { receiptDate: r.receiptDate, rule: r.rule },
      result: { receiptDate: r.receiptDate },
    };
  });
}

export async function closeUnconfirmed(
  actor: SessionUser | null | undefined,
  input: { id: string; reason: string },
  opts: VerbOptions = {},
): Promise<void> {
  const reason = (input.reason ?? "").trim();
  if (!reason) throw new ValidationError({ reason: ["请说明无法确认的原因"] });
  return runCaseVerb(actor, input.id, "request:register", "request.close-unconfirmed", opts, async (c) => {
    await c.transition("CLOSE_UNCONFIRMED");
    return { event: "CLOSE_UNCONFIRMED", note: reason, update: { closedOn: toDbDate(c.today) }, result: undefined };
  });
}
