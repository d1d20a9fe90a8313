/**
 * Staff register an application received in person, by post, fax or e-mail
 * (Art. 29; oral applications are written down by staff on the same form).
 * The receipt date follows the channel's Art. 31 rule (rules/receipt-date.ts);
 * when the rule needs a confirmation that has not happened yet (ordinary
 * letter, fax, e-mail) the application waits as 待确认 like an online one.
 */
import { db } from "@/lib/db/client";
import { authorizeUser, type SessionUser } from "@/lib/auth/guard";
import { ValidationError, zodFieldErrors } from "@/lib/errors";
import { civilToDate } from "@/lib/calendar/db-dates";
import { formatChineseDate } from "@/lib/calendar/civil-date";
import { mailQueryCode } from "./public-mail";
import { determineReceiptDate } from "./rules/receipt-date";
import { registrationSchema } from "./schema";
import { insertApplication, parseApplicationInput, type CreatedApplication } from "./create-application";
import { todayOf } from "./calendar";
import type { VerbOptions } from "./case-verb";

export async function registerApplication(
  actor: SessionUser | null | undefined,
  raw: unknown,
  opts: VerbOptions & { /** false: do not e-mail the query code (demo seed). */ notify?: boolean } = {},
): Promise<CreatedApplication & { warnings: string[] }> {
  const reg = registrationSchema.safeParse(raw);
  const base = await (async () => {
    try {
      return { input: await parseApplicationInput(db(), raw), errors: {} };
    } catch (e) {
      if (e instanceof ValidationError) return { input: null, errors: e.fieldErrors ?? {} };
      throw e;
    }
  })();
  const errors = { ...base.errors, ...(reg.success ? {} : zodFieldErrors(reg.error)) };
  if (!reg.success || !base.input) throw new ValidationError(errors);
  const input = base.input;
  const user = await authorizeUser(actor, "request:register", {
    departmentId: input.targetDepartmentId,
    action: "request.register",
    ip: opts.ip,
  });
  const now = opts.now ?? new Date();
  const today = todayOf(now);
  const r = reg.data;
  const receipt = determineReceiptDate({
    channel: r.channel,
    submittedOn: r.submittedOn,
    signedForOn: r.signedForOn,
    arrivedOn: r.arrivedOn,
    confirmedOn: r.confirmedOn,
    today,
  });
  if (receipt.status === "INVALID") {
    const field =
      r.channel === "IN_PERSON" ? "submittedOn" : r.channel === "REGISTERED_MAIL" ? "signedForOn" : "confirmedOn";
    throw new ValidationError({ [field]: [receipt.message] });
  }
  if (r.submittedOn && r.submittedOn > today) throw new ValidationError({ submittedOn: ["提交日期不能晚于今天"] });
  const submittedOn = r.submittedOn ?? r.arrivedOn ?? r.signedForOn ?? today;
  const details = {
    submittedOn: r.submittedOn ?? null,
    signedForOn: r.signedForOn ?? null,
    arrivedOn: r.arrivedOn ?? null,
    confirmedOn: r.confirmedOn ?? null,
    warnings: receipt.status === "RECEIVED" ? receipt.warnings : [],
  };
  const created = await db().$transaction((tx) =>
    insertApplication(tx, input, {
      channel: r.channel,
      // The instant is not known for paper channels: noon of the day handed in / posted.
      submittedAt: submittedOn === today ? now : new Date(civilToDate(submittedOn).getTime() + 4 * 3600_000),
      status: receipt.status === "RECEIVED" ? "REGISTERED" : "PENDING_CONFIRMATION",
      receiptDate: receipt.status === "RECEIVED" ? receipt.receiptDate : null,
      receiptRule: receipt.rule,
      receiptDetails: details,
      actor: user,
      ip: opts.ip,
    }),
  );
  // After commit: the applicant's copy of the query code, when an e-mail address was given.
  mailQueryCode({
    to: opts.notify === false ? "" : input.email,
    applicantName: input.applicantName,
    trackingNo: created.number,
    queryCode: created.queryCode,
    intro:
      receipt.status === "RECEIVED"
        ? `您的政府信息公开申请已登记，收到申请之日为${formatChineseDate(receipt.receiptDate)}，答复期限自次日起计算。`
        : `您的政府信息公开申请已登记，状态为“待确认”：确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条）。`,
  });
  return { ...created, warnings: receipt.status === "RECEIVED" ? receipt.warnings : [receipt.message] };
}
