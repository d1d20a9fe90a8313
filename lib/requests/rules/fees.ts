/**
 * Processing fees (信息处理费), 国办函〔2020〕109号, in force 2021-01-01 (law §4.5).
 *
 * Disclosure is free by default (Art. 42); an organ may charge only when the
 * quantity or frequency of requests clearly exceeds a reasonable range, and
 * then by ONE method per application: 按件计收 or 按量计收, never both.
 *
 * Money unit: integer 元. Every rate in the measures is a whole number of 元
 * (100 元/件 steps, 10/20/40 元/页), so no fractional amounts can arise; field
 * names end in `Yuan` so the unit is never ambiguous. Multiply by 100 at a
 * payment-gateway boundary that wants 分.
 */
import { z } from "zod";
import type { CalendarData } from "@/lib/calendar/calendar-data";
import { compareCivilDates, monthKey, type CivilDate } from "@/lib/calendar/civil-date";
import { addWorkingDays, type AddWorkingDaysResult } from "@/lib/calendar/working-days";

export const FEE_BASIS_DOCUMENT = "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）";

export const FEE_METHODS = ["PER_APPLICATION", "PER_VOLUME"] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  PER_APPLICATION: "按件计收",
  PER_VOLUME: "按量计收",
};

/** Applications per applicant per calendar month that are always free under 按件计收. */
export const FREE_APPLICATIONS_PER_MONTH = 10;
/** Pages per application that are always free under 按量计收. */
export const FREE_PAGES = 30;
/** Days to pay after receiving the fee notice; unpaid → deemed abandoned. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

export type FeeLine = {
  /** The band, e.g. "第11—30件" or "101—200页部分". */
  band: string;
  quantity: number;
  unit: "件" | "页";
  rateYuan: number;
  amountYuan: number;
  /** One line of the fee notice, e.g. "101—200页部分：100页 × 20元/页 = 2000元". */
  description: string;
};

export type FeeAssessment = {
  method: FeeMethod;
  methodLabel: string;
  amountYuan: number;
  free: boolean;
  lines: FeeLine[];
  /** 收费依据 for the notice. */
  basis: string;
  /** 收费标准 for the notice (the full rate table of the chosen method). */
  rateTable: string;
  /** 计费说明: how this amount was arrived at. */
  summary: string;
};

export type FeeRequest =
  | {
      method: "PER_APPLICATION";
      /** This application is the N-th of the applicant in the calendar month (1-based, including this one). */ monthlyOrdinal: number;
    }
  | { method: "PER_VOLUME"; /** Pages of information provided for this application. */ pages: number };

export type FeeResult = { ok: true; fee: FeeAssessment } | { ok: false; message: string };

// ---------------------------------------------------------------------------
// 按件计收

/** The band an application's ordinal falls in: [first, last], last = null for open-ended. */
function perApplicationBand(ordinal: number): { first: number; last: number; rateYuan: number } {
  if (ordinal <= FREE_APPLICATIONS_PER_MONTH) return { first: 1, last: FREE_APPLICATIONS_PER_MONTH, rateYuan: 0 };
  if (ordinal <= 30) return { first: 11, last: 30, rateYuan: 100 };
  // From the 31st: bands of 10, each band 100 元/件 more than the one before (31–40: 200, 41–50: 300 …).
  const step = Math.floor((ordinal - 31) / 10);
  return { first: 31 + step * 10, last: 40 + step * 10, rateYuan: 200 + step * 100 };
}

/** The fee in 元 for the application that is the `ordinal`-th of its applicant in the month. */
export function perApplicationRateYuan(ordinal: number): number {
  if (!Number.isInteger(ordinal) || ordinal < 1) throw new RangeError(`ordinal must be a positive integer, got ${ordinal}`);
  return perApplicationBand(ordinal).rateYuan;
}

const PER_APPLICATION_RATE_TABLE =
  "同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，100元/件；" +
  "31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件（31—40件200元/件，41—50件300元/件，依此类推）";

/**
 * The N-th application (1-based, this one included) of an applicant in the
 * calendar month of `receiptDate`, given the receipt dates of the same
 * applicant's (same normalised identity number) earlier applications.
 */
export function monthlyApplicationOrdinal(earlierReceiptDates: readonly CivilDate[], receiptDate: CivilDate): number {
  const month = monthKey(receiptDate);
  return earlierReceiptDates.filter((d) => monthKey(d) === month).length + 1;
}

function assessPerApplication(ordinal: number): FeeAssessment {
  const { first, last, rateYuan } = perApplicationBand(ordinal);
  const band = `第${first}—${last}件`;
  const description = rateYuan === 0 ? `${band}：不收费` : `${band}：1件 × ${rateYuan}元/件 = ${rateYuan}元`;
  return {
    method: "PER_APPLICATION",
    methodLabel: FEE_METHOD_LABELS.PER_APPLICATION,
    amountYuan: rateYuan,
    free: rateYuan === 0,
    lines: [{ band, quantity: 1, unit: "件", rateYuan, amountYuan: rateYuan, description }],
    basis: `${FEE_BASIS_DOCUMENT}，按件计收`,
    rateTable: PER_APPLICATION_RATE_TABLE,
    summary:
      rateYuan === 0
        ? `本申请为申请人本自然月内第${ordinal}件申请，在${FREE_APPLICATIONS_PER_MONTH}件以内，不收费。`
        : `本申请为申请人本自然月内第${ordinal}件申请，适用${band}档，收费标准${rateYuan}元/件，应缴纳信息处理费${rateYuan}元。`,
  };
}

// ---------------------------------------------------------------------------
// 按量计收 (progressive, like income-tax brackets)

const VOLUME_BANDS: ReadonlyArray<{ first: number; last: number | null; rateYuan: number; band: string }> = [
  { first: 1, last: 30, rateYuan: 0, band: "30页以下（含30页）部分" },
  { first: 31, last: 100, rateYuan: 10, band: "31—100页部分" },
  { first: 101, last: 200, rateYuan: 20, band: "101—200页部分" },
  { first: 201, last: null, rateYuan: 40, band: "201页以上部分" },
];

const PER_VOLUME_RATE_TABLE =
  "同一申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；" +
  "101—200页（含200页）的部分，20元/页；201页以上的部分，40元/页";

export function perVolumeFeeLines(pages: number): FeeLine[] {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`pages must be a non-negative integer, got ${pages}`);
  const lines: FeeLine[] = [];
  for (const b of VOLUME_BANDS) {
    const quantity = Math.max(0, Math.min(pages, b.last ?? Infinity) - b.first + 1);
    if (quantity === 0) continue;
    const amountYuan = quantity * b.rateYuan;
    const description =
      b.rateYuan === 0 ? `${b.band}：${quantity}页，不收费` : `${b.band}：${quantity}页 × ${b.rateYuan}元/页 = ${amountYuan}元`;
    lines.push({ band: b.band, quantity, unit: "页", rateYuan: b.rateYuan, amountYuan, description });
  }
  return lines;
}

export function perVolumeFeeYuan(pages: number): number {
  return perVolumeFeeLines(pages).reduce((sum, l) => sum + l.amountYuan, 0);
}

function assessPerVolume(pages: number): FeeAssessment {
  const lines = perVolumeFeeLines(pages);
  const amountYuan = lines.reduce((sum, l) => sum + l.amountYuan, 0);
  const charged = lines.filter((l) => l.amountYuan > 0);
  return {
    method: "PER_VOLUME",
    methodLabel: FEE_METHOD_LABELS.PER_VOLUME,
    amountYuan,
    free: amountYuan === 0,
    lines,
    basis: `${FEE_BASIS_DOCUMENT}，按量计收`,
    rateTable: PER_VOLUME_RATE_TABLE,
    summary:
      amountYuan === 0
        ? `本申请提供的信息共${pages}页，在${FREE_PAGES}页以内，不收费。`
        : `本申请提供的信息共${pages}页，其中${charged.map((l) => l.description).join("；")}，合计应缴纳信息处理费${amountYuan}元。`,
  };
}

// ---------------------------------------------------------------------------
// One entry point, one method

export const feeRequestSchema = z.discriminatedUnion(
  "method",
  [
    z
      .object({
        method: z.literal("PER_APPLICATION"),
        monthlyOrdinal: z
          .number({ error: "请填写本申请为申请人本自然月内的第几件申请" })
          .int({ error: "申请件数应为整数" })
          .min(1, { error: "申请件数至少为1" }),
      })
      .strict(),
    z
      .object({
        method: z.literal("PER_VOLUME"),
        pages: z.number({ error: "请填写提供信息的页数" }).int({ error: "页数应为整数" }).min(0, { error: "页数不能为负数" }),
      })
      .strict(),
  ],
  { error: "请选择计收方式：按件计收或按量计收" },
);

const BOTH_METHODS_MESSAGE = "同一申请只能选择一种计收方式（按件计收或按量计收），不得同时适用";

/**
 * Assess the fee for one application. Rejects (Chinese message) a request that
 * mixes both methods, an unknown method, or bad quantities.
 */
export function assessProcessingFee(input: FeeRequest): FeeResult {
  const raw = input as unknown;
  if (mixesMethods(raw)) return { ok: false, message: BOTH_METHODS_MESSAGE };
  const parsed = feeRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = !issue
      ? "计费信息无效"
      : issue.code === "unrecognized_keys"
        ? `计费信息包含无法识别的项目：${issue.keys.join("、")}`
        : issue.message;
    return { ok: false, message };
  }
  const req = parsed.data;
  return { ok: true, fee: req.method === "PER_APPLICATION" ? assessPerApplication(req.monthlyOrdinal) : assessPerVolume(req.pages) };
}

/** Both quantities given, both methods named, or a method paired with the other method's quantity. */
function mixesMethods(raw: unknown): boolean {
  if (typeof raw !== "object" || raw === null) return false;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.method)) return true;
  return (
    ("monthlyOrdinal" in r && "pages" in r) ||
    (r.method === "PER_APPLICATION" && "pages" in r) ||
    (r.method === "PER_VOLUME" && "monthlyOrdinal" in r)
  );
}

/**
 * Last day to pay: 20 working days counted from the day after the applicant
 * receives the fee notice (the start day is not counted). Unpaid by then, the
 * application is deemed abandoned (OTHER / FEE_UNPAID in reply-types).
 */
export function feePaymentDue(cal: CalendarData, noticeReceivedOn: CivilDate): AddWorkingDaysResult {
  return addWorkingDays(cal, noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
}

/**
 * The payment deadline as the law gives it today: 20 working days after the
 * notice, on the calendar as it stands now. The date printed on the notice
 * (`printedDue`, computed when it was issued) may have been provisional; when
 * the year's schedule is loaded later and moves the deadline back, the later
 * date holds — an applicant is never cut short by a calendar that was not yet
 * known. `provisional` is true while the deadline still touches an unloaded year.
 */
export function effectiveFeePaymentDue(
  cal: CalendarData,
  noticeReceivedOn: CivilDate,
  printedDue?: CivilDate | null,
): { due: CivilDate; provisional: boolean } {
  const r = feePaymentDue(cal, noticeReceivedOn);
  const due = printedDue && compareCivilDates(printedDue, r.due) > 0 ? printedDue : r.due;
  return { due, provisional: r.provisional };
}
