/**
 * An online application from the public form or the JSON API: validate with
 * the public form schema (Chinese field errors), apply the per-IP rate limit,
 * store it through 4b's `createApplication` (待确认, tracking number, hashed
 * query code), then — after the commit, never blocking — mail the code to the
 * applicant if an e-mail address was given.
 */
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { createApplication } from "./create-application";
import { applicationFormSchema, formFieldErrors, type ApplicationFormData } from "./application-form-schema";
import { assertSubmitAllowed } from "./rate-limit";
import { sendMailInBackground } from "./public-mail";
import { todayOf } from "./calendar";

export type SubmittedApplication = {
  id: string;
  trackingNo: string;
  /** Shown to the applicant once; only its hash is stored. */
  queryCode: string;
  submittedAt: Date;
  emailed: boolean;
};

/** Parses the form or JSON body; throws ValidationError with Chinese field errors. */
export async function parsePublicApplication(raw: unknown, now = new Date()): Promise<ApplicationFormData> {
  const parsed = applicationFormSchema({ today: todayOf(now) }).safeParse(raw ?? {});
  if (!parsed.success) throw new ValidationError(formFieldErrors(parsed.error));
  const dept = await db().department.findUnique({ where: { id: parsed.data.targetDepartmentId }, select: { kind: true } });
  if (!dept) throw new ValidationError({ targetDepartmentId: ["请选择受理机关"] });
  return parsed.data;
}

export async function submitApplicationOnline(raw: unknown, opts: { ip: string; now?: Date }): Promise<SubmittedApplication> {
  const now = opts.now ?? new Date();
  const input = await parsePublicApplication(raw, now);
  await assertSubmitAllowed(opts.ip, now);
  const created = await createApplication({ ...input, organizationSubtype: input.organizationSubtype ?? undefined, purpose: "" }, { ip: opts.ip, now });
  const emailed = input.email !== "";
  if (emailed) {
    sendMailInBackground({
      to: input.email,
      subject: `政府信息公开申请已提交（申请编号 ${created.number}）`,
      text: [
        `${input.applicantName}：`,
        "",
        "您的政府信息公开申请已在线提交，状态为“待确认”。工作人员确认后，确认之日即为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条），答复期限自该日起计算。",
        "",
        `申请编号：${created.number}`,
        `查询码：${created.queryCode}`,
        "",
        "请妥善保管查询码：凭申请编号和查询码可在网站“依申请公开—办理进度查询”查看办理进度、在线补正和下载答复书。查询码不会再次显示，工作人员也无法查看。",
        "",
        "本邮件由系统自动发送，请勿直接回复。",
      ].join("\n"),
    });
  }
  return { id: created.id, trackingNo: created.number, queryCode: created.queryCode, submittedAt: created.submittedAt, emailed };
}
