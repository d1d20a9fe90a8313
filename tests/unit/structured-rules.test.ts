import { describe, expect, it } from "vitest";
import { renderFee } from "@/lib/structured/render";
import {
  describeStandard,
  effectiveFeeStatus,
  feeSchema,
  feeStatusLabel,
  feeValidity,
  parseLegalBasisLines,
} from "@/lib/structured/rules/fee";
import { feesCsv, filterFees, isCurrent, type FeeRow } from "@/lib/structured/rules/fee-schedule";
import { governmentOf, inOffice, leaderSchema, unitsOutsideGovernment } from "@/lib/structured/rules/leader";
import { parseStepLines, serviceSchema } from "@/lib/structured/rules/service";
import { collapseFieldErrors, rawFromForm } from "@/lib/structured/form-input";
import { sanitizeBody } from "@/lib/disclosure/rules/sanitize";

const fee = (o: Record<string, unknown> = {}) => ({
  name: "不动产登记费",
  departmentId: "d1",
  legalBases: [{ title: "关于不动产登记收费标准的通知", documentNumber: "发改价格规〔2016〕2559号" }],
  amount: "80",
  unit: "件",
  payer: "权利人",
  validFrom: "2025-01-01",
  ...o,
});
const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe("收费项目 validation", () => {
  it("accepts a fee with a fixed amount and normalises it", () => {
    const r = feeSchema.parse(fee());
    expect(r.amount).toBe("80.00");
    expect(describeStandard(r)).toBe("80.00 元/件");
  });
  it("refuses a fee with both an amount and a formula", () => {
    expect(messages(feeSchema.safeParse(fee({ formula: "按面积计收" })))).toContain("收费标准只能填写固定金额或计算公式之一，不能同时填写");
  });
  it("refuses a fee with neither amount nor formula", () => {
    expect(messages(feeSchema.safeParse(fee({ amount: "" })))).toContain("请填写收费金额或计算公式（二者选一）");
  });
  it("refuses dates out of order", () => {
    expect(messages(feeSchema.safeParse(fee({ validUntil: "2024-12-31" })))).toContain("执行截止日期不能早于执行起始日期");
    expect(messages(feeSchema.safeParse(fee({ status: "CANCELLED", cancelledOn: "2024-06-01" })))).toContain(
      "取消日期不能早于执行起始日期",
    );
  });
  it("refuses a fee without legal basis", () => {
    expect(messages(feeSchema.safeParse(fee({ legalBases: [] })))[0]).toContain("收费依据");
  });
  it("refuses a range whose maximum is below the minimum, and a cancelled fee without date", () => {
    expect(messages(feeSchema.safeParse(fee({ rangeMin: "10", rangeMax: "5" })))).toContain("收费幅度上限不能低于下限");
    expect(messages(feeSchema.safeParse(fee({ status: "CANCELLED" })))).toContain("已取消的收费项目须填写取消日期");
    expect(messages(feeSchema.safeParse(fee({ status: "ADJUSTED" })))).toContain("已调整的收费项目须指明调整后的收费项目");
  });
  it("parses legal bases typed one per line", () => {
    expect(parseLegalBasisLines("通知甲｜文号1\n\n通知乙|文号2|item9\n通知丙")).toEqual([
      { title: "通知甲", documentNumber: "文号1", itemId: null },
      { title: "通知乙", documentNumber: "文号2", itemId: "item9" },
      { title: "通知丙", documentNumber: "", itemId: null },
    ]);
  });
  it("derives 已调整 from a published successor, 已取消 from the data", () => {
    const f = feeSchema.parse(fee());
    expect(effectiveFeeStatus(f, { itemId: "n", validFrom: "2025-07-01" }, "2025-08-01")).toEqual({
      status: "ADJUSTED",
      successorItemId: "n",
      since: "2025-07-01",
      upcoming: null,
    });
    const c = feeSchema.parse(fee({ status: "CANCELLED", cancelledOn: "2025-03-01" }));
    expect(effectiveFeeStatus(c, null, "2025-03-01")).toEqual({
      status: "CANCELLED",
      successorItemId: null,
      since: "2025-03-01",
      upcoming: null,
    });
  });
  it("keeps a fee 有效 until a published adjustment or cancellation takes effect", () => {
    const f = feeSchema.parse(fee());
    expect(effectiveFeeStatus(f, { itemId: "n", validFrom: "2025-07-01" }, "2025-06-30")).toEqual({
      status: "VALID",
      successorItemId: null,
      since: null,
      upcoming: { status: "ADJUSTED", on: "2025-07-01", successorItemId: "n" },
    });
    const c = feeSchema.parse(fee({ status: "CANCELLED", cancelledOn: "2025-03-01" }));
    expect(effectiveFeeStatus(c, null, "2025-02-28")).toMatchObject({
      status: "VALID",
      upcoming: { status: "CANCELLED", on: "2025-03-01" },
    });
  });
  it("shows a fee outside its dates as 尚未执行 or 已到期 (with the date), never 有效", () => {
    const ended = feeSchema.parse(fee({ validFrom: "2023-01-01", validUntil: "2024-12-31" }));
    const eff = effectiveFeeStatus(ended, null, "2025-06-01");
    expect(eff).toEqual({ status: "EXPIRED", successorItemId: null, since: "2024-12-31", upcoming: null });
    expect(feeStatusLabel(eff)).toBe("已到期（2024-12-31）");
    expect(effectiveFeeStatus(ended, null, "2024-12-31").status).toBe("VALID");
    const later = effectiveFeeStatus(feeSchema.parse(fee({ validFrom: "2099-01-01" })), null, "2025-06-01");
    expect(later).toMatchObject({ status: "NOT_STARTED", since: "2099-01-01" });
    expect(feeStatusLabel(later)).toBe("尚未执行");
  });
  it("requires the end date of a fee marked 已调整, and shows it 已调整 only after that date", () => {
    expect(messages(feeSchema.safeParse(fee({ status: "ADJUSTED", successorItemId: "n" })))).toContain(
      "已调整的收费项目须填写执行截止日期（原标准停止执行的日期）",
    );
    const a = feeSchema.parse(fee({ status: "ADJUSTED", successorItemId: "n", validUntil: "2025-06-30" }));
    expect(effectiveFeeStatus(a, null, "2025-06-30")).toMatchObject({
      status: "VALID",
      upcoming: { status: "ADJUSTED", on: "2025-07-01", successorItemId: "n" },
    });
    expect(effectiveFeeStatus(a, null, "2025-07-01")).toEqual({
      status: "ADJUSTED",
      successorItemId: "n",
      since: "2025-06-30",
      upcoming: null,
    });
  });
  it("maps the effective status to the catalogue 有效性", () => {
    expect(feeValidity({ status: "ADJUSTED", successorItemId: "n" })).toEqual({ validity: "AMENDED", replacedById: "n" });
    expect(feeValidity({ status: "CANCELLED", successorItemId: null })).toEqual({ validity: "EXPIRED", replacedById: null });
    expect(feeValidity({ status: "EXPIRED", successorItemId: null })).toEqual({ validity: "EXPIRED", replacedById: null });
    expect(feeValidity({ status: "NOT_STARTED", successorItemId: null })).toEqual({ validity: "VALID", replacedById: null });
    expect(feeValidity({ status: "VALID", successorItemId: null })).toEqual({ validity: "VALID", replacedById: null });
  });
  it("requires a 文号 for every legal basis, naming the basis", () => {
    const r = feeSchema.safeParse(
      fee({
        legalBases: [
          { title: "通知甲", documentNumber: "甲〔2025〕1号" },
          { title: "通知乙", documentNumber: "" },
        ],
      }),
    );
    expect(messages(r)).toEqual(["第2项收费依据“通知乙”须填写文号"]);
    expect(r.success ? [] : r.error.issues[0]!.path).toEqual(["legalBases", 1, "documentNumber"]);
  });
  it("renders deterministic HTML that survives the body sanitizer unchanged, with input escaped", () => {
    const f = feeSchema.parse(fee({ name: "<script>x</script>费" }));
    const html = renderFee(f, { departments: { d1: "县局" } });
    expect(renderFee(f, { departments: { d1: "县局" } })).toBe(html);
    expect(sanitizeBody(html)).toBe(html);
    expect(html).not.toContain("<script>");
    const changed = renderFee(feeSchema.parse(fee({ amount: "81" })), { departments: { d1: "县局" } });
    expect(changed).not.toBe(renderFee(feeSchema.parse(fee()), { departments: { d1: "县局" } }));
  });
});

describe("领导分工 validation", () => {
  const depts = [
    { id: "gov", name: "青山县人民政府", parentId: null, kind: "GOVERNMENT" },
    { id: "office", name: "县政府办公室", parentId: "gov", kind: "OFFICE" },
    { id: "edu", name: "县教育局", parentId: "gov", kind: "BUREAU" },
    { id: "other", name: "邻县人民政府", parentId: null, kind: "GOVERNMENT" },
    { id: "otherEdu", name: "邻县教育局", parentId: "other", kind: "BUREAU" },
  ];
  it("finds the leader's government", () => {
    expect(governmentOf("edu", depts)).toBe("gov");
    expect(governmentOf("gov", depts)).toBe("gov");
  });
  it("refuses a unit outside the leader's government (and the government itself)", () => {
    expect(unitsOutsideGovernment("gov", ["edu", "office"], depts)).toEqual([]);
    expect(unitsOutsideGovernment("gov", ["edu", "otherEdu"], depts)).toEqual(["邻县教育局"]);
    expect(unitsOutsideGovernment("gov", ["gov"], depts)).toEqual(["青山县人民政府"]);
  });
  it("checks the term dates and knows who was in office on a date", () => {
    const base = { departmentId: "gov", name: "甲", title: "副县长", duties: "分工", termStart: "2021-09-28" };
    expect(messages(leaderSchema.safeParse({ ...base, termEnd: "2020-01-01" }))).toContain("离任日期不能早于任职日期");
    const l = leaderSchema.parse({ ...base, termEnd: "2025-06-30" });
    expect(inOffice(l, "2025-06-30")).toBe(true);
    expect(inOffice(l, "2025-07-01")).toBe(false);
    expect(inOffice(l, "2021-09-27")).toBe(false);
  });
});

describe("办事指南 validation", () => {
  const service = (o: Record<string, unknown> = {}) => ({
    name: "教师资格认定",
    code: "001",
    departmentId: "edu",
    legalBasis: "《教师资格条例》",
    conditions: "符合条件",
    place: "政务服务中心",
    hours: "工作日",
    phone: "0578-1",
    steps: [{ name: "受理", unit: "窗口", timeLimit: "当场" }],
    promisedDays: 10,
    statutoryDays: 20,
    ...o,
  });
  it("refuses a service without steps", () => {
    expect(messages(serviceSchema.safeParse(service({ steps: [] })))[0]).toContain("至少包含一个办理环节");
  });
  it("refuses blank, fractional and out-of-range time limits and copies with Chinese messages", () => {
    expect(messages(serviceSchema.safeParse(service({ promisedDays: "" })))).toContain("请填写承诺时限");
    expect(messages(serviceSchema.safeParse(service({ statutoryDays: "  " })))).toContain("请填写法定时限");
    expect(messages(serviceSchema.safeParse(service({ statutoryDays: "二十" })))).toContain("法定时限须为数字");
    expect(messages(serviceSchema.safeParse(service({ promisedDays: "1.5" })))).toContain("承诺时限须为整数");
    expect(messages(serviceSchema.safeParse(service({ statutoryDays: 4000 })))).toContain("法定时限不能大于3650个工作日");
    expect(messages(serviceSchema.safeParse(service({ promisedDays: -1 })))).toContain("承诺时限不能小于0个工作日");
    const m = (copies: unknown) => messages(serviceSchema.safeParse(service({ materials: [{ name: "身份证", form: "原件", copies }] })));
    expect(m("")).toContain("请填写份数");
    expect(m("100")).toContain("份数不能大于99份");
    expect(m(-1)).toContain("份数不能小于0份");
    expect(serviceSchema.parse(service({ promisedDays: "5", materials: [{ name: "身份证", form: "原件", copies: "2" }] }))).toMatchObject({
      promisedDays: 5,
      materials: [{ copies: 2 }],
    });
  });
  it("refuses a promised time limit longer than the statutory one", () => {
    expect(messages(serviceSchema.safeParse(service({ promisedDays: 30 })))).toContain("承诺时限不能长于法定时限");
  });
  it("reads steps from the form, one per line", () => {
    expect(parseStepLines("受理｜窗口｜当场\n审查｜业务科｜3个工作日")).toHaveLength(2);
    const raw = rawFromForm("SERVICE", { steps: "" });
    expect(serviceSchema.safeParse({ ...service(), steps: raw.steps }).success).toBe(false);
  });
  it("collapses nested field errors onto the form field", () => {
    expect(collapseFieldErrors({ "steps.0.name": ["a"], steps: ["b"], photoId: ["c"] })).toEqual({ steps: ["a", "b"], photo: ["c"] });
  });
});

describe("收费项目 table: search, filters and the current schedule", () => {
  const row = (o: Partial<FeeRow>): FeeRow => ({
    itemId: "i",
    indexNumber: "X-1",
    name: "不动产登记费",
    code: "QS-ZR-001",
    departmentId: "zr",
    departmentName: "县自然资源局",
    standard: "80.00 元/件",
    note: "",
    payer: "权利人",
    reductions: "",
    legalBases: [{ title: "关于不动产登记收费标准的通知", documentNumber: "发改价格规〔2016〕2559号", itemId: null }],
    validFrom: "2024-01-01",
    validUntil: null,
    status: "VALID",
    statusLabel: "有效",
    since: null,
    successorItemId: null,
    successorName: null,
    upcoming: null,
    predecessorItemId: null,
    withdrawn: false,
    publishedAt: null,
    firstPublishedAt: null,
    publisher: "",
    ...o,
  });
  const rows = [
    row({ itemId: "a" }),
    row({
      itemId: "b",
      name: "婚姻登记证书工本费",
      code: "QS-MZ-001",
      departmentId: "mz",
      legalBases: [{ title: "关于婚姻登记证书工本费标准的通知", documentNumber: "发改价格〔2012〕3045号", itemId: null }],
    }),
    row({ itemId: "c", name: "商品条码系统成员注册费", status: "CANCELLED", statusLabel: "已取消", since: "2023-07-01" }),
    row({ itemId: "d", name: "污水处理费", status: "ADJUSTED", statusLabel: "已调整" }),
    row({ itemId: "e", name: "将来的收费", validFrom: "2099-01-01" }),
    row({ itemId: "f", name: "过期的收费", validUntil: "2024-12-31" }),
    row({ itemId: "g", name: "已撤回的收费", withdrawn: true }),
  ];
  const ids = (r: FeeRow[]) => r.map((x) => x.itemId);
  it("searches name, code and the basis 文号", () => {
    expect(ids(filterFees(rows, { q: "婚姻" }, "2025-06-01"))).toEqual(["b"]);
    expect(ids(filterFees(rows, { q: "qs-mz" }, "2025-06-01"))).toEqual(["b"]);
    expect(ids(filterFees(rows, { q: "3045号" }, "2025-06-01"))).toEqual(["b"]);
  });
  it("filters by department and status; a withdrawn fee is never 有效", () => {
    expect(ids(filterFees(rows, { departmentId: "mz" }, "2025-06-01"))).toEqual(["b"]);
    expect(ids(filterFees(rows, { status: "CANCELLED" }, "2025-06-01"))).toEqual(["c"]);
    // 有效 = in force today, the same date test as the current view: neither the fee that has
    // not started (e) nor the one that ended in 2024 (f) is 有效.
    expect(ids(filterFees(rows, { status: "VALID" }, "2025-06-01"))).toEqual(["a", "b"]);
    expect(ids(filterFees(rows, { status: "VALID" }, "2025-06-01"))).toEqual(ids(filterFees(rows, { current: true }, "2025-06-01")));
  });
  it("the current schedule holds only fees in force today", () => {
    expect(ids(filterFees(rows, { current: true }, "2025-06-01"))).toEqual(["a", "b"]);
    expect(isCurrent(rows[5]!, "2024-12-31")).toBe(true);
    expect(isCurrent(rows[4]!, "2099-01-01")).toBe(true);
  });
  it("writes CSV with a BOM, quoted cells and spreadsheet formulas neutralised", () => {
    const csv = feesCsv([row({ name: '=HYPERLINK("x")' })]);
    expect(csv.startsWith('\ufeff"序号",')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split("\r\n")).toHaveLength(3);
  });
});
