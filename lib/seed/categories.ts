// The 法定主动公开内容 tree: the fifteen items of Art. 20 and the county-level
// additions of Art. 21, with the sub-divisions the annual report counts.
// This is data; administrators may extend it.

export type CategorySeed = { code: string; name: string; article: string; description?: string; children?: CategorySeed[] };

const art20 = (n: string) => `第二十条第（${n}）项`;

export const CATEGORY_TREE: CategorySeed[] = [
  {
    code: "A01",
    name: "行政法规、规章和规范性文件",
    article: art20("一"),
    children: [
      { code: "A0101", name: "规章", article: art20("一") },
      { code: "A0102", name: "行政规范性文件", article: art20("一") },
      { code: "A0103", name: "政策解读", article: art20("一") },
    ],
  },
  { code: "A02", name: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", article: art20("二") },
  { code: "A03", name: "国民经济和社会发展规划、专项规划、区域规划及相关政策", article: art20("三") },
  { code: "A04", name: "国民经济和社会发展统计信息", article: art20("四") },
  {
    code: "A05",
    name: "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    article: art20("五"),
    children: [
      { code: "A0501", name: "行政许可", article: art20("五") },
      { code: "A0502", name: "其他对外管理服务事项", article: art20("五") },
    ],
  },
  {
    code: "A06",
    name: "实施行政处罚、行政强制的依据、条件、程序以及有一定社会影响的行政处罚决定",
    article: art20("六"),
    children: [
      { code: "A0601", name: "行政处罚", article: art20("六") },
      { code: "A0602", name: "行政强制", article: art20("六") },
    ],
  },
  { code: "A07", name: "财政预算、决算信息", article: art20("七") },
  { code: "A08", name: "行政事业性收费项目及其依据、标准", article: art20("八") },
  { code: "A09", name: "政府集中采购项目的目录、标准及实施情况", article: art20("九") },
  { code: "A10", name: "重大建设项目的批准和实施情况", article: art20("十") },
  { code: "A11", name: "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", article: art20("十一") },
  { code: "A12", name: "突发公共事件的应急预案、预警信息及应对情况", article: art20("十二") },
  { code: "A13", name: "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", article: art20("十三") },
  { code: "A14", name: "公务员招考的职位、名额、报考条件等事项以及录用结果", article: art20("十四") },
  {
    code: "A15",
    name: "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
    article: art20("十五"),
    children: [
      { code: "A1501", name: "政府信息公开制度", article: art20("十五"), description: "本机关政府信息公开工作制度文件" },
      {
        code: "A1502",
        name: "政府信息公开工作年度报告",
        article: "第四十九条、第五十条",
        description: "上一年度政府信息公开工作年度报告（部门每年1月31日前、政府每年3月31日前公布）",
      },
    ],
  },
  {
    code: "B00",
    name: "县级人民政府重点公开内容",
    article: "第二十一条",
    children: [
      { code: "B01", name: "市政建设", article: "第二十一条" },
      { code: "B02", name: "公共服务", article: "第二十一条" },
      { code: "B03", name: "公益事业", article: "第二十一条" },
      { code: "B04", name: "土地征收", article: "第二十一条" },
      { code: "B05", name: "房屋征收", article: "第二十一条" },
      { code: "B06", name: "治安管理", article: "第二十一条" },
      { code: "B07", name: "社会救助", article: "第二十一条" },
    ],
  },
];
