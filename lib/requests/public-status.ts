/**
 * What an applicant sees about their own case (tracking page and
 * GET /api/v1/requests/{trackingNo}): the stage, the receipt date and the
 * reply deadline with its explanation (pauses, extension, provisional), any
 * 补正 notice to answer, the fee notice and whether the reply letter can be
 * downloaded. Built from 4b's case tables; the deadline is computed from the
 * dated records (never stored), like the staff view.
 */
import { db } from "@/lib/db/client";
import { compareCivilDates, type CivilDate } from "@/lib/calendar/civil-date";
import { CASE_STAGES, CASE_STAGE_LABELS, STATUS_INFO, type ApplicationStatus, type CaseStage } from "./rules/stages";
import { MAX_EXTENSION_WORKING_DAYS } from "./rules/reply-deadline";
import { computeCaseClock } from "./clock";
import { CHANNEL_LABELS, RECEIPT_RULES } from "./rules/receipt-date";
import { effectiveFeePaymentDue, FEE_BASIS_DOCUMENT, FEE_METHOD_LABELS } from "./rules/fees";
import { correctionClosedMessage } from "./public-correction";
import { REPLY_TYPE_LABELS } from "./rules/reply-types";
import { FEE_STATUS_LABELS } from "./labels";
import { replyLetterOf } from "./reply-letter";
import { NotFoundError } from "@/lib/errors";
import { fromDbDate, fromDbDateOrNull, requestCalendar, todayOf } from "./calendar";

export type StageStep = { stage: CaseStage; label: string; state: "done" | "current" | "todo" };

export type PublicStatusView = {
  trackingNo: string;
  status: ApplicationStatus;
  statusLabel: string;
  stage: CaseStage;
  stageLabel: string;
  stages: StageStep[];
  closed: boolean;
  channel: string;
  submittedAt: string;
  submittedOn: CivilDate;
  departmentName: string;
  applicantName: string;
  description: string;
  receiptDate: CivilDate | null;
  receiptRule: string;
  deadline: {
    due: CivilDate | null;
    baseDue: CivilDate | null;
    clockStart: CivilDate;
    extensionDays: number;
    provisional: boolean;
    paused: boolean;
    overdue: boolean | null;
    remainingWorkingDays: number | null;
    /** Plain-language lines explaining how the due date was reached. */
    explanation: string[];
  } | null;
  /** Why there is no deadline yet, when `deadline` is null. */
  deadlineNote: string | null;
  correction: {
    noticeDate: CivilDate;
    items: string[];
    deadline: CivilDate | null;
    receivedOn: CivilDate | null;
    note: string;
    /** The applicant can answer online now. */
    open: boolean;
    /** Why the applicant can no longer answer online (deadline passed), or null. */
    closedMessage: string | null;
  } | null;
  /** Art. 33: an approved extension, with the reason the applicant must be told. */
  extension: {
    days: number;
    reason: string;
    approvedOn: CivilDate | null;
    noticeSentOn: CivilDate | null;
    noticeMethod: string;
  } | null;
  fee: {
    methodLabel: string;
    amountYuan: number;
    basis: string;
    summary: string;
    lines: string[];
    paymentInstructions: string;
    noticeDate: CivilDate;
    /** The deadline on today's calendar (never earlier than the date printed on the notice). */
    paymentDueDate: CivilDate;
    paymentDueProvisional: boolean;
    statusLabel: string;
    paidOn: CivilDate | null;
  } | null;
  reply: {
    replyTypeLabel: string;
    documentNumber: string | null;
    letterDate: CivilDate | null;
    deliveredOn: CivilDate | null;
    letterAvailable: boolean;
  } | null;
};

const LETTER_STATUSES: readonly ApplicationStatus[] = ["REPLY_SIGNED", "DELIVERED", "ARCHIVED"];

function stageSteps(status: ApplicationStatus): StageStep[] {
  const current = STATUS_INFO[status].stage;
  const idx = CASE_STAGES.indexOf(current);
  const allDone = status === "ARCHIVED";
  return CASE_STAGES.map((stage, i) => ({
    stage,
    label: CASE_STAGE_LABELS[stage],
    state: allDone || i < idx ? "done" : i === idx ? "current" : "todo",
  }));
}

/** Reads one case by id (the caller has already proved access) and builds the applicant's view. */
export async function loadPublicStatus(applicationId: string, now = new Date()): Promise<PublicStatusView | null> {
  const app = await db().disclosureApplication.findUnique({
    where: { id: applicationId },
    select: {
      number: true,
      status: true,
      channel: true,
      submittedAt: true,
      departmentId: true,
      applicantName: true,
      description: true,
      receiptDate: true,
      receiptRule: true,
      correctionNoticeDate: true,
      correctionItems: true,
      correctionDeadline: true,
      correctionReceivedOn: true,
      correctionNote: true,
      replyType: true,
      deliveredOn: true,
      closedOn: true,
      consultations: { select: { startedOn: true, answeredOn: true } },
      extensions: {
        select: { status: true, days: true, reason: true, approvedOn: true, noticeSentOn: true, noticeMethod: true },
        orderBy: { requestedAt: "asc" },
      },
      fee: true,
      replies: {
        where: { status: "SIGNED" },
        orderBy: { revision: "desc" },
        take: 1,
        select: { replyType: true, documentNumber: true, letterDate: true },
      },
      documents: { where: { kind: "REPLY_LETTER" }, select: { id: true }, take: 1 },
    },
  });
  if (!app) return null;
  const dept = await db().department.findUnique({ where: { id: app.departmentId }, select: { name: true, calendarRegion: true } });
  const today = todayOf(now);
  const info = STATUS_INFO[app.status];
  const receiptDate = fromDbDateOrNull(app.receiptDate);
  const correctionNotice = fromDbDateOrNull(app.correctionNoticeDate);
  const correctionReceived = fromDbDateOrNull(app.correctionReceivedOn);
  const extensionDays = Math.min(
    MAX_EXTENSION_WORKING_DAYS,
    app.extensions.filter((e) => e.status === "APPROVED").reduce((s, e) => s + e.days, 0),
  );

  let deadline: PublicStatusView["deadline"] = null;
  let deadlineNote: string | null = null;
  // The handling department's calendar, as on the staff case page.
  const cal = await requestCalendar(dept?.calendarRegion);
  if (!receiptDate) {
    deadlineNote =
      app.status === "PENDING_CONFIRMATION"
        ? "工作人员确认收到您的申请后，自确认之日（即收到申请之日）起计算答复期限。"
        : "本申请未予登记，不计算答复期限。";
  } else {
    // The same clock the staff case page shows (4b's lib/requests/clock.ts).
    const clock = computeCaseClock(cal, app, today);
    if (clock.state !== "NOT_STARTED") {
      deadline = {
        due: clock.due,
        baseDue: clock.deadline.baseDue,
        clockStart: clock.deadline.clockStart,
        extensionDays,
        provisional: clock.provisional,
        paused: clock.state === "STOPPED",
        overdue: clock.overdue,
        remainingWorkingDays: clock.state === "DONE" ? null : clock.deadline.remainingWorkingDays,
        explanation: clock.explanation,
      };
    }
  }

  const items = Array.isArray(app.correctionItems) ? app.correctionItems.filter((x): x is string => typeof x === "string") : [];
  const correctionDeadline = fromDbDateOrNull(app.correctionDeadline);
  const correctionLate =
    app.status === "AWAITING_CORRECTION" && correctionDeadline !== null && compareCivilDates(today, correctionDeadline) > 0;
  const approvedExtension = app.extensions.find((e) => e.status === "APPROVED") ?? null;
  const feeDue = app.fee ? effectiveFeePaymentDue(cal, fromDbDate(app.fee.noticeDate), fromDbDate(app.fee.paymentDueDate)) : null;
  const signed = app.replies[0];
  const assessment = (app.fee?.assessment ?? null) as {
    summary?: unknown;
    basis?: unknown;
    lines?: Array<{ description?: unknown }>;
  } | null;

  return {
    trackingNo: app.number,
    status: app.status,
    statusLabel: info.label,
    stage: info.stage,
    stageLabel: CASE_STAGE_LABELS[info.stage],
    stages: stageSteps(app.status),
    closed: info.closed,
    channel: CHANNEL_LABELS[app.channel],
    submittedAt: app.submittedAt.toISOString(),
    submittedOn: todayOf(app.submittedAt),
    departmentName: dept?.name ?? "",
    applicantName: app.applicantName,
    description: app.description,
    receiptDate,
    receiptRule: app.receiptRule || RECEIPT_RULES[app.channel],
    deadline,
    deadlineNote,
    correction: correctionNotice
      ? {
          noticeDate: correctionNotice,
          items,
          deadline: correctionDeadline,
          receivedOn: correctionReceived,
          note: app.correctionNote,
          open: app.status === "AWAITING_CORRECTION" && !correctionLate,
          closedMessage: correctionLate && correctionDeadline ? correctionClosedMessage(correctionDeadline) : null,
        }
      : null,
    extension: approvedExtension
      ? {
          days: approvedExtension.days,
          reason: approvedExtension.reason,
          approvedOn: fromDbDateOrNull(approvedExtension.approvedOn),
          noticeSentOn: fromDbDateOrNull(approvedExtension.noticeSentOn),
          noticeMethod: approvedExtension.noticeMethod,
        }
      : null,
    fee: app.fee
      ? {
          methodLabel: FEE_METHOD_LABELS[app.fee.method],
          amountYuan: app.fee.amountYuan,
          basis: typeof assessment?.basis === "string" ? assessment.basis : FEE_BASIS_DOCUMENT,
          summary: typeof assessment?.summary === "string" ? assessment.summary : "",
          lines: (assessment?.lines ?? []).map((l) => (typeof l.description === "string" ? l.description : "")).filter(Boolean),
          paymentInstructions: app.fee.paymentInstructions,
          noticeDate: fromDbDate(app.fee.noticeDate),
          paymentDueDate: feeDue?.due ?? fromDbDate(app.fee.paymentDueDate),
          paymentDueProvisional: feeDue?.provisional ?? false,
          statusLabel: FEE_STATUS_LABELS[app.fee.status],
          paidOn: fromDbDateOrNull(app.fee.paidOn),
        }
      : null,
    reply:
      signed || LETTER_STATUSES.includes(app.status)
        ? {
            replyTypeLabel: signed ? REPLY_TYPE_LABELS[signed.replyType] : app.replyType ? REPLY_TYPE_LABELS[app.replyType] : "",
            documentNumber: signed?.documentNumber ?? null,
            letterDate: fromDbDateOrNull(signed?.letterDate),
            deliveredOn: fromDbDateOrNull(app.deliveredOn),
            letterAvailable: LETTER_STATUSES.includes(app.status) && (!!signed?.documentNumber || app.documents.length > 0),
          }
        : null,
  };
}

/**
 * The reply letter of a case whose reply is signed (generated and stored on
 * sign-off by signReply; read-only here), or null. The caller has proved
 * access with the query code or the signed case cookie.
 */
export async function loadReplyLetter(applicationId: string) {
  const app = await db().disclosureApplication.findUnique({ where: { id: applicationId }, select: { status: true, number: true } });
  if (!app || !LETTER_STATUSES.includes(app.status)) return null;
  try {
    const doc = await replyLetterOf(applicationId);
    return { fileName: doc.fileName, mimeType: doc.mimeType, content: doc.content, number: app.number };
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}
