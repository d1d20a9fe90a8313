import { describe, expect, it } from "vitest";
import { buildCalendar } from "@/lib/calendar";
import { chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import { computeCaseDeadlines } from "@/lib/requests/rules/case-deadlines";
import { effectiveFeePaymentDue } from "@/lib/requests/rules/fees";

const cal2026 = buildCalendar({ rows: chineseDaysSeedRows([2026]), loadedYears: [2026] });
// 2027 announced later: 1 January a holiday.
const cal2027 = buildCalendar({
  rows: [...chineseDaysSeedRows([2026]), { date: "2027-01-01", kind: "HOLIDAY", name: "元旦" }],
  loadedYears: [2026, 2027],
});

const base = { receiptDate: "2026-03-02", correctionAllowed: true, consultations: [], fee: null, today: "2026-03-03" } as const;

describe("effectiveFeePaymentDue", () => {
  it("is 20 working days after the notice, provisional while it reaches into an unloaded year", () => {
    // Dec 16–31 2026: 12 working days; then Jan 2027 Monday–Friday: 1, 4–8, 11, 12.
    expect(effectiveFeePaymentDue(cal2026, "2026-12-15")).toEqual({ due: "2027-01-12", provisional: true });
  });

  it("moves back when a holiday of that year is loaded, and is then final", () => {
    expect(effectiveFeePaymentDue(cal2027, "2026-12-15", "2027-01-12")).toEqual({ due: "2027-01-13", provisional: false });
  });

  it("never ends before the date printed on the notice", () => {
    expect(effectiveFeePaymentDue(cal2026, "2026-03-04", "2026-04-10")).toEqual({ due: "2026-04-10", provisional: false });
    expect(effectiveFeePaymentDue(cal2026, "2026-03-04", "2026-03-20").due).toBe("2026-04-01");
  });
});

describe("computeCaseDeadlines", () => {
  it("gives the 补正 window as of today: OK with the days left, WARN on the last day, REFUSE after", () => {
    // Received Mon 2026-03-02: the 7th working day is Wed 2026-03-11.
    expect(computeCaseDeadlines(cal2026, base).correctionWindow).toMatchObject({
      result: "OK",
      deadline: "2026-03-11",
      remainingWorkingDays: 6,
    });
    expect(computeCaseDeadlines(cal2026, { ...base, today: "2026-03-11" }).correctionWindow?.result).toBe("WARN");
    expect(computeCaseDeadlines(cal2026, { ...base, today: "2026-03-12" }).correctionWindow?.result).toBe("REFUSE");
  });

  it("has no 补正 window when 补正 is no longer possible or the application is not yet received", () => {
    expect(computeCaseDeadlines(cal2026, { ...base, correctionAllowed: false }).correctionWindow).toBeNull();
    expect(computeCaseDeadlines(cal2026, { ...base, receiptDate: null }).correctionWindow).toBeNull();
  });

  it("marks a 补正 window reaching into an unloaded year as provisional", () => {
    const w = computeCaseDeadlines(cal2026, { ...base, receiptDate: "2026-12-28", today: "2026-12-29" }).correctionWindow;
    expect(w).toMatchObject({ deadline: "2027-01-06", provisional: true });
  });

  it("recomputes each consultation's 15 working days and the fee deadline on today's calendar", () => {
    const d = computeCaseDeadlines(cal2026, {
      ...base,
      correctionAllowed: false,
      consultations: [
        { id: "c1", startedOn: "2026-09-24", dueOn: "2026-10-16" },
        { id: "c2", startedOn: "2026-12-18" },
      ],
      fee: { noticeDate: "2026-12-15", paymentDueDate: "2027-01-12" },
    });
    // 9/25 is 中秋节 and 10/1–7 国庆 (10/10 a make-up working day): 9/28–30 (3), 10/8–9 (5), 10/10 (6), 10/12–16 (11), 10/19–22 (15).
    expect(d.consultations.c1).toEqual({ due: "2026-10-22", provisional: false });
    expect(d.consultations.c2?.provisional).toBe(true);
    expect(d.fee).toEqual({ due: "2027-01-12", provisional: true });
  });
});
