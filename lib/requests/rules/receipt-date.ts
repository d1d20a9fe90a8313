/**
 * Art. 31: which date is the date of receipt (收到申请之日), per channel, and
 * the Art. 30 window for asking for corrections (补正). The receipt date starts
 * every clock, so it is kept apart from the date the applicant submitted.
 */
import type { CalendarData } from "@/lib/calendar/calendar-data";
import type { SubmissionChannel } from "@/lib/generated/prisma/enums";
import { compareCivilDates, formatChineseDate, isCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { addWorkingDays, remainingWorkingDays } from "@/lib/calendar/working-days";

/** The Prisma enum's channels (pure rules import its type only), checked against it at compile time. */
export const SUBMISSION_CHANNELS = [
  "IN_PERSON",
  "REGISTERED_MAIL",
  "ORDINARY_MAIL",
  "ONLINE",
  "FAX",
  "EMAIL",
] as const satisfies readonly SubmissionChannel[];
const _everyChannelListed: Exclude<SubmissionChannel, (typeof SUBMISSION_CHANNELS)[number]> extends never ? true : never = true;
export type { SubmissionChannel };

export const CHANNEL_LABELS: Record<SubmissionChannel, string> = {
  IN_PERSON: "当面提交",
  REGISTERED_MAIL: "邮寄（需签收）",
  ORDINARY_MAIL: "平常信函",
  ONLINE: "互联网在线申请",
  FAX: "传真",
  EMAIL: "电子邮件",
};

/** The Art. 31 rule for each channel, for display next to the receipt date. */
export const RECEIPT_RULES: Record<SubmissionChannel, string> = {
  IN_PERSON: "当面提交的，以提交之日为收到申请之日（《条例》第三十一条第（一）项）",
  REGISTERED_MAIL: "以邮寄方式提交的，以行政机关签收之日为收到申请之日（《条例》第三十一条第（二）项）",
  ORDINARY_MAIL:
    "以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（《条例》第三十一条第（二）项）",
  ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）",
  FAX: "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）",
  // E-mail is treated as an internet channel (check: some guides list it separately).
  EMAIL: "通过电子邮件等互联网渠道提交的，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）",
};

export type ReceiptDateInput = {
  channel: SubmissionChannel;
  /** When the applicant handed in / posted / sent it. */
  submittedOn?: CivilDate | null;
  /** REGISTERED_MAIL: the day the organ signed for it. */
  signedForOn?: CivilDate | null;
  /** ORDINARY_MAIL: the day the letter reached the office. */
  arrivedOn?: CivilDate | null;
  /** ORDINARY_MAIL, ONLINE, FAX, EMAIL: the day office and applicant confirmed. */
  confirmedOn?: CivilDate | null;
  /** Rejects a receipt date in the future when given. */
  today?: CivilDate;
};

export type ReceiptDateResult =
  | { status: "RECEIVED"; receiptDate: CivilDate; rule: string; warnings: string[] }
  /** Not yet received in law: the confirmation with the applicant is still outstanding. */
  | { status: "AWAITING_CONFIRMATION"; rule: string; message: string }
  | { status: "INVALID"; message: string };

const DATE_FIELDS = ["submittedOn", "signedForOn", "arrivedOn", "confirmedOn", "today"] as const;
const FIELD_LABELS: Record<(typeof DATE_FIELDS)[number], string> = {
  submittedOn: "提交日期",
  signedForOn: "签收日期",
  arrivedOn: "收到信函日期",
  confirmedOn: "确认日期",
  today: "当前日期",
};

function before(a: CivilDate | null | undefined, b: CivilDate | null | undefined): boolean {
  return a != null && b != null && compareCivilDates(a, b) < 0;
}

export function determineReceiptDate(input: ReceiptDateInput): ReceiptDateResult {
  const { channel } = input;
  if (!SUBMISSION_CHANNELS.includes(channel)) return { status: "INVALID", message: "请选择申请提交方式" };
  for (const field of DATE_FIELDS) {
    const v = input[field];
    if (v != null && !isCivilDate(v)) return { status: "INVALID", message: `${FIELD_LABELS[field]}格式无效` };
  }
  const rule = RECEIPT_RULES[channel];
  const warnings: string[] = [];
  let receiptDate: CivilDate | null | undefined;

  switch (channel) {
    case "IN_PERSON":
      if (!input.submittedOn) return { status: "INVALID", message: "请填写当面提交申请的日期" };
      receiptDate = input.submittedOn;
      break;
    case "REGISTERED_MAIL":
      if (!input.signedForOn) return { status: "INVALID", message: "请填写本机关签收邮件的日期" };
      if (before(input.signedForOn, input.submittedOn)) {
        return { status: "INVALID", message: "签收日期不能早于申请人寄出日期" };
      }
      receiptDate = input.signedForOn;
      break;
    case "ORDINARY_MAIL":
      if (!input.confirmedOn) {
        return {
          status: "AWAITING_CONFIRMATION",
          rule,
          message: "平常信函应当于收到申请的当日与申请人确认，确认之日为收到申请之日，请与申请人确认",
        };
      }
      if (before(input.confirmedOn, input.arrivedOn)) return { status: "INVALID", message: "确认日期不能早于收到信函日期" };
      if (before(input.confirmedOn, input.submittedOn)) return { status: "INVALID", message: "确认日期不能早于申请人寄出日期" };
      if (input.arrivedOn && compareCivilDates(input.confirmedOn, input.arrivedOn) > 0) {
        warnings.push(
          `未在收到信函当日与申请人确认（${formatChineseDate(input.arrivedOn)}收到，${formatChineseDate(input.confirmedOn)}确认）`,
        );
      }
      receiptDate = input.confirmedOn;
      break;
    case "ONLINE":
    case "FAX":
    case "EMAIL":
      if (!input.confirmedOn) {
        return { status: "AWAITING_CONFIRMATION", rule, message: "以双方确认之日为收到申请之日，请与申请人确认" };
      }
      if (before(input.confirmedOn, input.submittedOn)) return { status: "INVALID", message: "确认日期不能早于申请提交日期" };
      receiptDate = input.confirmedOn;
      break;
  }

  if (before(input.today, receiptDate)) return { status: "INVALID", message: "收到申请日期不能晚于今天" };
  return { status: "RECEIVED", receiptDate, rule, warnings };
}

// ---------------------------------------------------------------------------
// 补正 window (Art. 30)

/** Corrections must be asked for, all at once, within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

export type CorrectionWindowCheck = {
  /** OK: in time; WARN: in time, at most 1 working day left; REFUSE: too late or impossible. */
  result: "OK" | "WARN" | "REFUSE";
  /** Last day to send the 补正 notice. */
  deadline: CivilDate;
  /** Working days left after the notice date (0 = last day; negative = late). */
  remainingWorkingDays: number;
  provisional: boolean;
  message: string;
};

export function checkCorrectionWindow(cal: CalendarData, input: { receiptDate: CivilDate; noticeDate: CivilDate }): CorrectionWindowCheck {
  const { receiptDate, noticeDate } = input;
  const { due: deadline, provisional } = addWorkingDays(cal, receiptDate, CORRECTION_NOTICE_WORKING_DAYS);
  const remaining = remainingWorkingDays(cal, noticeDate, deadline);
  const deadlineText = formatChineseDate(deadline);
  const base = { deadline, remainingWorkingDays: remaining, provisional };

  if (compareCivilDates(noticeDate, receiptDate) < 0) {
    return { ...base, result: "REFUSE", message: "补正通知日期不能早于收到申请之日" };
  }
  if (remaining < 0) {
    return {
      ...base,
      result: "REFUSE",
      message: `已超过补正告知期限：应当自收到申请之日起7个工作日内（即${deadlineText}前）一次性告知补正，现已逾期，不能再要求补正，请按原申请内容办理答复`,
    };
  }
  if (remaining <= 1) {
    return {
      ...base,
      result: "WARN",
      message:
        remaining === 0
          ? `${deadlineText}是告知补正的最后一个工作日，请一次性告知需要补正的全部事项`
          : `告知补正的期限将于${deadlineText}届满，仅剩1个工作日，请一次性告知需要补正的全部事项`,
    };
  }
  return {
    ...base,
    result: "OK",
    message: `应于${deadlineText}前一次性告知需要补正的全部事项（还剩${remaining}个工作日）`,
  };
}
