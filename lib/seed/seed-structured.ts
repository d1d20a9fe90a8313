// Demo step "structured": 机构职能 for every department, a leadership team per department,
// the fee schedule (with one cancelled and one adjusted fee), service guides, the 公开制度
// rules documents and a published 政府信息公开指南 for 青山县. Deterministic; records are
// written as already published.

import type { Db } from "@/lib/db/client";
import { guideSnapshot } from "@/lib/structured/prepare";
import { RULES_CATEGORY_CODE } from "@/lib/structured/rules-documents";
import { seedPublishedItem, seedPublishedStructured } from "@/lib/seed/structured-items";
import { DEPARTMENTS } from "./organisation";
import { ADJUSTED_FEE, demoName, FEES, FUNCTIONS, GUIDE_PROSE, RULES_DOCUMENTS, SERVICES } from "./seed-structured-data";
import { must } from "./seed-disclosures-data";

const at = (d: string) => new Date(`${d}T09:00:00+08:00`);

export async function seedStructured(c: Db): Promise<void> {
  const depts = await c.department.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      parentId: true,
      address: true,
      postalCode: true,
      officeHours: true,
      phone: true,
      fax: true,
      email: true,
      headName: true,
    },
  });
  const byCode = new Map(depts.map((d) => [d.code, d]));
  const gov = byCode.get("002581001");
  const office = byCode.get("002581002");
  if (!gov || !office) return; // not the demo county
  const users = await c.user.findMany({ select: { id: true, displayName: true, departmentId: true, roles: true } });
  const officeClerk = users.find((u) => u.departmentId === office.id && u.roles.includes("CLERK")) ?? users[0];
  if (!officeClerk) return; // no accounts yet: the organisation step has not run
  const authorFor = (deptId: string) => users.find((u) => u.departmentId === deptId && u.roles.includes("CLERK")) ?? officeClerk;
  // The government's own records are issued by its 政府办公室.
  const issuerOf = (deptId: string) => (deptId === gov.id ? office.id : deptId);
  const publish = (
    kind: Parameters<typeof seedPublishedStructured>[1]["kind"],
    deptId: string,
    raw: unknown,
    date: string,
    more: { predecessorItemId?: string; extra?: Record<string, unknown> } = {},
  ) =>
    seedPublishedStructured(c, {
      kind,
      raw,
      issuingDepartmentId: issuerOf(deptId),
      author: authorFor(issuerOf(deptId)),
      publishedAt: at(date),
      ...more,
    });

  // 机构职能
  for (const d of DEPARTMENTS) {
    const row = byCode.get(d.code);
    const f = FUNCTIONS[d.code];
    if (!row || !f) continue;
    await publish(
      "DEPARTMENT_PROFILE",
      row.id,
      {
        departmentId: row.id,
        functions: f.functions,
        units: f.units.map((u) => {
          const [name, duties] = u.split("｜");
          return { name, duties };
        }),
        address: row.address,
        officeHours: row.officeHours,
        phone: row.phone,
        fax: row.fax,
        email: row.email,
        postalCode: row.postalCode,
        headName: row.headName,
        mapUrl: `https://map.example.cn/?q=${encodeURIComponent(row.address)}`,
      },
      "2025-01-06",
    );
  }

  // 领导分工: the county leadership (with one change of 副县长 in 2025), then each department.
  const bureaus = depts.filter((d) => d.parentId === gov.id && d.kind !== "OFFICE");
  const used = new Set(depts.map((d) => d.headName));
  const govTeam: Array<{ name: string; title: string; duties: string; oversees: string[]; start: string; end?: string }> = [
    {
      name: gov.headName,
      title: "县长",
      duties: "主持县政府全面工作。负责审计、编制方面的工作。",
      oversees: [office.id],
      start: "2021-09-28",
    },
    {
      name: demoName(1, used),
      title: "常务副县长",
      duties: "负责县政府常务工作。负责发展改革、财政、统计、税务、金融等方面的工作。",
      oversees: bureaus.filter((b) => ["002581101", "002581102"].includes(b.code)).map((b) => b.id),
      start: "2021-09-28",
    },
    {
      name: demoName(2, used),
      title: "副县长",
      duties: "负责教育、民政、人力资源和社会保障、卫生健康等方面的工作。",
      oversees: bureaus.filter((b) => ["002581103", "002581104", "002581105"].includes(b.code)).map((b) => b.id),
      start: "2021-09-28",
      end: "2025-06-30",
    },
    {
      name: demoName(3, used),
      title: "副县长",
      duties: "负责教育、民政、人力资源和社会保障、卫生健康等方面的工作。",
      oversees: bureaus.filter((b) => ["002581103", "002581104", "002581105", "002581109"].includes(b.code)).map((b) => b.id),
      start: "2025-07-01",
    },
    {
      name: demoName(4, used),
      title: "副县长",
      duties: "负责自然资源、住房城乡建设、市场监管等方面的工作。联系青山街道。",
      oversees: bureaus.filter((b) => ["002581106", "002581107", "002581108", "002581201"].includes(b.code)).map((b) => b.id),
      start: "2022-03-15",
    },
  ];
  for (const [i, l] of govTeam.entries()) {
    used.add(l.name);
    await publish(
      "LEADER",
      gov.id,
      {
        departmentId: gov.id,
        name: l.name,
        title: l.title,
        duties: l.duties,
        oversees: l.oversees,
        cv: `${l.name}，男，汉族，大学学历，中共党员。`,
        sortOrder: i,
        termStart: l.start,
        termEnd: l.end ?? "",
      },
      l.start,
    );
  }
  let n = 10;
  for (const d of depts.filter((x) => x.id !== gov.id).sort((a, b) => a.code.localeCompare(b.code))) {
    const head = d.kind === "TOWNSHIP" ? "主任" : d.kind === "OFFICE" ? "主任" : "局长";
    const deputy = d.kind === "TOWNSHIP" || d.kind === "OFFICE" ? "副主任" : "副局长";
    const team = [
      { name: d.headName, title: head, duties: `主持${d.name}全面工作。` },
      { name: demoName(n++, used), title: deputy, duties: "协助主要负责人工作，负责综合、人事、财务和政务公开工作。" },
      { name: demoName(n++, used), title: deputy, duties: "负责业务科室工作，分管行政审批和执法监督。" },
    ];
    for (const [i, l] of team.entries()) {
      used.add(l.name);
      await publish(
        "LEADER",
        d.id,
        { departmentId: d.id, name: l.name, title: l.title, duties: l.duties, oversees: [], cv: "", sortOrder: i, termStart: "2022-01-01" },
        "2022-01-04",
      );
    }
  }

  // 政府信息公开制度: the rules documents, ordinary items in category A1501.
  for (const r of RULES_DOCUMENTS) {
    await seedPublishedItem(c, {
      categoryCode: RULES_CATEGORY_CODE,
      title: r.title,
      documentNumber: r.documentNumber,
      summary: r.summary,
      body: r.paragraphs.map((p) => `<p>${p}</p>`).join(""),
      departmentId: office.id,
      author: officeClerk,
      publishedAt: at(r.date),
      responsibleSection: "政务公开科",
    });
  }

  // 收费项目
  const feeIds = new Map<string, string>();
  const feeRaw = ([dept, name, code, amount, formula, unit, payer, bases, extra]: (typeof FEES)[number]) => ({
    name,
    code,
    departmentId: must(byCode, dept).id,
    legalBases: bases.map(([title, documentNumber]) => ({ title, documentNumber })),
    amount: amount ?? "",
    formula: formula ?? "",
    unit,
    payer,
    rangeMin: extra?.rangeMin ?? "",
    rangeMax: extra?.rangeMax ?? "",
    note: extra?.note ?? "",
    reductions: extra?.reductions ?? "",
    validFrom: extra?.validFrom ?? "2024-01-01",
    status: extra?.status ?? "VALID",
    cancelledOn: extra?.cancelledOn ?? "",
  });
  for (const f of FEES) {
    if (!byCode.get(f[0])) continue;
    const raw = feeRaw(f);
    feeIds.set(f[2], await publish("FEE", raw.departmentId, raw, raw.validFrom < "2024-01-01" ? "2024-01-02" : raw.validFrom));
  }
  const adj = feeRaw(ADJUSTED_FEE.fee);
  await publish("FEE", adj.departmentId, adj, adj.validFrom, { predecessorItemId: feeIds.get(ADJUSTED_FEE.predecessorCode) });

  // 办事指南
  for (const [i, [dept, name, code, kind, promised, statutory, feeCodes]] of SERVICES.entries()) {
    const d = byCode.get(dept);
    if (!d) continue;
    const unit = d.name.replace("青山县", "");
    await publish(
      "SERVICE",
      d.id,
      {
        name,
        code,
        kind,
        departmentId: d.id,
        legalBasis:
          kind === "LICENSING"
            ? `《中华人民共和国行政许可法》\n有关法律、法规关于“${name}”的规定`
            : `有关法律、法规和政策关于“${name}”的规定`,
        conditions: `符合“${name}”有关法律、法规和政策规定的条件；申请材料齐全、符合法定形式。`,
        materials: [
          { name: "申请表", form: "原件", copies: 1, format: "纸质或电子", source: "政务服务中心窗口或网上领取" },
          { name: "申请人身份证明", form: "原件和复印件", copies: 1, format: "纸质", source: "申请人自备" },
          ...(kind === "LICENSING" ? [{ name: "相关证明材料", form: "复印件", copies: 2, format: "A4 纸质", source: "申请人自备" }] : []),
        ],
        place: `青山县政务服务中心二楼 ${unit}窗口（${d.address}）`,
        hours: "工作日 上午 8:30—12:00，下午 14:30—17:30",
        phone: d.phone,
        onlineUrl: `https://zwfw.example.cn/qingshan/${code}`,
        steps: [
          { name: "申请与受理", unit: `${unit}窗口`, timeLimit: "当场" },
          { name: "审查", unit: `${unit}业务科室`, timeLimit: `${Math.max(1, Math.floor(promised / 2))} 个工作日` },
          ...(kind === "LICENSING" ? [{ name: "决定", unit: `${unit}分管领导`, timeLimit: "2 个工作日" }] : []),
          { name: "办结送达", unit: `${unit}窗口`, timeLimit: "1 个工作日" },
        ],
        promisedDays: promised,
        statutoryDays: statutory,
        feeItemIds: feeCodes.map((fc) => feeIds.get(fc)).filter((x): x is string => !!x),
        progressQuery: `登录政务服务网“我的办件”或拨打 ${d.phone} 查询。`,
        complaints: `青山县政务服务中心投诉电话 0578-12345；${unit}监督电话 ${d.phone}。`,
      },
      `2025-0${1 + (i % 9)}-10`,
    );
  }

  // 政府信息公开指南
  await publish("GUIDE", gov.id, { departmentId: gov.id, ...GUIDE_PROSE }, "2025-01-02", { extra: await guideSnapshot(c, gov.id) });
}
