import { describe, expect, it } from "vitest";
import { buildCalendar } from "@/lib/calendar";
import { chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import {
  CHANNEL_LABELS,
  RECEIPT_RULES,
  SUBMISSION_CHANNELS,
  checkCorrectionWindow,
  determineReceiptDate,
  type SubmissionChannel,
} from "@/lib/requests/rules/receipt-date";

const cal = buildCalendar({ rows: chineseDaysSeedRows([2026]), loadedYears: [2026] });

describe("determineReceiptDate (Art. 31)", () => {
  it("labels every channel and cites Art. 31", () => {
    for (const c of SUBMISSION_CHANNELS) {
      expect(CHANNEL_LABELS[c]).toMatch(/[\u4e00-\u9fff]/);
      expect(RECEIPT_RULES[c]).toContain("第三十一条");
    }
  });

  it("in person: the day it is handed in", () => {
    expect(determineReceiptDate({ channel: "IN_PERSON", submittedOn: "2026-03-09" })).toEqual({
      status: "RECEIVED",
      receiptDate: "2026-03-09",
      rule: RECEIPT_RULES.IN_PERSON,
      warnings: [],
    });
    expect(determineReceiptDate({ channel: "IN_PERSON" })).toEqual({ status: "INVALID", message: "请填写当面提交申请的日期" });
  });

  it("registered mail: the day the organ signs for it", () => {
    expect(determineReceiptDate({ channel: "REGISTERED_MAIL", submittedOn: "2026-03-05", signedForOn: "2026-03-09" })).toMatchObject({
      status: "RECEIVED",
      receiptDate: "2026-03-09",
    });
    expect(determineReceiptDate({ channel: "REGISTERED_MAIL", submittedOn: "2026-03-05" })).toEqual({
      status: "INVALID",
      message: "请填写本机关签收邮件的日期",
    });
    expect(determineReceiptDate({ channel: "REGISTERED_MAIL", submittedOn: "2026-03-10", signedForOn: "2026-03-09" })).toEqual({
      status: "INVALID",
      message: "签收日期不能早于申请人寄出日期",
    });
  });

  it("ordinary letter: the day the office confirms with the applicant", () => {
    expect(determineReceiptDate({ channel: "ORDINARY_MAIL", arrivedOn: "2026-03-09" })).toEqual({
      status: "AWAITING_CONFIRMATION",
      rule: RECEIPT_RULES.ORDINARY_MAIL,
      message: "平常信函应当于收到申请的当日与申请人确认，确认之日为收到申请之日，请与申请人确认",
    });
    expect(determineReceiptDate({ channel: "ORDINARY_MAIL", arrivedOn: "2026-03-09", confirmedOn: "2026-03-09" })).toMatchObject({
      status: "RECEIVED",
      receiptDate: "2026-03-09",
      warnings: [],
    });
  });

  it("ordinary letter confirmed late: the confirmation date still counts, with a warning", () => {
    expect(determineReceiptDate({ channel: "ORDINARY_MAIL", arrivedOn: "2026-03-09", confirmedOn: "2026-03-11" })).toEqual({
      status: "RECEIVED",
      receiptDate: "2026-03-11",
      rule: RECEIPT_RULES.ORDINARY_MAIL,
      warnings: ["未在收到信函当日与申请人确认（2026年3月9日收到，2026年3月11日确认）"],
    });
    expect(determineReceiptDate({ channel: "ORDINARY_MAIL", arrivedOn: "2026-03-09", confirmedOn: "2026-03-08" })).toEqual({
      status: "INVALID",
      message: "确认日期不能早于收到信函日期",
    });
    expect(determineReceiptDate({ channel: "ORDINARY_MAIL", submittedOn: "2026-03-09", confirmedOn: "2026-03-08" })).toEqual({
      status: "INVALID",
      message: "确认日期不能早于申请人寄出日期",
    });
  });

  it.each<SubmissionChannel>(["ONLINE", "FAX", "EMAIL"])("%s: the day both sides confirm", (channel) => {
    // Submitted on a Saturday night, confirmed on Monday: Monday is the receipt date.
    expect(determineReceiptDate({ channel, submittedOn: "2026-03-07", confirmedOn: "2026-03-09" })).toEqual({
      status: "RECEIVED",
      receiptDate: "2026-03-09",
      rule: RECEIPT_RULES[channel],
      warnings: [],
    });
    expect(determineReceiptDate({ channel, submittedOn: "2026-03-07" })).toEqual({
      status: "AWAITING_CONFIRMATION",
      rule: RECEIPT_RULES[channel],
      message: "以双方确认之日为收到申请之日，请与申请人确认",
    });
    expect(determineReceiptDate({ channel, submittedOn: "2026-03-07", confirmedOn: "2026-03-06" })).toEqual({
      status: "INVALID",
      message: "确认日期不能早于申请提交日期",
    });
  });

  it("rejects a receipt date after today, when today is given", () => {
    expect(determineReceiptDate({ channel: "IN_PERSON", submittedOn: "2026-03-10", today: "2026-03-09" })).toEqual({
      status: "INVALID",
      message: "收到申请日期不能晚于今天",
    });
    expect(determineReceiptDate({ channel: "IN_PERSON", submittedOn: "2026-03-09", today: "2026-03-09" }).status).toBe("RECEIVED");
  });

  it("rejects malformed dates and channels", () => {
    expect(determineReceiptDate({ channel: "IN_PERSON", submittedOn: "2026-3-9" })).toEqual({
      status: "INVALID",
      message: "提交日期格式无效",
    });
    expect(determineReceiptDate({ channel: "ONLINE", confirmedOn: "2026-02-30" })).toEqual({
      status: "INVALID",
      message: "确认日期格式无效",
    });
    expect(determineReceiptDate({ channel: "PIGEON" as SubmissionChannel })).toEqual({
      status: "INVALID",
      message: "请选择申请提交方式",
    });
  });

  it("treats null like absent", () => {
    expect(determineReceiptDate({ channel: "ONLINE", submittedOn: "2026-03-07", confirmedOn: null }).status).toBe("AWAITING_CONFIRMATION");
  });
});

describe("checkCorrectionWindow (Art. 30: within 7 working days of receipt)", () => {
  // Received Mon 2026-09-28: 9/29 (1), 9/30 (2), 10/1–10/7 国庆, 10/8 (3), 10/9 (4),
  // 10/10 Sat 调休 (5), 10/12 (6), 10/13 (7).
  const receiptDate = "2026-09-28";

  it("computes the deadline across a holiday with a make-up day", () => {
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: receiptDate })).toEqual({
      result: "OK",
      deadline: "2026-10-13",
      remainingWorkingDays: 7,
      provisional: false,
      message: "应于2026年10月13日前一次性告知需要补正的全部事项（还剩7个工作日）",
    });
  });

  it("OK with 2 working days left, even from a weekend", () => {
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: "2026-10-11" })).toMatchObject({
      result: "OK",
      remainingWorkingDays: 2,
    });
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: "2026-10-10" })).toMatchObject({
      result: "OK",
      remainingWorkingDays: 2,
    });
  });

  it("WARN with 1 working day left", () => {
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: "2026-10-12" })).toEqual({
      result: "WARN",
      deadline: "2026-10-13",
      remainingWorkingDays: 1,
      provisional: false,
      message: "告知补正的期限将于2026年10月13日届满，仅剩1个工作日，请一次性告知需要补正的全部事项",
    });
  });

  it("WARN on the last day", () => {
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: "2026-10-13" })).toMatchObject({
      result: "WARN",
      remainingWorkingDays: 0,
      message: "2026年10月13日是告知补正的最后一个工作日，请一次性告知需要补正的全部事项",
    });
  });

  it("REFUSE the day after", () => {
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: "2026-10-14" })).toMatchObject({
      result: "REFUSE",
      remainingWorkingDays: -1,
      message:
        "已超过补正告知期限：应当自收到申请之日起7个工作日内（即2026年10月13日前）一次性告知补正，现已逾期，不能再要求补正，请按原申请内容办理答复",
    });
  });

  it("REFUSE a notice dated before the receipt", () => {
    expect(checkCorrectionWindow(cal, { receiptDate, noticeDate: "2026-09-27" })).toMatchObject({
      result: "REFUSE",
      message: "补正通知日期不能早于收到申请之日",
    });
  });

  it("is provisional when the window runs into an unloaded year", () => {
    const r = checkCorrectionWindow(cal, { receiptDate: "2026-12-28", noticeDate: "2026-12-29" });
    expect(r.provisional).toBe(true);
    expect(r.deadline).toBe("2027-01-06");
  });
});
