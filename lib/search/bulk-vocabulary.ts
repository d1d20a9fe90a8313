// Believable disclosure items for load tests (scripts/seed-bulk.ts): titles, summaries and
// bodies assembled from real administrative vocabulary. Deterministic for a given seed.
//
// Each item has one topic, and its body mixes general administrative boilerplate with
// sentences of the topic's field (social assistance talks about 低保 and 救助, fees about
// 收费标准, recruitment about 招聘岗位). Term frequencies therefore look like a real county
// archive — a field-specific word such as 收费 or 低保 occurs in a few percent of the items,
// boilerplate words (工作, 县, 落实) in most of them — instead of every term in every third
// item, which would make every search the worst case.

type Field = { topics: string[]; sentences: string[] };

export { rng } from "@/lib/seed/rng";

const FIELDS: Record<string, Field> = {
  assistance: {
    topics: [
      "最低生活保障",
      "临时救助",
      "特困人员救助供养",
      "困难群众基本生活救助",
      "残疾人两项补贴",
      "居家养老服务",
      "学生资助",
      "退役军人优待抚恤",
    ],
    sentences: [
      "申请人应当如实提交身份证明、户口簿等材料，经村（居）民委员会初审后报乡镇人民政府审核。",
      "{p}共有{n}户{m}人纳入{t}范围，发放资金{k}万元。",
      "城乡低保标准调整为每人每月{n}元，低保对象实行动态管理，做到应保尽保、应退尽退。",
      "对弄虚作假骗取{t}资金的，依法追回并按照有关规定严肃处理。",
      "乡镇人民政府应当对申请家庭的经济状况进行入户调查，并在村（居）务公开栏公示{y}天。",
      "救助资金通过“一卡通”发放至救助对象账户，不得以现金形式发放。",
    ],
  },
  fees: {
    topics: ["行政事业性收费", "价格监测", "不动产登记", "住房公积金", "政务服务事项"],
    sentences: [
      "收费项目和收费标准按照省发展改革委、省财政厅核定的标准执行，并在办事场所公示。",
      "对小微企业、个体工商户减免{t}相关费用，减免政策执行期限为{y}年。",
      "未列入收费目录清单的项目一律不得收费，群众可拨打12345热线举报违规收费行为。",
      "不动产登记费按件收取，住宅类每件{n}元，非住宅类每件{m}元。",
      "县市场监管局定期开展价格监督检查，查处价格违法案件{n}件。",
    ],
  },
  recruitment: {
    topics: ["公务员招录", "事业单位公开招聘", "就业创业补贴"],
    sentences: [
      "招聘岗位、名额及报考条件详见附件，报名时间为{y}月{n}日至{y}月{m}日。",
      "本次公开招聘工作人员{n}名，采取笔试与面试相结合的方式进行。",
      "拟录用人员名单公示期为{y}个工作日，公示期满无异议的，按程序办理录用手续。",
      "对招用登记失业人员的企业，按规定给予社会保险补贴和岗位补贴。",
    ],
  },
  finance: {
    topics: ["财政预算", "财政决算", "政府集中采购", "公共资源交易", "国民经济和社会发展统计公报", "农村集体经济"],
    sentences: [
      "{t}资金由县财政统筹安排，实行专款专用，严禁截留、挤占、挪用。",
      "全县一般公共预算收入完成{k}万元，同比增长{y}.{n}%。",
      "“三公”经费支出{k}万元，比上年减少{n}万元，主要是严格控制公务接待和因公出国（境）支出。",
      "政府采购项目采用公开招标方式，采购预算{k}万元，中标供应商为青山县{p}建设有限公司。",
      "部门预算按照《中华人民共和国预算法》要求，在批复后二十日内向社会公开。",
    ],
  },
  construction: {
    topics: [
      "重大建设项目",
      "高标准农田建设",
      "城镇老旧小区改造",
      "农村危房改造",
      "国土空间规划",
      "征地补偿",
      "房屋征收",
      "农村宅基地审批",
    ],
    sentences: [
      "2024年以来，全县累计完成{t}项目{n}个，完成投资{k}万元。",
      "项目总投资{k}万元，建设工期{y}年，由{p}人民政府负责组织实施。",
      "征收土地补偿安置方案已在{p}公告，被征地农民可在公告之日起{y}日内申请听证。",
      "房屋征收补偿标准按照评估价格确定，被征收人可以选择货币补偿或者产权调换。",
      "建设单位应当严格落实工程质量安全责任，确保项目按期竣工验收。",
    ],
  },
  supervision: {
    topics: [
      "安全生产",
      "食品安全监督抽检",
      "双随机一公开监管",
      "行政处罚",
      "行政许可",
      "医疗保障基金监管",
      "消防安全",
      "道路交通安全",
      "校外培训机构治理",
    ],
    sentences: [
      "本次共抽检样品{n}批次，合格{m}批次，不合格样品已依法处置。",
      "对检查中发现的隐患问题，责令限期整改，依法立案查处{n}起，罚款{k}万元。",
      "行政处罚决定书已依法送达当事人，当事人如不服，可在六十日内申请行政复议。",
      "行政许可事项实行“一窗受理、并联审批”，承诺办结时限压缩至{y}个工作日。",
      "随机抽取检查对象{n}家，抽查结果通过国家企业信用信息公示系统向社会公示。",
    ],
  },
  emergency: {
    topics: ["突发事件应急预案", "防汛抗旱", "森林防火", "疫苗接种", "医疗卫生服务"],
    sentences: [
      "各乡镇要落实24小时值班制度，遇有重大险情及时报告，不得迟报、漏报、瞒报。",
      "本预案适用于本县行政区域内{t}的预防和应急处置工作。",
      "县应急管理局组织开展应急演练{n}次，参与人员{m}人次。",
      "进入森林防火期，严禁野外用火，违者依法予以处罚。",
    ],
  },
  environment: {
    topics: ["生态环境保护督察", "河湖长制", "生活垃圾分类", "乡村振兴", "耕地地力保护补贴", "城市管理", "村级公益事业一事一议"],
    sentences: [
      "中央生态环境保护督察转办的信访件已全部办结，责任单位按要求公开整改情况。",
      "全县{n}条河流落实县、乡、村三级河长，开展巡河{m}次。",
      "耕地地力保护补贴按每亩{n}元标准直接发放到户。",
      "农村人居环境整治提升行动覆盖{n}个行政村，完成农村户厕改造{m}户。",
    ],
  },
  general: {
    topics: ["优化营商环境", "城乡居民基本医疗保险", "义务教育招生"],
    sentences: [
      "义务教育阶段学校招生实行划片就近入学，招生范围由县教育局公布。",
      "城乡居民基本医疗保险个人缴费标准为每人每年{n}元，财政补助标准同步提高。",
      "推行政务服务“一网通办”，企业开办时间压缩至{y}个工作日以内。",
    ],
  },
};

/** Boilerplate every kind of document uses. */
const COMMON = [
  "为进一步做好{t}工作，根据《{law}》等有关规定，结合我县实际，制定本{d}。",
  "各乡镇人民政府、街道办事处，县直各单位要高度重视{t}，明确责任分工，确保各项措施落实到位。",
  "本{d}自发布之日起施行，有效期{y}年，由县{dept}负责解释。",
  "如有疑问，请向县{dept}咨询，联系电话0578-61{n}。",
  "经县人民政府同意，现将{t}有关事项通知如下。",
  "加强对{t}的监督检查，定期通报工作进展情况，对工作不力的单位予以约谈。",
  "建立健全{t}长效机制，推进信息化建设，提升群众满意度。",
  "请各单位于每季度结束后10个工作日内报送{t}工作进展情况。",
];

export const TOPICS = Object.values(FIELDS).flatMap((f) => f.topics);
const FIELD_OF = new Map(Object.values(FIELDS).flatMap((f) => f.topics.map((t) => [t, f] as const)));

const DOC_TYPES = [
  "实施办法",
  "管理办法",
  "工作方案",
  "实施细则",
  "实施意见",
  "工作要点",
  "考核办法",
  "专项行动方案",
  "规划",
  "公告",
  "公示",
  "情况报告",
];
const VERBS = ["印发", "转发", "进一步加强", "做好", "调整", "开展", "公布", "规范"];
const LAWS = [
  "中华人民共和国政府信息公开条例",
  "社会救助暂行办法",
  "中华人民共和国安全生产法",
  "中华人民共和国预算法",
  "中华人民共和国行政许可法",
  "中华人民共和国行政处罚法",
  "中华人民共和国土地管理法",
  "中华人民共和国环境保护法",
  "优化营商环境条例",
  "中华人民共和国政府采购法",
];
const PLACES = ["青山街道", "东溪镇", "南岭乡", "石门镇", "白沙乡", "龙泉村", "新塘村", "桃源社区", "城东社区", "西山村"];

export interface BulkItemText {
  title: string;
  summary: string;
  body: string;
  keywords: string[];
  documentNumber: string | null;
}

export function makeItemText(r: () => number, deptShort: string, year: number, seq: number): BulkItemText {
  const pick = <T>(a: readonly T[]): T => {
    const v = a[Math.floor(r() * a.length)];
    if (v === undefined) throw new Error("makeItemText: empty vocabulary list");
    return v;
  };
  const t = pick(TOPICS);
  const field = FIELD_OF.get(t);
  if (!field) throw new Error(`makeItemText: topic ${t} belongs to no field`);
  // A related topic of the same field, mentioned now and then (低保 beside 临时救助).
  const t2 = pick(field.topics);
  const d = pick(DOC_TYPES);
  const dept = deptShort.replace(/^县/, "");
  const title =
    d === "公告" || d === "公示" || d === "情况报告"
      ? `青山县${dept}关于${t}${d === "情况报告" ? "工作的" : "的"}${d}`
      : `关于${pick(VERBS)}青山县${t}${d}的通知`;
  const fill = (s: string) =>
    s
      .replace(/\{t\}/g, r() < 0.8 ? t : t2)
      .replace(/\{d\}/g, d)
      .replace(/\{law\}/g, pick(LAWS))
      .replace(/\{p\}/g, pick(PLACES))
      .replace(/\{dept\}/g, dept)
      .replace(/\{n\}/g, String(1 + Math.floor(r() * 300)))
      .replace(/\{m\}/g, String(1 + Math.floor(r() * 900)))
      .replace(/\{k\}/g, (r() * 5000).toFixed(1))
      .replace(/\{y\}/g, String(1 + Math.floor(r() * 5)));
  const [opening = "", ...rest] = COMMON;
  const sentences: string[] = [fill(opening)];
  const specific = 2 + Math.floor(r() * 3);
  for (let i = 0; i < specific; i++) sentences.push(fill(pick(field.sentences)));
  const common = 1 + Math.floor(r() * 3);
  for (let i = 0; i < common; i++) sentences.push(fill(pick(rest)));
  const summary = `${title.replace(/的通知$/, "")}，明确了${t}的适用范围、工作程序和保障措施。`;
  const hasNumber = r() < 0.6;
  return {
    title,
    summary,
    body: sentences.join(""),
    keywords: [t, d],
    documentNumber: hasNumber ? `青${dept.slice(0, 2)}发〔${year}〕${(seq % 200) + 1}号` : null,
  };
}
