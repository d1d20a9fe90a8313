/**
 * The applicant answers a 补正 notice online (Art. 30), from the tracking page
 * or the API. There is no staff actor, so it is a public verb of
 * lib/verbs/define-verb.ts rather than a case verb: lock the row, assert
 * AWAITING_CORRECTION through rules/stages.ts (RECEIVE_CORRECTION), record the
 * correction as received today, version + 1, append the case event; the audit
 * entry commits with it. The reply clock restarts from
 * the day received (rules/reply-deadline.ts reads correctionReceivedOn).
 *
 * The caller must already have proved access to the case (query code or the
 * signed case cookie).
 */
import { z } from "zod";
import { InvalidTransitionError, ValidationError } from "@/lib/errors";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { defineVerb } from "@/lib/verbs/define-verb";
import { compareCivilDates, formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import { transition } from "./rules/stages";
import { fromDbDateOrNull, todayOf, toDbDate } from "./calendar";

export const CORRECTION_TEXT_MAX = 2000;

export const correctionTextSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : (v ?? "")),
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

type Loaded = {
  id: string;
  number: string;
  status: ApplicationStatus;
  version: number;
  correctionNoticeDate: Date | null;
  correctionDeadline: Date | null;
};

/** The applicant's online correction as a public verb (refusals are not audited: anyone can try). */
const correctOnline = defineVerb<
  { applicationId: string; text: string },
  Loaded,
  { to: ApplicationStatus; today: CivilDate },
  CorrectionResult & { from: Loaded }
>({
  action: "request.correction-online",
  entityType: "DisclosureApplication",
  permission: "public",
  entityId: (input) => input.applicationId,
  notFoundMessage: "未找到该申请",
  load: async ({ tx, input }) => {
    await tx.$queryRaw`SELECT id FROM "DisclosureApplication" WHERE id = ${input.applicationId} FOR UPDATE`;
    return tx.disclosureApplication.findUnique({
      where: { id: input.applicationId },
      select: { id: true, number: true, status: true, version: true, correctionNoticeDate: true, correctionDeadline: true },
    });
  },
  version: (app) => app.version,
  decide: ({ loaded: app, now }) => {
    const today = todayOf(now);
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
    return { to: t.to, today };
  },
  apply: async ({ tx, input, loaded: app, decision }) => {
    await tx.disclosureApplication.update({
      where: { id: app.id },
      data: { status: decision.to, correctionReceivedOn: toDbDate(decision.today), correctionNote: input.text, version: { increment: 1 } },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        actorId: null,
        actorName: "申请人（网上补正）",
        action: "RECEIVE_CORRECTION",
        fromStatus: app.status,
        toStatus: decision.to,
        effectiveOn: toDbDate(decision.today),
        note: input.text,
        payload: { channel: "ONLINE" },
      },
    });
    return { receivedOn: decision.today, trackingNo: app.number, from: app };
  },
  audit: ({ result, decision }) => ({
    detail: `${result.trackingNo} 网上提交补正`,
    before: { status: result.from.status, version: result.from.version },
    after: { status: decision.to, version: result.from.version + 1, correctionReceivedOn: result.receivedOn },
  }),
});

/**
 * The caller must already have proved access to the case (query code or the signed case
 * cookie): the verb is public, the proof is the caller's.
 */
export async function submitCorrectionOnline(
  applicationId: string,
  rawText: unknown,
  opts: { ip?: string; now?: Date } = {},
): Promise<CorrectionResult> {
  const parsed = correctionTextSchema.safeParse(rawText);
  if (!parsed.success) throw new ValidationError({ correction: [parsed.error.issues[0]?.message ?? "请填写补正内容"] });
  const r = await correctOnline(null, { applicationId, text: parsed.data }, { ip: opts.ip, now: opts.now });
  return { receivedOn: r.receivedOn, trackingNo: r.trackingNo };
}
