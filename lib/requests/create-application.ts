/**
 * Stores a new application from any channel (Art. 29).
 *
 *  - ONLINE (the public form and the API, no actor): status 待确认 (PENDING_CONFIRMATION).
 *    The receipt date is the day staff confirm it (Art. 31(三)), see
 *    confirm-application.ts; submittedAt is kept apart.
 *  - Staff channels go through register-application.ts, which calls
 *    `insertApplication` with the receipt date the channel's rule gives.
 *
 * Every channel validates with the ONE application schema (application-form-schema.ts).
 * Returns the 申请编号 and the random query code; only the code's hash is stored,
 * so the caller must show the code to the applicant now (it cannot be recovered).
 */
import type { Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { yearOf, type CivilDate } from "@/lib/calendar/civil-date";
import type { ApplicationStatus, SubmissionChannel } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { defineVerb } from "@/lib/verbs/define-verb";
import { applicationFormSchema, formFieldErrors, type ApplicationChannel, type ApplicationFormData } from "./application-form-schema";
import { generateQueryCode, hashQueryCode, nextApplicationNumber } from "./numbers";
import { mailQueryCode } from "./public-mail";
import { todayOf, toDbDate } from "./calendar";

export type ApplicationInput = ApplicationFormData;

export type CreatedApplication = {
  id: string;
  number: string;
  /** Show once to the applicant; only its hash is stored. */
  queryCode: string;
  status: ApplicationStatus;
  submittedAt: Date;
  receiptDate: CivilDate | null;
};

export type InsertOptions = {
  channel: SubmissionChannel;
  submittedAt: Date;
  status: ApplicationStatus;
  receiptDate?: CivilDate | null;
  receiptRule?: string;
  receiptDetails?: Record<string, string | string[] | null> | null;
  actor?: SessionUser | null;
  departmentId?: string;
  eventAction?: string;
  eventNote?: string;
};

/** Parses an application with the one schema; throws ValidationError with Chinese field errors. */
export function parseApplication(raw: unknown, o: { now?: Date; channel?: ApplicationChannel } = {}): ApplicationInput {
  const parsed = applicationFormSchema({ today: todayOf(o.now ?? new Date()), channel: o.channel ?? "ONLINE" }).safeParse(raw ?? {});
  if (!parsed.success) throw new ValidationError(formFieldErrors(parsed.error));
  return parsed.data;
}

/** Inside a transaction: insert the application and its first event (the caller's verb audits). */
export async function insertApplication(tx: Tx, input: ApplicationInput, o: InsertOptions): Promise<CreatedApplication> {
  const number = await nextApplicationNumber(tx, yearOf(todayOf(o.submittedAt)));
  const queryCode = generateQueryCode();
  const departmentId = o.departmentId ?? input.targetDepartmentId;
  const app = await tx.disclosureApplication.create({
    data: {
      number,
      queryCodeHash: hashQueryCode(number, queryCode),
      channel: o.channel,
      status: o.status,
      applicantType: input.applicantType,
      organizationSubtype: input.organizationSubtype,
      applicantName: input.applicantName,
      contactName: input.contactName,
      idType: input.idType,
      idDocumentName: input.idDocumentName,
      idNumber: input.idNumber,
      phone: input.phone,
      email: input.email,
      address: input.address,
      postalCode: input.postalCode,
      description: input.description,
      documentRef: input.documentRef,
      purpose: input.purpose,
      provisionForms: input.provisionForms,
      provisionFormOther: input.provisionFormOther,
      deliveryMethods: input.deliveryMethods,
      needsAssistance: input.needsAssistance,
      assistanceNote: input.assistanceNote,
      targetDepartmentId: input.targetDepartmentId,
      departmentId,
      submittedAt: o.submittedAt,
      receiptDate: o.receiptDate ? toDbDate(o.receiptDate) : null,
      receiptRule: o.receiptRule ?? "",
      receiptDetails: o.receiptDetails ?? undefined,
      registeredById: o.actor?.id ?? null,
    },
    select: { id: true, number: true, status: true },
  });
  await tx.applicationEvent.create({
    data: {
      applicationId: app.id,
      actorId: o.actor?.id ?? null,
      actorName: o.actor?.displayName ?? "申请人",
      action: o.eventAction ?? (o.actor ? "REGISTER" : "CREATE"),
      toStatus: o.status,
      effectiveOn: o.receiptDate ? toDbDate(o.receiptDate) : null,
      note: o.eventNote ?? "",
      payload: { channel: o.channel, receiptRule: o.receiptRule ?? "", ...(o.receiptDetails ?? {}) },
    },
  });
  return { id: app.id, number, queryCode, status: app.status, submittedAt: o.submittedAt, receiptDate: o.receiptDate ?? null };
}

/** The citizen's online submission as a verb: anyone may submit; refusals are not audited. */
const submitOnline = defineVerb<{ application: ApplicationInput; notify: boolean }, { exists: boolean }, undefined, CreatedApplication>({
  action: "request.create",
  entityType: "DisclosureApplication",
  permission: "public",
  entityId: () => "",
  load: async ({ tx, input }) => ({
    exists: (await tx.department.count({ where: { id: input.application.targetDepartmentId } })) > 0,
  }),
  decide: ({ loaded }) => {
    if (!loaded.exists) throw new ValidationError({ targetDepartmentId: ["请选择受理机关"] });
    return undefined;
  },
  apply: async ({ tx, input, now }) => {
    const created = await insertApplication(tx, input.application, { channel: "ONLINE", submittedAt: now, status: "PENDING_CONFIRMATION" });
    if (input.notify) {
      await mailQueryCode(tx, {
        to: input.application.email,
        applicantName: input.application.applicantName,
        trackingNo: created.number,
        queryCode: created.queryCode,
        applicationId: created.id,
        intro:
          "您的政府信息公开申请已在线提交，状态为“待确认”。工作人员确认后，确认之日即为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条），答复期限自该日起计算。",
      });
    }
    return created;
  },
  audit: ({ result }) => ({
    entityId: result.id,
    detail: `${result.number}（ONLINE）`,
    after: { number: result.number, status: result.status, channel: "ONLINE", receiptDate: null },
  }),
});

/**
 * An application submitted online by the applicant (no staff actor): stored as 待确认
 * until staff confirm it. `raw` is validated with the one application schema. The query
 * code is mailed (through the outbox, in the same transaction) only when `notify` is set:
 * the public form and the API do, the demo seed does not.
 */
export async function createApplication(
  raw: unknown,
  opts: { ip?: string; now?: Date; notify?: boolean } = {},
): Promise<CreatedApplication> {
  const now = opts.now ?? new Date();
  const application = parseApplication(raw, { now, channel: "ONLINE" });
  return submitOnline(null, { application, notify: opts.notify ?? false }, { ip: opts.ip, now });
}
