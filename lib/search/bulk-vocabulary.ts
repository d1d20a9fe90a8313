// Believable disclosure items for load tests (scripts/seed-bulk.ts): titles, summaries and
// bodies assembled from real administrative vocabulary. Deterministic for a given seed.

export const TOPICS = [
  "最低生活保障", "城乡居民基本医疗保险", "行政事业性收费", "公务员招录", "事业单位公开招聘", "耕地地力保护补贴",
  "农村危房改造", "安全生产", "食品安全监督抽检", "重大建设项目", "政府集中采购", "财政预算", "财政决算",
  "义务教育招生", "就业创业补贴", "突发事件应急预案", "生态环境保护督察", "防汛抗旱", "森林防火", "征地补偿",
  "国土空间规划", "公共资源交易", "居家养老服务", "残疾人两项补贴", "临时救助", "特困人员救助供养", "退役军人优待抚恤",
  "住房公积金", "不动产登记", "优化营商环境", "双随机一公开监管", "行政处罚", "行政许可", "政务服务事项",
  "乡村振兴", "高标准农田建设", "河湖长制", "生活垃圾分类", "城镇老旧小区改造", "校外培训机构治理", "疫苗接种",
  "医疗保障基金监管", "价格监测", "国民经济和社会发展统计公报", "农村集体经济", "道路交通安全", "消防安全", "城市管理",
  "房屋征收", "农村宅基地审批", "村级公益事业一事一议", "困难群众基本生活救助", "学生资助", "医疗卫生服务",
];

const DOC_TYPES = ["实施办法", "管理办法", "工作方案", "实施细则", "实施意见", "工作要点", "考核办法", "专项行动方案", "规划", "公告", "公示", "情况报告"];
const VERBS = ["印发", "转发", "进一步加强", "做好", "调整", "开展", "公布", "规范"];
const LAWS = ["中华人民共和国政府信息公开条例", "社会救助暂行办法", "中华人民共和国安全生产法", "中华人民共和国预算法", "中华人民共和国行政许可法", "中华人民共和国行政处罚法", "中华人民共和国土地管理法", "中华人民共和国环境保护法", "优化营商环境条例", "中华人民共和国政府采购法"];
const PLACES = ["青山街道", "东溪镇", "南岭乡", "石门镇", "白沙乡", "龙泉村", "新塘村", "桃源社区", "城东社区", "西山村"];

const SENTENCES = [
  "为进一步做好{t}工作，根据《{law}》等有关规定，结合我县实际，制定本{d}。",
  "各乡镇人民政府、街道办事处，县直各单位要高度重视{t}，明确责任分工，确保各项措施落实到位。",
  "{t}资金由县财政统筹安排，实行专款专用，严禁截留、挤占、挪用。",
  "申请人应当如实提交身份证明、户口簿等材料，经村（居）民委员会初审后报乡镇人民政府审核。",
  "收费项目和收费标准按照省发展改革委、省财政厅核定的标准执行，并在办事场所公示。",
  "{p}共有{n}户{m}人纳入{t}范围，发放资金{k}万元。",
  "对弄虚作假骗取{t}资金的，依法追回并按照有关规定严肃处理。",
  "本{d}自发布之日起施行，有效期{y}年，由县{dept}负责解释。",
  "公示期间，如有异议，请向县{dept}反映，联系电话0578-61{n}。",
  "招聘岗位、名额及报考条件详见附件，报名时间为{y}月{n}日至{y}月{m}日。",
  "经县人民政府同意，现将{t}有关事项通知如下。",
  "加强对{t}的监督检查，定期通报工作进展情况，对工作不力的单位予以约谈。",
  "建立健全{t}长效机制，推进信息化建设，提升群众满意度。",
  "2024年以来，全县累计完成{t}项目{n}个，完成投资{k}万元。",
  "请各单位于每季度结束后10个工作日内报送{t}工作进展情况。",
];

export interface BulkItemText {
  title: string;
  summary: string;
  body: string;
  keywords: string[];
  documentNumber: string | null;
}

/** A small fast PRNG (mulberry32) so a run is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeItemText(r: () => number, deptShort: string, year: number, seq: number): BulkItemText {
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const t = pick(TOPICS);
  const t2 = pick(TOPICS);
  const d = pick(DOC_TYPES);
  const title =
    d === "公告" || d === "公示" || d === "情况报告"
      ? `青山县${deptShort.replace(/^县/, "")}关于${t}${d === "情况报告" ? "工作的" : "的"}${d}`
      : `关于${pick(VERBS)}青山县${t}${d}的通知`;
  const fill = (s: string) =>
    s
      .replace(/\{t\}/g, r() < 0.7 ? t : t2)
      .replace(/\{d\}/g, d)
      .replace(/\{law\}/g, pick(LAWS))
      .replace(/\{p\}/g, pick(PLACES))
      .replace(/\{dept\}/g, deptShort.replace(/^县/, ""))
      .replace(/\{n\}/g, String(1 + Math.floor(r() * 300)))
      .replace(/\{m\}/g, String(1 + Math.floor(r() * 900)))
      .replace(/\{k\}/g, String((r() * 5000).toFixed(1)))
      .replace(/\{y\}/g, String(1 + Math.floor(r() * 5)));
  const n = 4 + Math.floor(r() * 6);
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) sentences.push(fill(pick(SENTENCES)));
  const summary = `${title.replace(/的通知$/, "")}，明确了${t}的适用范围、工作程序和保障措施。`;
  const hasNumber = r() < 0.6;
  return {
    title,
    summary,
    body: sentences.join(""),
    keywords: [t, d],
    documentNumber: hasNumber ? `青${deptShort.replace(/^县/, "").slice(0, 2)}发〔${year}〕${(seq % 200) + 1}号` : null,
  };
}
