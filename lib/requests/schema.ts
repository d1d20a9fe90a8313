/**
 * zod input schemas of the on-request domain. The application itself has ONE schema,
 * `applicationFormSchema` (application-form-schema.ts), shared by the public form, the
 * JSON API (POST /api/v1/requests) and staff registration; this module adds what staff
 * registration needs on top of it (the channel and its Art. 31 dates) and the date fields
 * the staff forms share (form-schemas.ts).
 */
import { z } from "zod";
import { isCivilDate } from "@/lib/calendar/civil-date";
import type { SubmissionChannel } from "@/lib/generated/prisma/enums";

export { applicationFormSchema as applicationSchema, type ApplicationFormData as ApplicationInput } from "./application-form-schema";

export const civilDateField = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请填写${label}` }).refine(isCivilDate, { error: `请填写有效的${label}（年-月-日）` }),
  );
export const optionalCivilDate = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : (v ?? undefined)),
    z
      .string()
      .refine(isCivilDate, { error: `请填写有效的${label}（年-月-日）` })
      .optional(),
  );

/** The channels staff register (an online application arrives by itself). */
export const STAFF_CHANNELS = ["IN_PERSON", "REGISTERED_MAIL", "ORDINARY_MAIL", "FAX", "EMAIL"] as const satisfies readonly Exclude<
  SubmissionChannel,
  "ONLINE"
>[];

/** Staff registration of a paper / in-person / mail / fax / e-mail application (Art. 31 dates). */
export const registrationSchema = z.object({
  channel: z.enum(STAFF_CHANNELS, { error: "请选择申请提交方式" }),
  submittedOn: optionalCivilDate("提交（寄出）日期"),
  signedForOn: optionalCivilDate("签收日期"),
  arrivedOn: optionalCivilDate("收到信函日期"),
  confirmedOn: optionalCivilDate("与申请人确认日期"),
});
export type RegistrationInput = z.output<typeof registrationSchema>;
