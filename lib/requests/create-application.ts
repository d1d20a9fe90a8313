/**
 * Stores a new application from any channel (Art. 29).
 *
 *  - ONLINE (4c's public form, no actor): status 待确认 (PENDING_CONFIRMATION).
 *    The receipt date is the day staff confirm it (Art. 31(三)), see
 *    confirm-application.ts; submittedAt is kept apart.
 *  - Staff channels go through register-application.ts, which calls
 *    `insertApplication` with the receipt date the channel's rule gives.
 *
 * Returns the 申请编号 and the random query code; only the code's hash is stored,
 * so the caller must show the code to the applicant now (it cannot be recovered).
 */
import { db, type Db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { ValidationError, zodFieldErrors } from "@/lib/errors";
import { yearOf, type CivilDate } from "@/lib/calendar/civil-date";
import type { ApplicationStatus, SubmissionChannel } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { applicationInputSchema, type ApplicationInput } from "./schema";
import { generateQueryCode, hashQueryCode, nextApplicationNumber } from "./numbers";
import { todayOf, toDbDate } from "./calendar";

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
  receiptDetails?: Record<string, unknown> | null;
  actor?: SessionUser | null;
  ip?: string;
  splitFromId?: string | null;
  departmentId?: string;
  eventAction?: string;
  eventNote?: string;
};

/** Parses and checks the application; throws ValidationError with field errors in Chinese. */
export async function parseApplicationInput(tx: Pick<Tx, "department"> | Pick<Db, "department">, raw: unknown): Promise<ApplicationInput> {
  const parsed = applicationInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  const dept = await tx.department.findUnique({ where: { id: parsed.data.targetDepartmentId }, select: { id: true } });
  if (!dept) throw new ValidationError({ targetDepartmentId: ["请选择受理机关"] });
  return parsed.data;
}

/** Inside a transaction: insert the application and its first event. */
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
      organizationSubtype: input.applicantType === "ORGANIZATION" ? (input.organizationSubtype ?? "OTHER") : null,
      applicantName: input.applicantName,
      contactName: input.contactName,
      idType: input.idType,
      idDocumentName: input.idType === "OTHER" ? input.idDocumentName : "",
      idNumber: input.idNumber,
      phone: input.phone,
      email: input.email,
      address: input.address,
      postalCode: input.postalCode,
      description: input.description,
      documentRef: input.documentRef,
      purpose: input.purpose,
      provisionForms: input.provisionForms,
      provisionFormOther: input.provisionForms.includes("OTHER") ? input.provisionFormOther : "",
      deliveryMethods: input.deliveryMethods,
      needsAssistance: input.needsAssistance,
      assistanceNote: input.needsAssistance ? input.assistanceNote : "",
      targetDepartmentId: input.targetDepartmentId,
      departmentId,
      submittedAt: o.submittedAt,
      receiptDate: o.receiptDate ? toDbDate(o.receiptDate) : null,
      receiptRule: o.receiptRule ?? "",
      receiptDetails: (o.receiptDetails ?? undefined) as never,
      registeredById: o.actor?.id ?? null,
      splitFromId: o.splitFromId ?? null,
    },
    select: { id: true, number: true, status: true },
  });
  const actorName = o.actor?.displayName ?? "申请人";
  await tx.applicationEvent.create({
    data: {
      applicationId: app.id,
      actorId: o.actor?.id ?? null,
      actorName,
      action: o.eventAction ?? (o.actor ? "REGISTER" : "CREATE"),
      toStatus: o.status,
      effectiveOn: o.receiptDate ? toDbDate(o.receiptDate) : null,
      note: o.eventNote ?? "",
      payload: { channel: o.channel, receiptRule: o.receiptRule ?? "", ...(o.receiptDetails ?? {}) } as never,
    },
  });
  await writeAudit(tx, {
    actorId: o.actor?.id ?? null,
    actorName,
    action: o.actor ? "request.register" : "request.create",
    entityType: "DisclosureApplication",
    entityId: app.id,
    ip: o.ip ?? "",
    detail: `${number}（${o.channel}）`,
    after: { number, status: o.status, channel: o.channel, receiptDate: o.receiptDate ?? null },
  });
  return { id: app.id, number, queryCode, status: app.status, submittedAt: o.submittedAt, receiptDate: o.receiptDate ?? null };
}

/**
 * An application submitted online by the applicant (no staff actor): stored as
 * 待确认 until staff confirm it. `raw` is validated with applicationInputSchema.
 */
export async function createApplication(
  raw: unknown,
  opts: { channel?: "ONLINE"; ip?: string; now?: Date } = {},
): Promise<CreatedApplication> {
  const submittedAt = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const input = await parseApplicationInput(tx, raw);
    return insertApplication(tx, input, {
      channel: opts.channel ?? "ONLINE",
      submittedAt,
      status: "PENDING_CONFIRMATION",
      ip: opts.ip,
    });
  });
}
