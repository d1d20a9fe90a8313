import { describe, expect, it } from "vitest";
import { buildCalendar } from "@/lib/calendar";
import { chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import { computeReplyDeadline } from "@/lib/requests/rules/reply-deadline";

const cal = buildCalendar({ rows: chineseDaysSeedRows([2026]), loadedYears: [2026] });
// Received Mon 2026-03-09 → 20 working days, 清明 4/4–4/6 → due Tue 4/7.
const receiptDate = "2026-03-09";

describe("computeReplyDeadline", () => {
  it("20 working days from receipt", () => {
    expect(computeReplyDeadline(cal, { receiptDate })).toMatchObject({
      clockStart: receiptDate,
      due: "2026-04-07",
      paused: false,
      awaitingCorrection: false,
      pauses: [],
    });
  });

  it("while a 补正 is awaited the clock is stopped", () => {
    const r = computeReplyDeadline(cal, {
      receiptDate,
      correction: { noticeDate: "2026-03-11" },
      today: "2026-03-16",
    });
    expect(r).toMatchObject({ due: null, paused: true, awaitingCorrection: true, elapsedWorkingDays: 2 });
    expect(r.pauses).toEqual([{ from: "2026-03-11", reason: "等待申请人补正" }]);
  });

  it("补正 restarts the full 20 days from the corrected application's receipt", () => {
    // 3/20 (Fri) + 20: 3/23–27 (5), 3/30–4/3 (10), 4/7–4/10 (14), 4/13–17 (19), 4/20 (20).
    const r = computeReplyDeadline(cal, {
      receiptDate,
      correction: { noticeDate: "2026-03-11", receivedOn: "2026-03-20" },
    });
    expect(r).toMatchObject({ clockStart: "2026-03-20", due: "2026-04-20", awaitingCorrection: false, paused: false });
  });

  it("a consultation answered early pauses from the day after receipt of the letter to the answer", () => {
    const r = computeReplyDeadline(cal, { receiptDate, consultations: [{ startedOn: "2026-03-11", answeredOn: "2026-03-13" }] });
    expect(r.pausedWorkingDays).toBe(2);
    expect(r.due).toBe("2026-04-09");
    expect(r.assumesFullConsultation).toBe(false);
  });

  it("a consultation never pauses more than 15 working days", () => {
    // 3/11 + 15 = 4/1. Paused 3/12–4/1 (15); due 4/7 + 15 working days = 4/28.
    const late = computeReplyDeadline(cal, { receiptDate, consultations: [{ startedOn: "2026-03-11", answeredOn: "2026-04-10" }] });
    expect(late.pauses[0]).toEqual({ from: "2026-03-11", to: "2026-04-01", reason: "征求意见" });
    expect(late.pausedWorkingDays).toBe(15);
    expect(late.due).toBe("2026-04-28");
  });

  it("an unanswered consultation is assumed to take its full 15 days (the latest due date)", () => {
    const open = computeReplyDeadline(cal, { receiptDate, consultations: [{ startedOn: "2026-03-11" }], today: "2026-03-20" });
    expect(open.due).toBe("2026-04-28");
    expect(open.assumesFullConsultation).toBe(true);
    const after = computeReplyDeadline(cal, { receiptDate, consultations: [{ startedOn: "2026-03-11" }], today: "2026-04-02" });
    expect(after.assumesFullConsultation).toBe(false);
  });

  it("unpaid fee stops the clock; payment resumes it", () => {
    expect(computeReplyDeadline(cal, { receiptDate, fee: { noticeDate: "2026-03-16" } })).toMatchObject({
      due: null,
      paused: true,
    });
    // Notice 3/16, paid 3/18: 3/17 and 3/18 excluded → 4/9.
    expect(computeReplyDeadline(cal, { receiptDate, fee: { noticeDate: "2026-03-16", paidOn: "2026-03-18" } })).toMatchObject({
      due: "2026-04-09",
      pausedWorkingDays: 2,
      paused: false,
    });
  });

  it("extension adds at most 20 working days", () => {
    // 4/7 + 20: 4/8–10 (3), 4/13–17 (8), 4/20–24 (13), 4/27–30 (17), 5/1–5 劳动节, 5/6–5/8 (20).
    expect(computeReplyDeadline(cal, { receiptDate, extensionDays: 20 })).toMatchObject({
      baseDue: "2026-04-07",
      due: "2026-05-08",
    });
    expect(() => computeReplyDeadline(cal, { receiptDate, extensionDays: 21 })).toThrow(RangeError);
    expect(() => computeReplyDeadline(cal, { receiptDate, extensionDays: -1 })).toThrow(RangeError);
  });

  it("reports overdue as of today", () => {
    expect(computeReplyDeadline(cal, { receiptDate, today: "2026-04-08" })).toMatchObject({
      overdue: true,
      remainingWorkingDays: -1,
    });
  });

  it("refuses a corrected application received before the original", () => {
    expect(() => computeReplyDeadline(cal, { receiptDate, correction: { noticeDate: "2026-03-09", receivedOn: "2026-03-01" } })).toThrow(
      RangeError,
    );
  });
});
