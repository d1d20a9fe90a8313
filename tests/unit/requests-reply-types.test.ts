import { describe, expect, it } from "vitest";
import {
  ANNUAL_REPORT_GROUPS,
  ANNUAL_REPORT_ROWS,
  ANNUAL_REPORT_ROW_KEYS,
  EXEMPTION_CODES,
  EXEMPTION_INFO,
  NOT_EXIST_INFO,
  NOT_PROCESSED_INFO,
  OTHER_INFO,
  REPLY_TYPES,
  REPLY_TYPE_INFO,
  REPLY_TYPE_LABELS,
  REPLY_TYPE_REPORT_ROW,
  SUB_REASONS_BY_TYPE,
  annualReportRowKey,
  annualReportRowOf,
  legalBasisOf,
  replyDecisionSchema,
  replySubReason,
  subReasonInfo,
  type ReplyDecision,
  type SubReasonType,
} from "@/lib/requests/rules/reply-types";
import { LEGAL_BASIS } from "@/lib/requests/rules/legal-basis";

function parse(input: unknown): ReplyDecision {
  return replyDecisionSchema.parse(input);
}
/** The field-level issues as { "path": message }. */
function issues(input: unknown): Record<string, string> {
  const r = replyDecisionSchema.safeParse(input);
  expect(r.success).toBe(false);
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

const SUB_TYPES = Object.keys(SUB_REASONS_BY_TYPE) as SubReasonType[];

describe("reply types and labels", () => {
  it("has the eight Art. 36 reply types with Chinese labels", () => {
    expect(REPLY_TYPES).toEqual(["ALREADY_PUBLIC", "DISCLOSE", "PARTIAL", "WITHHOLD", "NOT_EXIST", "NOT_OURS", "NOT_PROCESSED", "OTHER"]);
    expect(REPLY_TYPE_LABELS).toEqual({
      ALREADY_PUBLIC: "已主动公开",
      DISCLOSE: "予以公开",
      PARTIAL: "部分公开",
      WITHHOLD: "不予公开",
      NOT_EXIST: "无法提供",
      NOT_OURS: "非本机关负责公开",
      NOT_PROCESSED: "不予处理",
      OTHER: "其他处理",
    });
    for (const t of REPLY_TYPES) expect(REPLY_TYPE_INFO[t].mustState).toMatch(/告知|提供/);
  });

  it("has the eight exemption codes with their articles", () => {
    expect(EXEMPTION_CODES).toEqual([
      "STATE_SECRET",
      "LAW_FORBIDDEN",
      "SAFETY_STABILITY",
      "THIRD_PARTY",
      "INTERNAL_AFFAIRS",
      "PROCESS_INFO",
      "ENFORCEMENT_FILE",
      "ADMIN_QUERY",
    ]);
    expect(EXEMPTION_INFO.STATE_SECRET.basis).toBe(LEGAL_BASIS.ART_14);
    expect(EXEMPTION_INFO.THIRD_PARTY.basis.citation).toBe("《中华人民共和国政府信息公开条例》第十五条");
    expect(EXEMPTION_INFO.INTERNAL_AFFAIRS.basis.citation).toMatch(/第十六条第一款$/);
    expect(EXEMPTION_INFO.PROCESS_INFO.basis.text).toContain("过程性信息");
    expect(EXEMPTION_INFO.ENFORCEMENT_FILE.basis.text).toContain("行政执法案卷");
    expect(EXEMPTION_INFO.ADMIN_QUERY.basis.text).toContain("工商、不动产登记资料");
    expect(EXEMPTION_CODES.filter((c) => EXEMPTION_INFO[c].rule === "MUST_NOT")).toEqual([
      "STATE_SECRET",
      "LAW_FORBIDDEN",
      "SAFETY_STABILITY",
      "THIRD_PARTY",
    ]);
    expect(EXEMPTION_INFO.ADMIN_QUERY.rule).toBe("SPECIAL_PROCEDURE");
  });

  it("gives every sub-reason a Chinese label and a legal basis (except 其他)", () => {
    for (const t of SUB_TYPES) {
      for (const sub of SUB_REASONS_BY_TYPE[t]) {
        const info = subReasonInfo(t, sub)!;
        expect(info.label).toMatch(/[\u4e00-\u9fff]/);
        if (!(t === "OTHER" && sub === "OTHER")) expect(info.basis?.text.length).toBeGreaterThan(10);
      }
    }
    expect(subReasonInfo("WITHHOLD", "NOT_HELD")).toBeUndefined();
    expect(subReasonInfo("OTHER", "toString")).toBeUndefined();
    expect(NOT_PROCESSED_INFO.PETITION.basis?.text).toContain("相应渠道");
    expect(NOT_EXIST_INFO.NEEDS_CREATION.basis?.citation).toMatch(/第三十八条$/);
    expect(OTHER_INFO.CORRECTION_OVERDUE.basis).toBe(LEGAL_BASIS.ART_30);
    // Not confirmed against an official original: flagged.
    expect(OTHER_INFO.FEE_UNPAID.basis?.check).toBe(true);
    expect(NOT_PROCESSED_INFO.CONFIRM_OR_REISSUE.basis?.check).toBe(true);
    expect(LEGAL_BASIS.ART_14.check).toBeUndefined();
  });
});

describe("annual report table 三", () => {
  it("has 21 leaf rows in table order under six groups", () => {
    expect(ANNUAL_REPORT_ROW_KEYS).toHaveLength(21);
    expect(new Set(ANNUAL_REPORT_ROW_KEYS).size).toBe(21);
    expect(ANNUAL_REPORT_GROUPS.map((g) => g.label)).toEqual([
      "（一）予以公开",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "（三）不予公开",
      "（四）无法提供",
      "（五）不予处理",
      "（六）其他处理",
    ]);
    expect(ANNUAL_REPORT_ROWS.filter((r) => r.group === "WITHHOLD")).toHaveLength(8);
    expect(ANNUAL_REPORT_ROWS.filter((r) => r.group === "NOT_EXIST")).toHaveLength(3);
    expect(ANNUAL_REPORT_ROWS.filter((r) => r.group === "NOT_PROCESSED")).toHaveLength(5);
    expect(ANNUAL_REPORT_ROWS.filter((r) => r.group === "OTHER")).toHaveLength(3);
  });

  it("maps sub-reasons one-to-one onto the sub-reason leaf rows, with matching labels", () => {
    const seen = new Set<string>();
    for (const t of SUB_TYPES) {
      for (const sub of SUB_REASONS_BY_TYPE[t]) {
        const key = annualReportRowKey(t, sub);
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        const row = ANNUAL_REPORT_ROWS.find((r) => r.key === key)!;
        expect(row.group).toBe(t);
        expect(row.label.replace(/^\d+\./, "")).toBe(subReasonInfo(t, sub)!.label);
      }
    }
    // Together with the two rows reached by reply type alone, every leaf row is reachable.
    const byType = new Set(Object.values(REPLY_TYPE_REPORT_ROW));
    expect(new Set([...seen, ...byType])).toEqual(new Set(ANNUAL_REPORT_ROW_KEYS));
    expect(seen.size).toBe(19);
  });

  it("counts reply types without sub-reasons as in the 30号 format", () => {
    expect(annualReportRowKey("ALREADY_PUBLIC")).toBe("DISCLOSE");
    expect(annualReportRowKey("DISCLOSE")).toBe("DISCLOSE");
    expect(annualReportRowKey("PARTIAL")).toBe("PARTIAL");
    expect(annualReportRowKey("NOT_OURS")).toBe("NOT_EXIST.NOT_HELD");
  });

  it("refuses a type/sub-reason pair with no row", () => {
    expect(() => annualReportRowKey("WITHHOLD")).toThrow(RangeError);
    expect(() => annualReportRowKey("NOT_EXIST", "PETITION")).toThrow(RangeError);
  });
});

describe("replyDecisionSchema: ALREADY_PUBLIC", () => {
  it("needs the link, unless it is marked as published offline — then where to find it", () => {
    const needUrl = "请填写该信息主动公开的网址；未在网上公开的，请勾选“未在网上公开”并写明公开载体和查阅地点";
    const needWhere = "请写明该信息的公开载体和查阅地点（如政府公报期号、公开栏位置）";
    expect(issues({ replyType: "ALREADY_PUBLIC" })).toEqual({ url: needUrl });
    expect(issues({ replyType: "ALREADY_PUBLIC", url: "  ", accessInstructions: " " })).toEqual({ url: needUrl });
    // Instructions alone are not enough for an online publication: the link is what the applicant needs.
    expect(issues({ replyType: "ALREADY_PUBLIC", accessInstructions: "见本机关网站" })).toEqual({ url: needUrl });
    expect(parse({ replyType: "ALREADY_PUBLIC", url: "https://www.gov.cn/zhengce/xxgk/1.html" })).toMatchObject({
      url: "https://www.gov.cn/zhengce/xxgk/1.html",
    });
    expect(issues({ replyType: "ALREADY_PUBLIC", publishedOffline: true })).toEqual({ accessInstructions: needWhere });
    expect(issues({ replyType: "ALREADY_PUBLIC", publishedOffline: true, accessInstructions: "  " })).toEqual({
      accessInstructions: needWhere,
    });
    expect(parse({ replyType: "ALREADY_PUBLIC", publishedOffline: true, accessInstructions: "见本机关2026年第3期政府公报" })).toMatchObject(
      { replyType: "ALREADY_PUBLIC", publishedOffline: true, accessInstructions: "见本机关2026年第3期政府公报" },
    );
    // publishedOffline: false is the online case.
    expect(issues({ replyType: "ALREADY_PUBLIC", publishedOffline: false, accessInstructions: "见公报" })).toEqual({ url: needUrl });
  });

  it("accepts only http(s) links", () => {
    for (const url of ["ftp://example.com/a", "javascript:alert(1)", "www.gov.cn"]) {
      expect(issues({ replyType: "ALREADY_PUBLIC", url, accessInstructions: "x" })).toEqual({
        url: "请填写以 http:// 或 https:// 开头的有效网址",
      });
    }
  });
});

describe("replyDecisionSchema: DISCLOSE and PARTIAL", () => {
  it("DISCLOSE needs how the information is provided", () => {
    expect(issues({ replyType: "DISCLOSE" })).toEqual({
      accessInstructions: "请填写提供该信息的方式，或获取的方式、途径和时间",
    });
    expect(parse({ replyType: "DISCLOSE", accessInstructions: " 随本答复书一并提供（电子版） " })).toEqual({
      replyType: "DISCLOSE",
      accessInstructions: "随本答复书一并提供（电子版）",
    });
  });

  it("PARTIAL needs the disclosed part and the reasons for the rest", () => {
    expect(issues({ replyType: "PARTIAL" })).toEqual({
      accessInstructions: "请填写提供可公开部分的方式，或获取的方式、途径和时间",
      withheldReason: "请说明不予公开部分的理由",
    });
    const d = parse({
      replyType: "PARTIAL",
      accessInstructions: "随本答复书提供",
      withheldReason: "第三页涉及个人隐私，已作遮盖处理",
      exemptionCodes: ["THIRD_PARTY"],
    });
    expect(annualReportRowOf(d)).toBe("PARTIAL");
  });

  it("PARTIAL checks exemption codes when given", () => {
    const base = { replyType: "PARTIAL", accessInstructions: "x", withheldReason: "y" };
    expect(issues({ ...base, exemptionCodes: ["NOPE"] })).toEqual({ "exemptionCodes.0": "不予公开的理由无效" });
    expect(issues({ ...base, exemptionCodes: ["THIRD_PARTY", "THIRD_PARTY"] })).toEqual({
      exemptionCodes: "不予公开的理由不能重复选择",
    });
    expect(issues({ ...base, exemptionCodes: ["ADMIN_QUERY"] })).toEqual({
      specialProcedure: "请告知申请人依照有关法律、行政法规办理的途径（如查询机关、查询方式）",
    });
    expect(parse({ ...base }).replyType).toBe("PARTIAL");
  });
});

describe("replyDecisionSchema: WITHHOLD", () => {
  it("needs at least one exemption code and the reasons", () => {
    expect(issues({ replyType: "WITHHOLD" })).toEqual({
      exemptionCodes: "请选择不予公开的理由",
      reason: "请说明不予公开的理由",
    });
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: [], reason: "理由" })).toEqual({
      exemptionCodes: "请至少选择一项不予公开的理由",
    });
  });

  it("rejects unknown and duplicate codes", () => {
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: ["SECRET"], reason: "理由" })).toEqual({
      "exemptionCodes.0": "不予公开的理由无效",
    });
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: ["STATE_SECRET", "STATE_SECRET"], reason: "理由" })).toEqual({
      exemptionCodes: "不予公开的理由不能重复选择",
    });
  });

  it("行政查询事项 must say how to obtain it under the special law", () => {
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: ["ADMIN_QUERY"], reason: "属于不动产登记资料" })).toEqual({
      specialProcedure: "请告知申请人依照有关法律、行政法规办理的途径（如查询机关、查询方式）",
    });
    const d = parse({
      replyType: "WITHHOLD",
      exemptionCodes: ["ADMIN_QUERY"],
      reason: "属于不动产登记资料",
      specialProcedure: "请持身份证明到不动产登记中心依法查询",
    });
    expect(annualReportRowOf(d)).toBe("WITHHOLD.ADMIN_QUERY");
  });

  it("counts the first (primary) ground in the annual report and cites every ground once", () => {
    const d = parse({
      replyType: "WITHHOLD",
      exemptionCodes: ["PROCESS_INFO", "STATE_SECRET", "LAW_FORBIDDEN"],
      reason: "所申请信息为内部讨论记录",
    });
    expect(replySubReason(d)).toBe("PROCESS_INFO");
    expect(annualReportRowOf(d)).toBe("WITHHOLD.PROCESS_INFO");
    expect(legalBasisOf(d).map((b) => b.citation)).toEqual([
      "《中华人民共和国政府信息公开条例》第三十六条第（三）项",
      "《中华人民共和国政府信息公开条例》第十六条第二款",
      "《中华人民共和国政府信息公开条例》第十四条",
    ]);
  });
});

describe("replyDecisionSchema: NOT_EXIST and NOT_OURS", () => {
  it("NOT_EXIST needs a sub-reason and an explanation", () => {
    expect(issues({ replyType: "NOT_EXIST" })).toEqual({
      subReason: "请选择无法提供的具体情形",
      explanation: "请说明无法提供的情况和理由",
    });
  });

  it("本机关不掌握 needs the search record", () => {
    expect(issues({ replyType: "NOT_EXIST", subReason: "NOT_HELD", explanation: "经检索未找到" })).toEqual({
      searchRecord: "请记录检索情况（检索的范围、方式和结果）",
    });
    const d = parse({
      replyType: "NOT_EXIST",
      subReason: "NOT_HELD",
      explanation: "经检索未找到",
      searchRecord: "检索了2019—2026年发文系统和档案室，关键词“某某项目”",
    });
    expect(annualReportRowOf(d)).toBe("NOT_EXIST.NOT_HELD");
    expect(legalBasisOf(d).map((b) => b.citation)).toEqual(["《中华人民共和国政府信息公开条例》第三十六条第（四）项"]);
  });

  it("the other NOT_EXIST sub-reasons need no search record", () => {
    const d = parse({ replyType: "NOT_EXIST", subReason: "NEEDS_CREATION", explanation: "需要对现有信息进行加工、分析" });
    expect(annualReportRowOf(d)).toBe("NOT_EXIST.NEEDS_CREATION");
    expect(legalBasisOf(d).map((b) => b.citation)).toContain("《中华人民共和国政府信息公开条例》第三十八条");
    expect(annualReportRowOf(parse({ replyType: "NOT_EXIST", subReason: "STILL_UNCLEAR", explanation: "x" }))).toBe(
      "NOT_EXIST.STILL_UNCLEAR",
    );
  });

  it("NOT_OURS needs the reason and the responsible organ, unless it cannot be determined", () => {
    expect(issues({ replyType: "NOT_OURS" })).toEqual({
      reason: "请说明该信息不属于本机关负责公开的理由",
      responsibleOrganName: "请填写负责公开该信息的机关名称；确实无法确定的，请选择“无法确定”",
    });
    const named = parse({
      replyType: "NOT_OURS",
      reason: "该信息由市自然资源局制作",
      responsibleOrganName: "某市自然资源和规划局",
      responsibleOrganContact: "0571-00000000",
    });
    expect(annualReportRowOf(named)).toBe("NOT_EXIST.NOT_HELD");
    expect(parse({ replyType: "NOT_OURS", reason: "不属于本机关职责", responsibleOrganUnknown: true }).replyType).toBe("NOT_OURS");
  });
});

describe("replyDecisionSchema: NOT_PROCESSED", () => {
  it("needs a sub-reason and an explanation", () => {
    expect(issues({ replyType: "NOT_PROCESSED", subReason: "WHATEVER" })).toEqual({
      subReason: "请选择不予处理的具体情形",
      explanation: "请说明不予处理的理由",
    });
  });

  it("信访举报投诉类 must name the channel to use", () => {
    expect(issues({ replyType: "NOT_PROCESSED", subReason: "PETITION", explanation: "属于投诉" })).toEqual({
      channel: "请告知申请人提出信访、举报、投诉的相应渠道",
    });
    const d = parse({
      replyType: "NOT_PROCESSED",
      subReason: "PETITION",
      explanation: "属于投诉",
      channel: "12345政务服务便民热线",
    });
    expect(annualReportRowOf(d)).toBe("NOT_PROCESSED.PETITION");
    expect(legalBasisOf(d).map((b) => b.citation)).toEqual(["《中华人民共和国政府信息公开条例》第三十九条第一款"]);
  });

  it("重复申请 must refer to the earlier reply", () => {
    expect(issues({ replyType: "NOT_PROCESSED", subReason: "REPEAT", explanation: "已答复" })).toEqual({
      previousReplyReference: "请填写此前已作出答复的文号或日期",
    });
    expect(
      annualReportRowOf(
        parse({ replyType: "NOT_PROCESSED", subReason: "REPEAT", explanation: "已答复", previousReplyReference: "某公开〔2026〕12号" }),
      ),
    ).toBe("NOT_PROCESSED.REPEAT");
  });

  it("公开出版物 must say where to get it", () => {
    expect(issues({ replyType: "NOT_PROCESSED", subReason: "PUBLICATION", explanation: "x" })).toEqual({
      accessInstructions: "请告知申请人获取该出版物的途径",
    });
  });

  it("the other sub-reasons need only the explanation", () => {
    for (const sub of ["EXCESSIVE", "CONFIRM_OR_REISSUE"]) {
      expect(annualReportRowOf(parse({ replyType: "NOT_PROCESSED", subReason: sub, explanation: "理由" }))).toBe(`NOT_PROCESSED.${sub}`);
    }
  });
});

describe("replyDecisionSchema: OTHER", () => {
  it("needs a sub-reason; 其他 needs an explanation", () => {
    expect(issues({ replyType: "OTHER" })).toEqual({ subReason: "请选择其他处理的具体情形" });
    expect(issues({ replyType: "OTHER", subReason: "OTHER" })).toEqual({ explanation: "请说明具体处理情况" });
    expect(annualReportRowOf(parse({ replyType: "OTHER", subReason: "OTHER", explanation: "申请人撤回申请" }))).toBe("OTHER.OTHER");
  });

  it("逾期不补正 and 逾期未缴费 stand on their own", () => {
    const overdue = parse({ replyType: "OTHER", subReason: "CORRECTION_OVERDUE" });
    expect(annualReportRowOf(overdue)).toBe("OTHER.CORRECTION_OVERDUE");
    expect(legalBasisOf(overdue).map((b) => b.citation)).toEqual(["《中华人民共和国政府信息公开条例》第三十条"]);
    const unpaid = parse({ replyType: "OTHER", subReason: "FEE_UNPAID" });
    expect(annualReportRowOf(unpaid)).toBe("OTHER.FEE_UNPAID");
    expect(legalBasisOf(unpaid)[0]?.citation).toContain("国办函〔2020〕109号");
    expect(legalBasisOf(parse({ replyType: "OTHER", subReason: "OTHER", explanation: "x" }))).toEqual([]);
  });
});

describe("replyDecisionSchema: common", () => {
  it("requires a known reply type", () => {
    expect(issues({})).toEqual({ replyType: "请选择答复类型" });
    expect(issues({ replyType: "REPEAT" })).toEqual({ replyType: "请选择答复类型" });
    expect(issues(null)).toEqual({ "": "请选择答复类型" });
  });

  it("reports field errors and cross-field requirements together", () => {
    expect(issues({ replyType: "NOT_PROCESSED", subReason: "PETITION" })).toEqual({
      explanation: "请说明不予处理的理由",
      channel: "请告知申请人提出信访、举报、投诉的相应渠道",
    });
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: ["ADMIN_QUERY", "ADMIN_QUERY"] })).toEqual({
      reason: "请说明不予公开的理由",
      exemptionCodes: "不予公开的理由不能重复选择",
      specialProcedure: "请告知申请人依照有关法律、行政法规办理的途径（如查询机关、查询方式）",
    });
  });

  it("does not add a 'missing' message to a field that has the wrong type", () => {
    expect(issues({ replyType: "NOT_PROCESSED", subReason: "PETITION", explanation: "x", channel: 12345 })).toEqual({
      channel: "请填写文字",
    });
  });

  it("rejects whitespace-only and over-long text", () => {
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: ["STATE_SECRET"], reason: "   " })).toEqual({
      reason: "请说明不予公开的理由",
    });
    expect(issues({ replyType: "WITHHOLD", exemptionCodes: ["STATE_SECRET"], reason: "字".repeat(2001) })).toEqual({
      reason: "不超过2000字",
    });
  });

  it("drops fields that belong to other reply types", () => {
    const d = parse({ replyType: "DISCLOSE", accessInstructions: "x", exemptionCodes: ["STATE_SECRET"] });
    expect(d).toEqual({ replyType: "DISCLOSE", accessInstructions: "x" });
    expect(replySubReason(d)).toBeUndefined();
  });

  it("cites the reply type's article for ALREADY_PUBLIC/DISCLOSE", () => {
    expect(legalBasisOf(parse({ replyType: "ALREADY_PUBLIC", url: "https://a.gov.cn/x" }))).toEqual([LEGAL_BASIS.ART_36_1]);
    expect(legalBasisOf(parse({ replyType: "DISCLOSE", accessInstructions: "x" }))).toEqual([LEGAL_BASIS.ART_36_2]);
  });
});
