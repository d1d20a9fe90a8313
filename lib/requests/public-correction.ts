/**
 * The applicant answers a 补正 notice online (Art. 30), from the tracking page
 * or the API. There is no staff actor, so this is not a case verb of
 * lib/requests/case-verb.ts; it follows the same shape in one transaction:
 * lock the row, assert AWAITING_CORRECTION through rules/stages.ts
 * (RECEIVE_CORRECTION), record the correction as received today, version + 1,
 * append the case event and the audit entry. The reply clock restarts from
 * the day received (rules/reply-deadline.ts reads correctionReceivedOn).
 *
 * The caller must already have proved access to the case (query code or the
 * signed case cookie).
 */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from "@/lib/errors";
import { compareCivilDates, formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import { transition } from "./rules/stages";
import { fromDbDateOrNull, todayOf, toDbDate } from "./calendar";

export const CORRECTION_TEXT_MAX = 2000;

export const correctionTextSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v ?? ""),
  z
    .string({ error: "请填写补正内容" })
    .min(1, { error: "请填写补正内容" })
    .max(CORRECTION_TEXT_MAX, { error: `补正内容不能超过${CORRECTION_TEXT_MAX}个字` }),
);

/** Shown when the applicant tries to answer a 补正 notice after its deadline. */
export function correctionClosedMessage(deadline: CivilDate): string {
  return `补正期限已于${formatChineseDate(deadline)}届满，无法在线提交补正。无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）；如有正当理由，请联系受理机关。`;
}

export type CorrectionResult = { receivedOn: CivilDate; trackingNo: string };

export async function submitCorrectionOnline(
  applicationId: string,
  rawText: unknown,
  opts: { ip?: string; now?: Date } = {},
): Promise<CorrectionResult> {
  const parsed = correctionTextSchema.safeParse(rawText);
  if (!parsed.success) throw new ValidationError({ correction: [parsed.error.issues[0]?.message ?? "请填写补正内容"] });
  const text = parsed.data;
  const now = opts.now ?? new Date();
  const today = todayOf(now);

  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "DisclosureApplication" WHERE id = ${applicationId} FOR UPDATE`;
    const app = await tx.disclosureApplication.findUnique({
      where: { id: applicationId },
      select: { id: true, number: true, status: true, version: true, correctionNoticeDate: true, correctionDeadline: true },
    });
    if (!app) throw new NotFoundError("未找到该申请");
    const t = transition(app.status, "RECEIVE_CORRECTION");
    if (!t.ok || !app.correctionNoticeDate) {
      throw new InvalidTransitionError("本申请目前不需要补正，或补正内容已经提交");
    }
    // Art. 30: after the deadline the application is deemed withdrawn unless the
    // applicant had a good reason — which the office, not the website, judges.
    const deadline = fromDbDateOrNull(app.correctionDeadline);
    if (deadline && compareCivilDates(today, deadline) > 0) {
      throw new InvalidTransitionError(correctionClosedMessage(deadline));
    }
    const updated = await tx.disclosureApplication.updateMany({
      where: { id: app.id, version: app.version },
      data: { status: t.to, correctionReceivedOn: toDbDate(today), correctionNote: text, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ConflictError("申请状态已变化，请刷新后重试");
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        actorId: null,
        actorName: "申请人（网上补正）",
        action: "RECEIVE_CORRECTION",
        fromStatus: app.status,
        toStatus: t.to,
        effectiveOn: toDbDate(today),
        note: text,
        payload: { channel: "ONLINE" },
      },
    });
    await writeAudit(tx, {
      actorName: "申请人",
      action: "request.correction-online",
      entityType: "DisclosureApplication",
      entityId: app.id,
      ip: opts.ip ?? "",
      detail: `${app.number} 网上提交补正`,
      before: { status: app.status, version: app.version },
      after: { status: t.to, version: app.version + 1, correctionReceivedOn: today },
    });
    return { receivedOn: today, trackingNo: app.number };
  });
}
