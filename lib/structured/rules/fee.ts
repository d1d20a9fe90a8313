// 收费项目 (Art. 20(八)): the data of one fee item and its rules. Pure.

import { z } from "zod";
import { cells, id, isoDate, lines, optDate, optText, text } from "./common";

export const FEE_STATUSES = ["VALID", "CANCELLED", "ADJUSTED"] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];
export const FEE_STATUS_LABELS: Readonly<Record<FeeStatus, string>> = { VALID: "有效", CANCELLED: "已取消", ADJUSTED: "已调整" };

/**
 * The status citizens see, which also depends on the date: a 有效 fee outside its 执行起止日期
 * is 尚未执行 or 已到期, not 有效. The stored data only ever holds FEE_STATUSES.
 */
export const PUBLIC_FEE_STATUSES = ["VALID", "NOT_STARTED", "EXPIRED", "CANCELLED", "ADJUSTED"] as const;
export type PublicFeeStatus = (typeof PUBLIC_FEE_STATUSES)[number];
export const PUBLIC_FEE_STATUS_LABELS: Readonly<Record<PublicFeeStatus, string>> = {
  ...FEE_STATUS_LABELS,
  NOT_STARTED: "尚未执行",
  EXPIRED: "已到期",
};

const money = (label: string) =>
  z
    .union([
      z.literal(""),
      z.null(),
      z
        .string()
        .trim()
        .regex(/^\d{1,9}(\.\d{1,2})?$/, { error: `${label}须为金额（元），最多两位小数` }),
    ])
    .optional()
    .transform((v) => (v ? Number(v).toFixed(2) : null));

export const legalBasisSchema = z.object({
  title: text("依据文件名称", 200),
  documentNumber: optText("文号", 100),
  /** A disclosure item that publishes the document, if any. */
  itemId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type LegalBasis = z.output<typeof legalBasisSchema>;

export const feeSchema = z
  .object({
    name: text("收费项目名称", 200),
    code: optText("项目编码", 50),
    departmentId: id("收费单位"),
    legalBases: z.array(legalBasisSchema).min(1, { error: "收费项目必须至少填写一项收费依据（文件名称和文号），无依据的收费不得公布" }),
    amount: money("收费金额"),
    formula: optText("计算公式", 500).transform((s) => (s ? s : null)),
    unit: text("计费单位", 50),
    rangeMin: money("收费幅度下限"),
    rangeMax: money("收费幅度上限"),
    note: optText("收费标准说明", 2000),
    payer: text("缴费对象", 200),
    reductions: optText("减免政策", 2000),
    validFrom: isoDate("执行起始日期"),
    validUntil: optDate("执行截止日期"),
    status: z.enum(FEE_STATUSES, { error: "请选择收费状态" }).default("VALID"),
    cancelledOn: optDate("取消日期"),
    successorItemId: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    // A basis is a document with a 文号 (国务院令第592号, 发改价格规〔2016〕2559号 …): a title
    // alone cannot be checked by a citizen.
    v.legalBases.forEach((b, i) => {
      if (!b.documentNumber) {
        ctx.addIssue({ code: "custom", path: ["legalBases", i, "documentNumber"], message: `第${i + 1}项收费依据“${b.title}”须填写文号` });
      }
    });
    if (v.amount && v.formula) {
      ctx.addIssue({ code: "custom", path: ["formula"], message: "收费标准只能填写固定金额或计算公式之一，不能同时填写" });
    } else if (!v.amount && !v.formula) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "请填写收费金额或计算公式（二者选一）" });
    }
    if (v.rangeMin && v.rangeMax && Number(v.rangeMin) > Number(v.rangeMax)) {
      ctx.addIssue({ code: "custom", path: ["rangeMax"], message: "收费幅度上限不能低于下限" });
    }
    if (v.validUntil && v.validUntil < v.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "执行截止日期不能早于执行起始日期" });
    }
    if (v.status === "CANCELLED") {
      if (!v.cancelledOn) ctx.addIssue({ code: "custom", path: ["cancelledOn"], message: "已取消的收费项目须填写取消日期" });
      else if (v.cancelledOn < v.validFrom)
        ctx.addIssue({ code: "custom", path: ["cancelledOn"], message: "取消日期不能早于执行起始日期" });
    }
    if (v.status === "ADJUSTED" && !v.successorItemId) {
      ctx.addIssue({ code: "custom", path: ["successorItemId"], message: "已调整的收费项目须指明调整后的收费项目" });
    }
    // 已调整 is shown with the date the old standard stopped (its 执行截止日期).
    if (v.status === "ADJUSTED" && !v.validUntil) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "已调整的收费项目须填写执行截止日期（原标准停止执行的日期）" });
    }
  });
export type FeeInput = z.input<typeof feeSchema>;
export type FeeData = z.output<typeof feeSchema>;

/**
 * Legal bases typed one per line: "文件名称｜文号｜索引号或信息id（可选）". A line without a bar is a
 * title alone.
 */
export function parseLegalBasisLines(
  s: string | undefined | null,
): Array<{ title: string; documentNumber: string; itemId: string | null }> {
  return lines(s).map((l) => {
    const [title = "", documentNumber = "", itemId = ""] = cells(l);
    return { title, documentNumber, itemId: itemId || null };
  });
}

export function legalBasisLines(list: readonly LegalBasis[]): string {
  return list.map((b) => [b.title, b.documentNumber, b.itemId ?? ""].join("｜").replace(/｜+$/, "")).join("\n");
}

/** The standard as one line of text: "10.00 元/件" or the formula, with the range and note. */
export function describeStandard(f: Pick<FeeData, "amount" | "formula" | "unit" | "rangeMin" | "rangeMax">): string {
  const main = f.amount ? `${f.amount} 元/${f.unit}` : `${f.formula}（计费单位：${f.unit}）`;
  const range =
    f.rangeMin && f.rangeMax
      ? `，幅度 ${f.rangeMin}—${f.rangeMax} 元`
      : f.rangeMin
        ? `，最低 ${f.rangeMin} 元`
        : f.rangeMax
          ? `，最高 ${f.rangeMax} 元`
          : "";
  return main + range;
}

/** A change of status that is published but not yet in effect (调整 or 取消 on a later date). */
export type UpcomingFeeChange = { status: "ADJUSTED" | "CANCELLED"; on: string; successorItemId: string | null };

/** The day after a "YYYY-MM-DD" date. */
function dayAfter(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The status citizens see on `today` ("YYYY-MM-DD", China). A fee whose published successor
 * names it as predecessor is 已调整 from the day the successor takes effect, whatever its own
 * data says; a cancelled one is 已取消 from its cancellation date, shown with that date; one
 * marked 已调整 in its own data is 已调整 after its 执行截止日期. Before that day the fee is
 * still charged and the coming change is returned as `upcoming`, so the "current fees" view
 * never loses a fee that is still being charged. Otherwise the 执行起止日期 decide: before
 * validFrom 尚未执行, after validUntil 已到期 (since = validUntil) — the same date test as
 * isCurrent, so the 有效 filter and the "current" view agree.
 */
export function effectiveFeeStatus(
  fee: Pick<FeeData, "status" | "successorItemId" | "cancelledOn" | "validUntil" | "validFrom">,
  successor: { itemId: string; validFrom: string } | null,
  today: string,
): { status: PublicFeeStatus; successorItemId: string | null; since: string | null; upcoming: UpcomingFeeChange | null } {
  let upcoming: UpcomingFeeChange | null = null;
  if (successor) {
    if (successor.validFrom <= today)
      return { status: "ADJUSTED", successorItemId: successor.itemId, since: successor.validFrom, upcoming: null };
    upcoming = { status: "ADJUSTED", on: successor.validFrom, successorItemId: successor.itemId };
  } else if (fee.status === "CANCELLED") {
    if (!fee.cancelledOn || fee.cancelledOn <= today)
      return { status: "CANCELLED", successorItemId: null, since: fee.cancelledOn, upcoming: null };
    upcoming = { status: "CANCELLED", on: fee.cancelledOn, successorItemId: null };
  } else if (fee.status === "ADJUSTED") {
    // Data saved before validUntil was required may lack it: treat it as adjusted now.
    if (!fee.validUntil || fee.validUntil < today)
      return { status: "ADJUSTED", successorItemId: fee.successorItemId, since: fee.validUntil, upcoming: null };
    upcoming = { status: "ADJUSTED", on: dayAfter(fee.validUntil), successorItemId: fee.successorItemId };
  }
  if (fee.validFrom > today) return { status: "NOT_STARTED", successorItemId: null, since: fee.validFrom, upcoming };
  if (fee.validUntil && fee.validUntil < today) return { status: "EXPIRED", successorItemId: null, since: fee.validUntil, upcoming: null };
  return { status: "VALID", successorItemId: null, since: null, upcoming };
}

/** The label shown for an effective status, with its date where one belongs (已到期（2024-12-31）). */
export function feeStatusLabel(eff: { status: PublicFeeStatus; since: string | null }): string {
  const base = PUBLIC_FEE_STATUS_LABELS[eff.status];
  return eff.status === "EXPIRED" && eff.since ? `${base}（${eff.since}）` : base;
}

/**
 * The catalogue 有效性 (lib/disclosure/rules/validity.ts) of a fee with this effective status,
 * so the general catalogue, search and the item page say what the fee table says:
 * 已调整 → 已修改, linked to the successor; 已取消 and 已到期 → 已失效 (a cancelled fee is not
 * replaced by anything, and 已废止 in this model requires a replacing item); 尚未执行 and
 * 有效 → 有效 (the document is in force, only its start lies ahead).
 */
export function feeValidity(eff: { status: PublicFeeStatus; successorItemId: string | null }): {
  validity: "VALID" | "AMENDED" | "EXPIRED";
  replacedById: string | null;
} {
  if (eff.status === "ADJUSTED")
    return eff.successorItemId ? { validity: "AMENDED", replacedById: eff.successorItemId } : { validity: "EXPIRED", replacedById: null };
  if (eff.status === "CANCELLED" || eff.status === "EXPIRED") return { validity: "EXPIRED", replacedById: null };
  return { validity: "VALID", replacedById: null };
}
