import { describe, expect, it } from "vitest";
import { buildCalendar } from "@/lib/calendar";
import { chineseDaysSeedRows } from "@/lib/calendar/chinese-days-source";
import {
  assessProcessingFee,
  feePaymentDue,
  feeRequestSchema,
  monthlyApplicationOrdinal,
  perApplicationRateYuan,
  perVolumeFeeLines,
  perVolumeFeeYuan,
  type FeeRequest,
} from "@/lib/requests/rules/fees";

function fee(input: FeeRequest) {
  const r = assessProcessingFee(input);
  if (!r.ok) throw new Error(r.message);
  return r.fee;
}
function rejection(input: unknown) {
  const r = assessProcessingFee(input as FeeRequest);
  expect(r.ok).toBe(false);
  return r.ok ? "" : r.message;
}

describe("按件计收 (per application, same applicant, same calendar month)", () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [60, 400],
    [91, 800],
    [100, 800],
    [101, 900],
  ])("application no. %i costs %i 元", (n, yuan) => {
    expect(perApplicationRateYuan(n)).toBe(yuan);
    expect(fee({ method: "PER_APPLICATION", monthlyOrdinal: n }).amountYuan).toBe(yuan);
  });

  it("rises by 100 元 every 10 applications from the 31st", () => {
    for (let n = 31; n <= 300; n++) expect(perApplicationRateYuan(n)).toBe(200 + Math.floor((n - 31) / 10) * 100);
  });

  it("describes a free application", () => {
    expect(fee({ method: "PER_APPLICATION", monthlyOrdinal: 10 })).toMatchObject({
      method: "PER_APPLICATION",
      methodLabel: "按件计收",
      free: true,
      amountYuan: 0,
      lines: [{ band: "第1—10件", quantity: 1, unit: "件", rateYuan: 0, amountYuan: 0, description: "第1—10件：不收费" }],
      summary: "本申请为申请人本自然月内第10件申请，在10件以内，不收费。",
    });
  });

  it("describes a charged application for the fee notice", () => {
    const f = fee({ method: "PER_APPLICATION", monthlyOrdinal: 42 });
    expect(f.free).toBe(false);
    expect(f.lines).toEqual([
      { band: "第41—50件", quantity: 1, unit: "件", rateYuan: 300, amountYuan: 300, description: "第41—50件：1件 × 300元/件 = 300元" },
    ]);
    expect(f.summary).toBe("本申请为申请人本自然月内第42件申请，适用第41—50件档，收费标准300元/件，应缴纳信息处理费300元。");
    expect(f.basis).toContain("国办函〔2020〕109号");
    expect(f.basis).toContain("按件计收");
    expect(f.rateTable).toContain("11—30件（含30件）的部分，100元/件");
  });

  it("throws on a non-positive or fractional ordinal in the helper", () => {
    expect(() => perApplicationRateYuan(0)).toThrow(RangeError);
    expect(() => perApplicationRateYuan(1.5)).toThrow(RangeError);
  });
});

describe("monthlyApplicationOrdinal", () => {
  it("counts the same applicant's applications in the same calendar month, this one included", () => {
    expect(monthlyApplicationOrdinal([], "2026-03-01")).toBe(1);
    expect(monthlyApplicationOrdinal(["2026-02-28", "2026-03-01", "2026-03-15", "2025-03-20", "2026-04-01"], "2026-03-31")).toBe(3);
  });
});

describe("按量计收 (per application, by pages, progressive)", () => {
  it.each([
    [0, 0],
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [1500, 54_700],
  ])("%i pages cost %i 元", (pages, yuan) => {
    expect(perVolumeFeeYuan(pages)).toBe(yuan);
    expect(fee({ method: "PER_VOLUME", pages }).amountYuan).toBe(yuan);
  });

  it("breaks 1,500 pages down as 70×10 + 100×20 + 1,300×40 = 54,700 元", () => {
    expect(perVolumeFeeLines(1500)).toEqual([
      {
        band: "30页以下（含30页）部分",
        quantity: 30,
        unit: "页",
        rateYuan: 0,
        amountYuan: 0,
        description: "30页以下（含30页）部分：30页，不收费",
      },
      {
        band: "31—100页部分",
        quantity: 70,
        unit: "页",
        rateYuan: 10,
        amountYuan: 700,
        description: "31—100页部分：70页 × 10元/页 = 700元",
      },
      {
        band: "101—200页部分",
        quantity: 100,
        unit: "页",
        rateYuan: 20,
        amountYuan: 2000,
        description: "101—200页部分：100页 × 20元/页 = 2000元",
      },
      {
        band: "201页以上部分",
        quantity: 1300,
        unit: "页",
        rateYuan: 40,
        amountYuan: 52_000,
        description: "201页以上部分：1300页 × 40元/页 = 52000元",
      },
    ]);
    expect(fee({ method: "PER_VOLUME", pages: 1500 }).summary).toBe(
      "本申请提供的信息共1500页，其中31—100页部分：70页 × 10元/页 = 700元；101—200页部分：100页 × 20元/页 = 2000元；" +
        "201页以上部分：1300页 × 40元/页 = 52000元，合计应缴纳信息处理费54700元。",
    );
  });

  it("lists only the bands reached", () => {
    expect(perVolumeFeeLines(0)).toEqual([]);
    expect(perVolumeFeeLines(30).map((l) => l.quantity)).toEqual([30]);
    expect(perVolumeFeeLines(31).map((l) => l.quantity)).toEqual([30, 1]);
    expect(perVolumeFeeLines(150).map((l) => l.quantity)).toEqual([30, 70, 50]);
  });

  it("quantities add up to the page count and amounts to the total", () => {
    for (const pages of [0, 7, 30, 31, 99, 100, 101, 199, 200, 201, 999]) {
      const lines = perVolumeFeeLines(pages);
      expect(lines.reduce((s, l) => s + l.quantity, 0)).toBe(pages);
      expect(lines.reduce((s, l) => s + l.amountYuan, 0)).toBe(perVolumeFeeYuan(pages));
    }
  });

  it("describes a free volume", () => {
    expect(fee({ method: "PER_VOLUME", pages: 12 })).toMatchObject({
      methodLabel: "按量计收",
      free: true,
      summary: "本申请提供的信息共12页，在30页以内，不收费。",
    });
  });

  it("throws on negative or fractional pages in the helper", () => {
    expect(() => perVolumeFeeLines(-1)).toThrow(RangeError);
    expect(() => perVolumeFeeLines(2.5)).toThrow(RangeError);
  });
});

describe("one method per application", () => {
  const BOTH = "同一申请只能选择一种计收方式（按件计收或按量计收），不得同时适用";

  it("rejects both quantities", () => {
    expect(rejection({ method: "PER_APPLICATION", monthlyOrdinal: 12, pages: 40 })).toBe(BOTH);
    expect(rejection({ method: "PER_VOLUME", monthlyOrdinal: 12, pages: 40 })).toBe(BOTH);
  });

  it("rejects a method paired with the other method's quantity", () => {
    expect(rejection({ method: "PER_APPLICATION", pages: 40 })).toBe(BOTH);
    expect(rejection({ method: "PER_VOLUME", monthlyOrdinal: 12 })).toBe(BOTH);
  });

  it("rejects both methods named", () => {
    expect(rejection({ method: ["PER_APPLICATION", "PER_VOLUME"], monthlyOrdinal: 12 })).toBe(BOTH);
  });

  it("rejects a missing or unknown method", () => {
    expect(rejection({ monthlyOrdinal: 12 })).toBe("请选择计收方式：按件计收或按量计收");
    expect(rejection({ method: "BOTH", monthlyOrdinal: 12 })).toBe("请选择计收方式：按件计收或按量计收");
    expect(rejection(null)).toBe("请选择计收方式：按件计收或按量计收");
  });

  it("rejects bad quantities with Chinese messages", () => {
    expect(rejection({ method: "PER_APPLICATION", monthlyOrdinal: 0 })).toBe("申请件数至少为1");
    expect(rejection({ method: "PER_APPLICATION", monthlyOrdinal: 2.5 })).toBe("申请件数应为整数");
    expect(rejection({ method: "PER_APPLICATION" })).toBe("请填写本申请为申请人本自然月内的第几件申请");
    expect(rejection({ method: "PER_VOLUME", pages: -3 })).toBe("页数不能为负数");
    expect(rejection({ method: "PER_VOLUME", pages: "40" })).toBe("请填写提供信息的页数");
  });

  it("rejects unknown fields", () => {
    expect(rejection({ method: "PER_VOLUME", pages: 40, discount: 10 })).toBe("计费信息包含无法识别的项目：discount");
  });

  it("exposes the schema for forms", () => {
    expect(feeRequestSchema.safeParse({ method: "PER_VOLUME", pages: 40 }).success).toBe(true);
  });
});

describe("feePaymentDue", () => {
  const cal = buildCalendar({ rows: chineseDaysSeedRows([2026]), loadedYears: [2026] });

  it("gives 20 working days from the day after the notice is received", () => {
    // 9/20 (调休) 1; 9/21–24 → 5; 9/25–27 中秋; 9/28–30 → 8; 10/1–7 国庆; 10/8–9 → 10;
    // 10/10 (调休) 11; 10/12–16 → 16; 10/19–22 → 20.
    expect(feePaymentDue(cal, "2026-09-18")).toMatchObject({ due: "2026-10-22", provisional: false });
  });

  it("is provisional when it runs into an unloaded year", () => {
    expect(feePaymentDue(cal, "2026-12-15").provisional).toBe(true);
  });
});
