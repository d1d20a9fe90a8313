// Title and body material for the disclosure demo seed: real administrative phrasing of a
// county government's proactive-disclosure catalogue.

export type Rnd = () => number;
export const pick = <T>(r: Rnd, list: readonly T[]): T => {
  const v = list[Math.floor(r() * list.length)];
  // Only an empty list gets here: a mistake in the seed tables, not a state to carry on from.
  if (v === undefined) throw new Error("seed: pick() from an empty list");
  return v;
};
/** The i-th entry of a list taken round-robin (names handed out in turn). */
export const cycle = <T>(list: readonly T[], i: number): T => {
  const v = list[i % list.length];
  if (v === undefined) throw new Error("seed: cycle() over an empty list");
  return v;
};

/** map.get(key) for a key the seed itself put there; a miss is a mistake in the seed. */
export const must = <K, V>(map: ReadonlyMap<K, V>, key: K): V => {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seed: no entry for ${String(key)}`);
  return v;
};

export const POLICY_DOCS = [
  "城乡居民最低生活保障实施办法",
  "农村集体资产管理办法",
  "政府投资项目管理办法",
  "城市道路挖掘管理办法",
  "公共资源交易管理暂行办法",
  "行政规范性文件制定和备案管理办法",
  "重大行政决策程序实施细则",
  "临时救助实施细则",
  "城镇老旧小区改造实施方案",
  "农村宅基地管理办法",
  "促进民营经济高质量发展若干措施",
  "住房租赁补贴发放管理办法",
  "义务教育阶段学校招生入学工作方案",
  "困难残疾人生活补贴和重度残疾人护理补贴实施办法",
  "耕地保护激励办法",
  "生活垃圾分类管理办法",
  "就业创业补贴资金管理办法",
  "集体土地征收补偿安置办法",
  "政府采购内部控制管理办法",
  "城区犬类管理规定",
];

export const PROJECTS = [
  "青山县人民医院门急诊综合楼",
  "青山大道东延伸段",
  "县城污水处理厂提标改造",
  "青山县第二实验小学新建",
  "城东片区棚户区改造",
  "乡村振兴示范带",
  "青溪流域综合治理",
  "县域医共体信息化",
  "城乡供水一体化",
  "县文化中心",
];

export const TOWNS = ["青山街道", "溪口镇", "石门乡", "龙泉镇", "白沙乡", "桃源镇", "柳塘乡"];
export const VILLAGES = ["下洋村", "上坪村", "后垟村", "溪头村", "桥头村", "新屋村", "东山村", "岭下村"];
export const QUARTERS = ["一", "二", "三", "四"];
export const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

export interface TitleCtx {
  r: Rnd;
  dept: { name: string; short: string; abbr: string };
  year: number;
  n: number;
}

/** Category code → title makers. */
export const TITLES: Record<string, Array<(c: TitleCtx) => string>> = {
  A0101: [(c) => `青山县${pick(c.r, POLICY_DOCS).replace(/实施细则|办法/, "规定")}（县政府令第${(c.n % 9) + 1}号）`],
  A0102: [(c) => `关于印发《青山县${pick(c.r, POLICY_DOCS)}》的通知`, (c) => `${c.dept.name}关于印发《${pick(c.r, POLICY_DOCS)}》的通知`],
  A0103: [(c) => `《青山县${pick(c.r, POLICY_DOCS)}》政策解读`],
  A02: [(c) => `${c.dept.name}主要职责和内设机构`, (c) => `${c.dept.name}领导分工及联系方式`],
  A03: [
    (c) =>
      `青山县${pick(c.r, ["交通运输", "生态环境保护", "教育事业", "卫生健康", "现代农业", "文化旅游"])}发展“十五五”专项规划（2026—2030年）`,
    () => `青山县国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要`,
  ],
  A04: [(c) => `${c.year}年${CN_NUM[c.n % 12]}月份青山县主要经济指标`, (c) => `青山县${c.year}年国民经济和社会发展统计公报`],
  A0501: [
    (c) => `关于${pick(c.r, PROJECTS)}项目可行性研究报告的批复`,
    (c) => `${c.dept.name}${c.year}年第${(c.n % 20) + 1}批行政许可事项办理结果公示`,
  ],
  A0502: [(c) => `${c.dept.name}政务服务事项办事指南（${c.year}年版）`],
  A0601: [(c) => `${c.dept.name}行政处罚决定书（青${c.dept.abbr}罚〔${c.year}〕${(c.n % 90) + 1}号）`],
  A0602: [(c) => `${c.dept.name}行政强制措施实施情况公示（${c.year}年第${QUARTERS[c.n % 4]}季度）`],
  A07: [
    (c) => `${c.dept.name}关于${c.year}年度部门预算公开的说明`,
    (c) => `${c.dept.name}${c.year - 1}年度部门决算公开`,
    (c) => `关于青山县${c.year - 1}年财政预算执行情况和${c.year}年财政预算草案的报告`,
  ],
  A08: [(c) => `${c.dept.name}行政事业性收费项目目录清单（${c.year}年版）`],
  A09: [(c) => `${pick(c.r, PROJECTS)}项目政府采购中标（成交）结果公告`],
  A10: [(c) => `${pick(c.r, PROJECTS)}项目批准和实施情况`],
  A11: [
    (c) =>
      `关于做好${c.year}年${pick(c.r, ["城乡居民基本医疗保险参保缴费", "高校毕业生就业创业", "困难群众冬春生活救助", "义务教育学生资助"])}工作的通知`,
    (c) => `青山县${c.year}年城乡居民最低生活保障标准调整情况`,
  ],
  A12: [
    (c) => `青山县${pick(c.r, ["防汛防台", "森林火灾", "突发地质灾害", "危险化学品事故", "突发公共卫生事件"])}应急预案（${c.year}年修订）`,
    (c) => `关于${pick(c.r, TOWNS)}${pick(c.r, ["暴雨", "台风", "高温"])}橙色预警及应对情况的通报`,
  ],
  A13: [(c) => `${c.year}年第${QUARTERS[c.n % 4]}季度食品安全监督抽检信息公告`, (c) => `${c.year}年青山县安全生产专项检查情况通报`],
  A14: [(c) => `青山县${c.year}年度考试录用公务员拟录用人员公示`],
  A1502: [(c) => `${c.dept.name}${c.year - 1}年政府信息公开工作年度报告`],
  B01: [(c) => `${pick(c.r, PROJECTS)}工程建设进展情况`],
  B02: [(c) => `青山县${c.year}年基本公共服务清单`],
  B03: [(c) => `${c.year}年青山县福利彩票公益金使用情况公告`],
  B04: [(c) => `关于${pick(c.r, TOWNS)}${pick(c.r, VILLAGES)}集体土地征收补偿安置方案的公告`],
  B05: [(c) => `关于${pick(c.r, PROJECTS)}项目国有土地上房屋征收决定的公告`],
  B06: [(c) => `青山县${c.year}年第${QUARTERS[c.n % 4]}季度社会治安形势通报`],
  B07: [(c) => `青山县${c.year}年${CN_NUM[c.n % 12]}月城乡低保、特困人员救助供养资金发放情况`],
};

/** Which departments publish which categories (department code → category codes). */
export const DEPT_CATEGORIES: Record<string, string[]> = {
  "002581001": ["A0101", "A0102", "A03", "A04", "A12", "B04", "B05"],
  "002581002": ["A0102", "A0103", "A02", "A1502", "A12", "A14"],
  "002581101": ["A0102", "A0103", "A03", "A0501", "A10", "A07", "A02", "A1502", "B01"],
  "002581102": ["A07", "A08", "A09", "A0102", "A1502"],
  "002581103": ["A11", "A07", "A0502", "A0102", "A1502"],
  "002581104": ["A11", "B07", "B03", "A0102", "A07"],
  "002581105": ["A11", "A14", "A0502", "A07"],
  "002581107": ["B01", "B05", "A0501", "A0601", "A07"],
  "002581108": ["A13", "A0601", "A0602", "A08", "A07"],
};

export const ABBR: Record<string, string> = {
  "002581001": "政",
  "002581002": "政办",
  "002581101": "发改",
  "002581102": "财",
  "002581103": "教",
  "002581104": "民",
  "002581105": "人社",
  "002581107": "建",
  "002581108": "市监",
};

export const SECTIONS = ["办公室", "综合股", "政策法规股", "计划财务股", "业务股", "审批服务股"];

export function bodyFor(r: Rnd, title: string, deptName: string, year: number): string {
  const paras = [
    `为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》有关规定，现将${title.replace(/^关于/, "").replace(/的通知$|的公告$/, "")}有关事项公开如下。`,
    pick(r, [
      "一、总体要求。坚持以人民为中心的发展思想，全面落实“谁主管、谁负责”原则，确保各项工作任务落到实处。",
      "一、基本情况。本年度各项工作总体平稳有序，主要指标完成情况良好，群众满意度持续提升。",
      "一、适用范围。本办法适用于本县行政区域内的相关管理和服务活动。",
    ]),
    pick(r, [
      "二、主要内容。各乡镇（街道）、县级各部门要按照职责分工，细化工作措施，明确责任股室和责任人，按时完成各项任务。",
      "二、实施步骤。分为动员部署、组织实施、总结评估三个阶段，各阶段工作应于规定时间内完成。",
      "二、资金安排。所需资金按照现行财政体制分级负担，严格专款专用，接受审计和社会监督。",
    ]),
    pick(r, [
      "三、工作要求。各单位要高度重视，加强组织领导，做好政策宣传和解读，及时回应社会关切。",
      "三、监督管理。对工作不力、推诿扯皮造成不良影响的，依法依规追究相关责任。",
    ]),
    `联系单位：${deptName}；联系电话：0578-612${Math.floor(r() * 9000 + 1000)}。`,
    `${deptName}　${year}年`,
  ];
  return paras
    .map((p, i) => (i === paras.length - 1 ? `<p style="text-align:right">${p}</p>` : `<p style="text-indent:2em">${p}</p>`))
    .join("");
}

export const KEYWORDS: Record<string, string[]> = {
  A07: ["预算", "决算", "财政"],
  A11: ["社会保障", "民生"],
  A0102: ["规范性文件"],
  A0103: ["政策解读"],
  A13: ["监督检查", "食品安全"],
  B04: ["土地征收", "补偿"],
  B07: ["社会救助", "低保"],
};
