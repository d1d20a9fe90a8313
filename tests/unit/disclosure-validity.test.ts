import { describe, expect, it } from "vitest";
import {
  createItemFormSchema,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_SCOPES,
  IMPORTANCE_TIER_LABELS,
  IMPORTANCE_TIERS,
  ITEM_FIELD_LABELS,
  VALIDITIES,
  VALIDITY_LABELS,
  type ItemFormInput,
} from "@/lib/disclosure/rules/validity";

const schema = createItemFormSchema({ today: "2026-03-02" });

const valid: ItemFormInput = {
  title: "  关于印发2026年政府信息公开工作要点的通知  ",
  documentNumber: "杭教办〔2026〕3号",
  categoryId: "cat-policy",
  writtenOn: "2026-02-10",
  formedOn: "2026-02-12",
  summary: "明确2026年政府信息公开工作的重点任务。",
  body: "<p>正文</p>",
  keywords: "政务公开，工作要点、 年度计划",
  disclosureMode: "PROACTIVE",
  disclosureScope: "PUBLIC",
  validity: "VALID",
  tier: "GENERAL",
  negative: false,
  responsibleSection: "办公室",
  responsiblePerson: "李明",
};

/** Issues as { path: message }, to assert on Chinese messages per field. */
function issues(input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("labels", () => {
  it("every enum value has a Chinese label, and only those values", () => {
    const cases: [readonly string[], Record<string, string>][] = [
      [VALIDITIES, VALIDITY_LABELS],
      [IMPORTANCE_TIERS, IMPORTANCE_TIER_LABELS],
      [DISCLOSURE_MODES, DISCLOSURE_MODE_LABELS],
      [DISCLOSURE_SCOPES, DISCLOSURE_SCOPE_LABELS],
    ];
    for (const [values, labels] of cases) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v]).toMatch(/^[\u4e00-\u9fff/]+$/);
    }
  });

  it("uses the terms of the law and of real portals", () => {
    expect(VALIDITY_LABELS).toEqual({ VALID: "有效", AMENDED: "已修改", REPEALED: "已废止", EXPIRED: "已失效" });
    expect(DISCLOSURE_MODE_LABELS).toEqual({ PROACTIVE: "主动公开", ON_REQUEST: "依申请公开" });
    expect(DISCLOSURE_SCOPE_LABELS).toEqual({ PUBLIC: "面向全社会", SPECIFIC_GROUP: "特定群体" });
    expect(IMPORTANCE_TIER_LABELS).toEqual({ GENERAL: "一般信息", MAJOR: "重大信息", CRITICAL: "特别重大信息" });
  });
});

describe("item form schema — accepted input", () => {
  it("parses and normalizes a complete form", () => {
    const r = schema.parse(valid);
    expect(r.title).toBe("关于印发2026年政府信息公开工作要点的通知");
    expect(r.keywords).toEqual(["政务公开", "工作要点", "年度计划"]);
    expect(r.replacedById).toBeNull();
  });

  it("fills defaults for the usual case", () => {
    // Leave out every field that has a default.
    const {
      disclosureMode: _m,
      disclosureScope: _s,
      validity: _v,
      negative: _n,
      body: _b,
      keywords: _k,
      documentNumber: _d,
      ...rest
    } = valid;
    const r = schema.parse(rest);
    expect(r).toMatchObject({
      disclosureMode: "PROACTIVE",
      disclosureScope: "PUBLIC",
      validity: "VALID",
      negative: false,
      body: "",
      keywords: [],
      documentNumber: null,
    });
  });

  it("treats an empty 文号 as absent", () => {
    expect(schema.parse({ ...valid, documentNumber: "   " }).documentNumber).toBeNull();
    expect(schema.parse({ ...valid, documentNumber: null }).documentNumber).toBeNull();
  });

  it("takes keywords as an array too, trimmed and de-duplicated", () => {
    expect(schema.parse({ ...valid, keywords: [" 教育 ", "教育", "", "预算"] }).keywords).toEqual(["教育", "预算"]);
  });

  it("counts 字 as characters people see: 200 CJK characters fit, including rare ones outside the BMP", () => {
    expect(schema.safeParse({ ...valid, title: "字".repeat(200) }).success).toBe(true);
    expect(schema.safeParse({ ...valid, title: "𠀀".repeat(200) }).success).toBe(true);
    expect(schema.safeParse({ ...valid, summary: "字".repeat(1500) }).success).toBe(true);
  });

  it("accepts today, and 成文日期 equal to the formed date", () => {
    expect(schema.safeParse({ ...valid, writtenOn: "2026-03-02", formedOn: "2026-03-02" }).success).toBe(true);
  });

  it("accepts AMENDED and REPEALED with the replacing item; EXPIRED without", () => {
    expect(schema.parse({ ...valid, validity: "AMENDED", replacedById: "item-2" }).replacedById).toBe("item-2");
    expect(schema.safeParse({ ...valid, validity: "REPEALED", replacedById: "item-3" }).success).toBe(true);
    expect(schema.safeParse({ ...valid, validity: "EXPIRED" }).success).toBe(true);
  });
});

describe("item form schema — Chinese messages per field", () => {
  it("required fields", () => {
    expect(issues({})).toMatchObject({
      title: "请填写标题",
      categoryId: "请选择主题分类",
      writtenOn: expect.stringContaining("成文日期"),
      formedOn: expect.stringContaining("信息形成（变更）日期"),
      summary: "请填写内容概述",
      tier: "请选择重要程度",
      responsibleSection: "请填写责任股室",
      responsiblePerson: "请填写责任人",
    });
    expect(issues({ ...valid, title: "   ", categoryId: " " })).toMatchObject({ title: "请填写标题", categoryId: "请选择主题分类" });
  });

  it("lengths", () => {
    expect(issues({ ...valid, title: "字".repeat(201) })).toEqual({ title: "标题不能超过200字" });
    expect(issues({ ...valid, summary: "字".repeat(1501) })).toEqual({ summary: "内容概述不能超过1500字" });
    expect(issues({ ...valid, documentNumber: "号".repeat(101) })).toEqual({ documentNumber: "文号不能超过100字" });
    expect(issues({ ...valid, keywords: Array.from({ length: 11 }, (_, i) => `词${i}`) })).toEqual({ keywords: "主题词不能超过10个" });
    expect(issues({ ...valid, keywords: ["字".repeat(21)] })).toEqual({ keywords: "每个主题词不能超过20字" });
  });

  it("enums", () => {
    expect(issues({ ...valid, tier: "HUGE", validity: "OK", disclosureMode: "X", disclosureScope: "Y" })).toEqual({
      tier: "请选择重要程度",
      validity: "请选择有效性",
      disclosureMode: "请选择公开方式",
      disclosureScope: "请选择公开范围",
    });
    expect(issues({ ...valid, negative: "yes" })).toEqual({ negative: "请选择是否为负面信息" });
  });

  it("date formats, including impossible dates", () => {
    for (const bad of ["2026-02-30", "2026/02/10", "2026-2-10", "昨天", ""]) {
      expect(issues({ ...valid, writtenOn: bad })).toEqual({ writtenOn: "请填写有效的成文日期（格式：YYYY-MM-DD）" });
    }
  });

  it("dates may not be in the future", () => {
    expect(issues({ ...valid, writtenOn: "2026-03-03", formedOn: "2026-03-03" })).toEqual({
      writtenOn: "成文日期不能晚于今天",
      formedOn: "信息形成（变更）日期不能晚于今天",
    });
  });

  it("dates may not be out of order or implausibly early", () => {
    expect(issues({ ...valid, writtenOn: "2026-02-12", formedOn: "2026-02-10" })).toEqual({
      formedOn: "信息形成（变更）日期不能早于成文日期",
    });
    expect(issues({ ...valid, writtenOn: "0206-02-10" })).toMatchObject({ writtenOn: "成文日期不能早于1949年10月1日" });
  });

  it("AMENDED / REPEALED need the item that replaced it; VALID must not have one", () => {
    expect(issues({ ...valid, validity: "AMENDED" })).toEqual({ replacedById: "有效性为“已修改”时，请选择修改或废止该文件的信息" });
    expect(issues({ ...valid, validity: "REPEALED", replacedById: "  " })).toEqual({
      replacedById: "有效性为“已废止”时，请选择修改或废止该文件的信息",
    });
    expect(issues({ ...valid, replacedById: "item-2" })).toEqual({ replacedById: "有效的信息不应填写修改或废止该文件的信息" });
  });

  it("the schema follows the injected today", () => {
    const tomorrowSchema = createItemFormSchema({ today: "2026-03-03" });
    expect(tomorrowSchema.safeParse({ ...valid, writtenOn: "2026-03-03", formedOn: "2026-03-03" }).success).toBe(true);
  });

  it("field labels cover every form field", () => {
    expect(Object.keys(ITEM_FIELD_LABELS).sort()).toEqual(Object.keys(schema.shape).sort());
  });
});
