/**
 * Confirm an application that is waiting for confirmation (online, fax, e-mail,
 * ordinary letter): Art. 31 makes the day both sides confirm the receipt date,
 * which starts the reply clock. Or close it when it cannot be confirmed.
 */
import { ValidationError } from "@/lib/errors";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { determineReceiptDate } from "./rules/receipt-date";
import { caseVerb } from "./case-verb";
import { todayOf, toDbDate } from "./calendar";

type ReceiptDetails = Record<string, string | null>;

function receiptDetailsOf(raw: unknown): ReceiptDetails {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const out: ReceiptDetails = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === "string" || v === null) out[k] = v;
  return out;
}

export const confirmApplication = caseVerb<{ id: string; confirmedOn?: CivilDate; note?: string }, { receiptDate: CivilDate }>({
  action: "request.confirm",
  policy: "confirm",
  run: async (c) => {
    c.transition("CONFIRM_RECEIPT");
    const details = receiptDetailsOf(c.app.receiptDetails);
    const r = determineReceiptDate({
      channel: c.app.channel,
      submittedOn: details.submittedOn ?? todayOf(c.app.submittedAt),
      arrivedOn: details.arrivedOn ?? null,
      signedForOn: details.signedForOn ?? null,
      confirmedOn: c.input.confirmedOn ?? c.today,
      today: c.today,
    });
    if (r.status !== "RECEIVED") throw new ValidationError({ confirmedOn: [r.message] });
    return {
      event: "CONFIRM_RECEIPT",
      effectiveOn: r.receiptDate,
      note: c.input.note ?? "",
      update: {
        receiptDate: toDbDate(r.receiptDate),
        receiptRule: r.rule,
        receiptDetails: { ...details, confirmedOn: r.receiptDate, warnings: r.warnings },
        registeredById: c.actor.id,
      },
      payload: { receiptDate: r.receiptDate, rule: r.rule },
      result: { receiptDate: r.receiptDate },
    };
  },
});

export const closeUnconfirmed = caseVerb<{ id: string; reason: string }, undefined>({
  action: "request.close-unconfirmed",
  policy: "closeUnconfirmed",
  validate: (input) => {
    const reason = input.reason.trim();
    if (!reason) throw new ValidationError({ reason: ["请说明无法确认的原因"] });
    return { ...input, reason };
  },
  run: async (c) => {
    c.transition("CLOSE_UNCONFIRMED");
    return { event: "CLOSE_UNCONFIRMED", note: c.input.reason, update: { closedOn: toDbDate(c.today) }, result: undefined };
  },
});
