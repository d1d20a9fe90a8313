/**
 * Staff register an application received in person, by post, fax or e-mail
 * (Art. 29; oral applications are written down by staff on the same form).
 * The receipt date follows the channel's Art. 31 rule (rules/receipt-date.ts);
 * when the rule needs a confirmation that has not happened yet (ordinary
 * letter, fax, e-mail) the application waits as 待确认 like an online one.
 * The applicant's query code is mailed through the outbox in the same transaction.
 */
import type { SessionUser } from "@/lib/auth/guard";
import { ForbiddenError, ValidationError, zodFieldErrors } from "@/lib/errors";
import { civilToDate } from "@/lib/calendar/db-dates";
import { formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import { defineVerb, type VerbOptions } from "@/lib/verbs/define-verb";
import { mailQueryCode } from "./public-mail";
import { determineReceiptDate, type ReceiptDateResult } from "./rules/receipt-date";
import { registrationSchema, type RegistrationInput } from "./schema";
import { insertApplication, parseApplication, type ApplicationInput, type CreatedApplication } from "./create-application";
import { todayOf } from "./calendar";

type RegisterInput = { application: ApplicationInput; registration: RegistrationInput; notify: boolean };
type Registered = CreatedApplication & { warnings: string[] };

const register = defineVerb<
  RegisterInput,
  { exists: boolean; inScope: boolean },
  Exclude<ReceiptDateResult, { status: "INVALID" }>,
  Registered
>({
  action: "request.register",
  entityType: "DisclosureApplication",
  permission: "request:register",
  entityId: () => "",
  load: async ({ tx, input, scope }) => {
    const id = input.application.targetDepartmentId;
    const exists = (await tx.department.count({ where: { id } })) > 0;
    return { exists, inScope: (await scope()).includes(id) };
  },
  decide: ({ loaded, input, now }) => {
    if (!loaded.exists) throw new ValidationError({ targetDepartmentId: ["请选择受理机关"] });
    if (!loaded.inScope) throw new ForbiddenError("只能登记本部门及下级部门受理的申请");
    const r = input.registration;
    const today = todayOf(now);
    const receipt = determineReceiptDate({
      channel: r.channel,
      submittedOn: r.submittedOn,
      signedForOn: r.signedForOn,
      arrivedOn: r.arrivedOn,
      confirmedOn: r.confirmedOn,
      today,
    });
    if (receipt.status === "INVALID") {
      const field = r.channel === "IN_PERSON" ? "submittedOn" : r.channel === "REGISTERED_MAIL" ? "signedForOn" : "confirmedOn";
      throw new ValidationError({ [field]: [receipt.message] });
    }
    if (r.submittedOn && r.submittedOn > today) throw new ValidationError({ submittedOn: ["提交日期不能晚于今天"] });
    return receipt;
  },
  apply: async ({ tx, actor, input, now, decision: receipt }) => {
    const r = input.registration;
    const today = todayOf(now);
    const submittedOn: CivilDate = r.submittedOn ?? r.arrivedOn ?? r.signedForOn ?? today;
    const received = receipt.status === "RECEIVED";
    const created = await insertApplication(tx, input.application, {
      channel: r.channel,
      // The instant is not known for paper channels: noon of the day handed in / posted.
      submittedAt: submittedOn === today ? now : new Date(civilToDate(submittedOn).getTime() + 4 * 3600_000),
      status: received ? "REGISTERED" : "PENDING_CONFIRMATION",
      receiptDate: received ? receipt.receiptDate : null,
      receiptRule: receipt.rule,
      receiptDetails: {
        submittedOn: r.submittedOn ?? null,
        signedForOn: r.signedForOn ?? null,
        arrivedOn: r.arrivedOn ?? null,
        confirmedOn: r.confirmedOn ?? null,
        warnings: received ? receipt.warnings : [],
      },
      actor,
    });
    if (input.notify) {
      await mailQueryCode(tx, {
        to: input.application.email,
        applicantName: input.application.applicantName,
        trackingNo: created.number,
        queryCode: created.queryCode,
        applicationId: created.id,
        intro: received
          ? `您的政府信息公开申请已登记，收到申请之日为${formatChineseDate(receipt.receiptDate)}，答复期限自次日起计算。`
          : `您的政府信息公开申请已登记，状态为“待确认”：确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条）。`,
      });
    }
    return { ...created, warnings: received ? receipt.warnings : [receipt.message] };
  },
  audit: ({ result, input }) => ({
    entityId: result.id,
    detail: `${result.number}（${input.registration.channel}）`,
    after: { number: result.number, status: result.status, channel: input.registration.channel, receiptDate: result.receiptDate },
  }),
});

/** Parses the application (the one schema) and the registration fields together, so every error shows at once. */
export async function registerApplication(
  actor: SessionUser | null | undefined,
  raw: unknown,
  opts: VerbOptions & { /** false: do not e-mail the query code (demo seed). */ notify?: boolean } = {},
): Promise<Registered> {
  const now = opts.now ?? new Date();
  const reg = registrationSchema.safeParse(raw);
  let application: ApplicationInput | null = null;
  let errors: Record<string, string[]> = {};
  try {
    application = parseApplication(raw, { now, channel: "STAFF" });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    errors = { ...(e.fieldErrors ?? {}) };
  }
  if (!reg.success) errors = { ...errors, ...zodFieldErrors(reg.error) };
  if (!reg.success || !application) throw new ValidationError(errors);
  return register(actor, { application, registration: reg.data, notify: opts.notify !== false }, { ...opts, now });
}
