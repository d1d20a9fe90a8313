/**
 * The live reply clock of one case, computed on every read from the stored
 * dates (never stored as a flag): rules/reply-deadline.ts on the calendar.
 */
import type { CalendarData } from "@/lib/calendar/calendar-data";
import { compareCivilDates, formatChineseDate, type CivilDate } from "@/lib/calendar/civil-date";
import { isDueWithin } from "@/lib/calendar/working-days";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { computeReplyDeadline, REPLY_WORKING_DAYS, type ReplyDeadline } from "./rules/reply-deadline";
import { STATUS_INFO } from "./rules/stages";
import { fromDbDate, fromDbDateOrNull } from "./calendar";

export type ClockSource = {
  status: ApplicationStatus;
  receiptDate: Date | null;
  correctionNoticeDate: Date | null;
  correctionReceivedOn: Date | null;
  closedOn: Date | null;
  deliveredOn: Date | null;
  consultations: ReadonlyArray<{ startedOn: Date; answeredOn: Date | null }>;
  fee: { noticeDate: Date; paidOn: Date | null; status: string } | null;
  extensions: ReadonlyArray<{ status: string; days: number }>;
};

export type CaseClock =
  | { state: "NOT_STARTED"; headline: string; explanation: string[] }
  | {
      state: "RUNNING" | "STOPPED" | "DONE";
      deadline: ReplyDeadline;
      due: CivilDate | null;
      overdue: boolean;
      dueSoon: boolean;
      provisional: boolean;
      /** Closed cases: whether the reply (delivery) met the deadline. */
      metDeadline: boolean | null;
      headline: string;
      explanation: string[];
    };

/** Due within this many working days (incl. today) is highlighted. */
export const DUE_SOON_WORKING_DAYS = 3;

export function computeCaseClock(cal: CalendarData, src: ClockSource, today: CivilDate): CaseClock {
  const receipt = fromDbDateOrNull(src.receiptDate);
  const info = STATUS_INFO[src.status];
  if (!receipt) {
    return {
      state: "NOT_STARTED",
      headline: "尚未确认收到申请，答复期限未开始计算",
      explanation: ["以双方确认之日（或本机关签收之日）为收到申请之日，答复期限自次日起计算（《条例》第三十一条）"],
    };
  }
  const done = info.clock === "DONE";
  const endDay = done ? (fromDbDateOrNull(src.deliveredOn) ?? fromDbDateOrNull(src.closedOn) ?? today) : today;
  const extensionDays = src.extensions.filter((e) => e.status === "APPROVED").reduce((s, e) => s + e.days, 0);
  const deadline = computeReplyDeadline(cal, {
    receiptDate: receipt,
    correction: src.correctionNoticeDate
      ? { noticeDate: fromDbDate(src.correctionNoticeDate), receivedOn: fromDbDateOrNull(src.correctionReceivedOn) }
      : null,
    consultations: src.consultations.map((c) => ({ startedOn: fromDbDate(c.startedOn), answeredOn: fromDbDateOrNull(c.answeredOn) })),
    fee:
      src.fee && src.fee.status !== "ABANDONED"
        ? { noticeDate: fromDbDate(src.fee.noticeDate), paidOn: fromDbDateOrNull(src.fee.paidOn) }
        : null,
    extensionDays: Math.min(extensionDays, 20),
    today: endDay,
  });

  const explanation: string[] = [];
  if (src.correctionReceivedOn) {
    explanation.push(
      `收到申请之日为${formatChineseDate(receipt)}；申请人于${formatChineseDate(deadline.clockStart)}提交补正，答复期限自收到补正申请之日起重新计算${REPLY_WORKING_DAYS}个工作日（《条例》第三十条）`,
    );
  } else {
    explanation.push(
      `自收到申请之日（${formatChineseDate(receipt)}）起${REPLY_WORKING_DAYS}个工作日内答复，当日不计入（《条例》第三十三条）`,
    );
  }
  if (deadline.awaitingCorrection) explanation.push("已告知补正，等待申请人补正；收到补正后重新计算答复期限");
  for (const p of deadline.pauses) {
    if (p.reason === "等待申请人补正") continue;
    explanation.push(
      p.to
        ? `${p.reason}：${formatChineseDate(p.from)}至${formatChineseDate(p.to)}，所需时间不计入答复期限`
        : `${p.reason}：自${formatChineseDate(p.from)}起暂停计算，尚未结束`,
    );
  }
  if (deadline.assumesFullConsultation) explanation.push("征求意见尚未答复，暂按15个工作日的最长期限计算");
  if (extensionDays > 0)
    explanation.push(`经批准延长答复期限${extensionDays}个工作日（原期限${deadline.baseDue ? formatChineseDate(deadline.baseDue) : "—"}）`);
  if (deadline.pausedWorkingDays > 0) explanation.push(`共暂停计算${deadline.pausedWorkingDays}个工作日`);
  if (deadline.provisional) explanation.push("期限涉及尚未公布节假日安排的年份，按周一至周五推算，为暂定日期");

  const due = deadline.due;
  if (done) {
    const metDeadline = due ? compareCivilDates(endDay, due) <= 0 : null;
    return {
      state: "DONE",
      deadline,
      due,
      overdue: false,
      dueSoon: false,
      provisional: deadline.provisional,
      metDeadline,
      headline: due
        ? `已办结（${formatChineseDate(endDay)}），答复期限为${formatChineseDate(due)}${deadline.provisional ? "（暂定）" : ""}，${metDeadline ? "在期限内办结" : "超过期限办结"}`
        : `已办结（${formatChineseDate(endDay)}）`,
      explanation,
    };
  }
  const overdue = deadline.overdue === true;
  const dueSoon = due !== null && !overdue && isDueWithin(cal, today, due, DUE_SOON_WORKING_DAYS);
  const stopped = info.clock === "STOPPED" || deadline.paused;
  let headline: string;
  if (!due) headline = stopped ? `计时暂停（${info.label}），答复期限待恢复计算后确定` : "答复期限待定";
  else if (overdue)
    headline = `已超期：答复期限为${formatChineseDate(due)}${deadline.provisional ? "（暂定）" : ""}，已超过${-(deadline.remainingWorkingDays ?? -1)}个工作日`;
  else
    headline = `答复期限：${formatChineseDate(due)}，还剩${deadline.remainingWorkingDays}个工作日${deadline.provisional ? "（暂定）" : ""}`;
  return {
    state: stopped ? "STOPPED" : "RUNNING",
    deadline,
    due,
    overdue,
    dueSoon,
    provisional: deadline.provisional,
    metDeadline: null,
    headline,
    explanation,
  };
}

/** The Prisma include that loads what computeCaseClock needs. */
export const CLOCK_INCLUDE = {
  consultations: { select: { startedOn: true, answeredOn: true } },
  fee: { select: { noticeDate: true, paidOn: true, status: true } },
  extensions: { select: { status: true, days: true } },
} as const;
