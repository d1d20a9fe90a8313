/**
 * Demo step "requests": three dozen disclosure applications in every stage,
 * channel, applicant type and reply type — some overdue, some with 补正,
 * consultation, extension and fees — made through the real verbs so every
 * case has a consistent event history. Dates are counted back in working days
 * from the day the seed runs (so the live clocks show due, due-soon and
 * overdue cases); everything else is fixed. Every demo application has the
 * query code DEMO_QUERY_CODE. Reply letters are generated on first download.
 */
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import type { CalendarData } from "@/lib/calendar/calendar-data";
import { addDays, type CivilDate } from "@/lib/calendar/civil-date";
import { isWorkingDay } from "@/lib/calendar/working-days";
import { departmentCalendars, todayOf } from "@/lib/requests/calendar";
import { createApplication } from "@/lib/requests/create-application";
import { registerApplication } from "@/lib/requests/register-application";
import { closeUnconfirmed, confirmApplication } from "@/lib/requests/confirm-application";
import { acceptApplication, startReview } from "@/lib/requests/review-application";
import { closeCorrectionOverdue, receiveCorrection, requestCorrection } from "@/lib/requests/correction";
import { recordConsultationAnswer, startConsultation } from "@/lib/requests/consultation";
import { decideExtension, recordExtensionNotice, requestExtension } from "@/lib/requests/extension";
import { draftReply, signReply } from "@/lib/requests/reply";
import { archiveApplication, deliverReply, withdrawApplication } from "@/lib/requests/close-case";
import { closeFeeOverdue, confirmFeePayment, issueFeeNotice } from "@/lib/requests/fees";
import { hashQueryCode } from "@/lib/requests/numbers";
import { organisationInput, personInput, residentId, uscc } from "@/lib/requests/sample-input";
import type { SubmissionChannel } from "@/lib/requests/rules/receipt-date";
import { cycle } from "./seed-disclosures-data";

export const DEMO_QUERY_CODE = "QSXXGK2026";

const PEOPLE = [
  { name: "张伟", id: residentId("331127", "19800101", "123") },
  { name: "王芳", id: residentId("331127", "19851112", "046") },
  { name: "李强", id: residentId("330102", "19720305", "017") },
  { name: "刘洋", id: residentId("331127", "19930721", "058") },
  { name: "陈静", id: residentId("331102", "19890430", "029") },
  { name: "赵磊", id: residentId("331127", "19660918", "031") },
];
const ORGS = [
  { name: "青山县宏达建材有限公司", sub: "COMMERCIAL", code: uscc("MA2A0B3C4") },
  { name: "浙西生态环境研究院", sub: "RESEARCH", code: uscc("MB1C2D3E4", "331100", "12") },
  { name: "青山县绿水公益服务中心", sub: "PUBLIC_WELFARE", code: uscc("MC3D4E5F6", "331127", "52") },
  { name: "浙江明理律师事务所", sub: "LEGAL_SERVICE", code: uscc("MD5E6F7G8", "330100", "31") },
  { name: "青山县竹溪村股份经济合作社", sub: "OTHER", code: uscc("ME7F8G9H1", "331127", "N2") },
];
const TOPICS = [
  "2025年青山县城区道路改造工程的立项批复文件",
  "青山县2025年度部门预算中“三公”经费明细",
  "竹溪村土地征收补偿安置方案及补偿标准",
  "青山县工业园区污水处理厂环境影响评价报告",
  "2025年青山县义务教育阶段学校招生划片范围",
  "青山县最低生活保障对象认定及资金发放情况",
  "县城老旧小区改造项目招标文件及中标结果",
  "青山县2024年建材产业扶持资金分配结果",
  "县发改局关于新能源项目核准的批复",
  "青山县人民医院新院区建设项目可行性研究报告",
];
const CHANNELS: SubmissionChannel[] = ["ONLINE", "IN_PERSON", "REGISTERED_MAIL", "ORDINARY_MAIL", "FAX", "EMAIL"];

/** The date n working days before `from` (n = 0: `from`, or the last working day before it if it is not one). */
function workingDaysBefore(cal: CalendarData, from: CivilDate, n: number): CivilDate {
  let d = from;
  while (!isWorkingDay(cal, d)) d = addDays(d, -1);
  for (let k = 0; k < n; k++) {
    d = addDays(d, -1);
    while (!isWorkingDay(cal, d)) d = addDays(d, -1);
  }
  return d;
}

function after(cal: CalendarData, from: CivilDate, n: number): CivilDate {
  let d = from;
  for (let k = 0; k < n;) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) k++;
  }
  return d;
}

const at = (d: CivilDate) => new Date(`${d}T02:30:00Z`);

type Step =
  | "review"
  | "accept"
  | "correction"
  | "correctionReceived"
  | "correctionOverdue"
  | "consultThird"
  | "consultOrgan"
  | "consultAnswered"
  | "extensionPending"
  | "extensionApproved"
  | "fee"
  | "feePaid"
  | "feeOverdue"
  | "draft"
  | "sign"
  | "deliver"
  | "archive"
  | "withdraw"
  | "unconfirmed";

type Spec = {
  dept: "fgj" | "czj" | "jyj";
  /** Receipt date: working days before today. */
  ago: number;
  steps: Step[];
  reply?: Record<string, unknown>;
  pending?: boolean;
  /** Deliver this many working days after receipt (default 15). */
  deliverAfter?: number;
};

const R = {
  alreadyPublic: {
    replyType: "ALREADY_PUBLIC",
    url: "https://www.qingshan.gov.cn/xxgk/fgj/",
    accessInstructions: "该信息已在青山县人民政府门户网站“政府信息公开—县发改局—规划计划”栏目主动公开。",
  },
  disclose: { replyType: "DISCLOSE", accessInstructions: "随本告知书向您提供该文件复印件一份（共6页）。" },
  partial: {
    replyType: "PARTIAL",
    accessInstructions: "随本告知书提供该报告可以公开的部分（共42页）。",
    withheldReason: "报告附件中含有企业的工艺参数和报价，属于商业秘密，第三方不同意公开，已作遮盖处理。",
    exemptionCodes: ["THIRD_PARTY"],
  },
  withhold: { replyType: "WITHHOLD", exemptionCodes: ["PROCESS_INFO"], reason: "您申请的材料为内部讨论记录和请示报告，属于过程性信息。" },
  notExist: {
    replyType: "NOT_EXIST",
    subReason: "NOT_HELD",
    explanation: "经检索，本机关未制作或获取该信息。",
    searchRecord: "检索了本机关2023年至2025年发文目录、收文登记簿和档案系统，关键词“新能源项目核准”。",
  },
  notOurs: {
    replyType: "NOT_OURS",
    reason: "该信息由县住房和城乡建设局制作并保存。",
    responsibleOrganName: "青山县住房和城乡建设局",
    responsibleOrganContact: "0578-6121701",
  },
  petition: {
    replyType: "NOT_PROCESSED",
    subReason: "PETITION",
    explanation: "您的来信反映的是对邻近工地施工噪声的投诉，不属于政府信息公开申请。",
    channel: "青山县12345政务服务热线或县信访局（青山街道人民路1号）",
  },
  repeat: {
    replyType: "NOT_PROCESSED",
    subReason: "REPEAT",
    explanation: "您申请公开的信息与此前申请相同。",
    previousReplyReference: "县发改局依申复〔2026〕1号",
  },
  needsCreation: {
    replyType: "NOT_EXIST",
    subReason: "NEEDS_CREATION",
    explanation: "您要求的统计分析需要对现有信息进行加工、分析，本机关不予提供。",
  },
} as const;

const SPECS: Spec[] = [
  // 登记: awaiting confirmation
  { dept: "fgj", ago: 0, steps: [], pending: true },
  { dept: "fgj", ago: 1, steps: [], pending: true },
  { dept: "czj", ago: 0, steps: [], pending: true },
  { dept: "fgj", ago: 2, steps: ["unconfirmed"], pending: true },
  { dept: "fgj", ago: 0, steps: [] },
  { dept: "fgj", ago: 1, steps: [] },
  // 审核
  { dept: "fgj", ago: 2, steps: ["review"] },
  { dept: "fgj", ago: 4, steps: ["review", "correction"] },
  { dept: "fgj", ago: 30, steps: ["review", "correction"] },
  { dept: "fgj", ago: 12, steps: ["review", "correction", "correctionReceived"] },
  { dept: "jyj", ago: 40, steps: ["review", "correction", "correctionOverdue"] },
  // 办理
  { dept: "fgj", ago: 5, steps: ["review", "accept"] },
  { dept: "fgj", ago: 12, steps: ["review", "accept"] },
  { dept: "fgj", ago: 18, steps: ["review", "accept"] },
  { dept: "fgj", ago: 24, steps: ["review", "accept"] },
  { dept: "czj", ago: 23, steps: ["review", "accept"] },
  { dept: "fgj", ago: 10, steps: ["review", "accept", "consultThird"] },
  { dept: "fgj", ago: 14, steps: ["review", "accept", "consultOrgan"] },
  { dept: "fgj", ago: 16, steps: ["review", "accept", "extensionPending"] },
  { dept: "fgj", ago: 26, steps: ["review", "accept", "extensionApproved"] },
  { dept: "fgj", ago: 9, steps: ["review", "accept", "fee"] },
  { dept: "fgj", ago: 15, steps: ["review", "accept", "fee", "feePaid"] },
  { dept: "czj", ago: 45, steps: ["review", "accept", "fee", "feeOverdue"] },
  // 答复
  { dept: "fgj", ago: 13, steps: ["review", "accept", "draft"], reply: R.disclose },
  { dept: "fgj", ago: 17, steps: ["review", "accept", "consultThird", "consultAnswered", "draft"], reply: R.partial },
  { dept: "fgj", ago: 11, steps: ["review", "accept", "draft", "sign"], reply: R.alreadyPublic },
  { dept: "fgj", ago: 30, steps: ["review", "accept", "draft", "sign", "deliver"], reply: R.disclose },
  { dept: "fgj", ago: 32, steps: ["review", "accept", "consultThird", "consultAnswered", "draft", "sign", "deliver"], reply: R.withhold },
  { dept: "fgj", ago: 34, steps: ["review", "accept", "draft", "sign", "deliver"], reply: R.notExist },
  { dept: "fgj", ago: 36, steps: ["review", "draft", "sign", "deliver"], reply: R.notOurs, deliverAfter: 6 },
  { dept: "fgj", ago: 38, steps: ["review", "draft", "sign", "deliver"], reply: R.petition, deliverAfter: 4 },
  { dept: "fgj", ago: 45, steps: ["review", "accept", "draft", "sign", "deliver"], reply: R.needsCreation, deliverAfter: 24 },
  { dept: "czj", ago: 40, steps: ["review", "accept", "draft", "sign", "deliver"], reply: R.disclose },
  { dept: "jyj", ago: 42, steps: ["review", "accept", "draft", "sign", "deliver"], reply: R.alreadyPublic },
  { dept: "fgj", ago: 20, steps: ["review", "draft", "sign", "deliver"], reply: R.repeat, deliverAfter: 5 },
  // 归档
  { dept: "fgj", ago: 60, steps: ["review", "accept", "draft", "sign", "deliver", "archive"], reply: R.disclose },
  { dept: "fgj", ago: 55, steps: ["review", "accept", "draft", "sign", "deliver", "archive"], reply: R.partial },
  { dept: "fgj", ago: 8, steps: ["review", "withdraw"] },
];

async function actorFor(client: Db, username: string): Promise<SessionUser> {
  const u = await client.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, username: true, displayName: true, roles: true, departmentId: true, department: { select: { name: true } } },
  });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    departmentId: u.departmentId,
    departmentName: u.department.name,
    sessionId: "seed",
  };
}

export async function seedRequests(client: Db): Promise<void> {
  const today = todayOf(new Date());
  const depts = {
    fgj: await client.department.findUniqueOrThrow({ where: { code: "002581101" }, select: { id: true } }),
    czj: await client.department.findUniqueOrThrow({ where: { code: "002581102" }, select: { id: true } }),
    jyj: await client.department.findUniqueOrThrow({ where: { code: "002581103" }, select: { id: true } }),
  };
  // Dates are counted on each handling department's calendar, as the verbs count them.
  const calendarOf = await departmentCalendars(
    Object.values(depts).map((d) => d.id),
    client,
  );
  const staff = {
    fgj: { clerk: await actorFor(client, "clerk"), director: await actorFor(client, "director") },
    czj: { clerk: await actorFor(client, "finance_clerk"), director: await actorFor(client, "finance_director") },
    jyj: { clerk: await actorFor(client, "edu_clerk"), director: await actorFor(client, "edu_director") },
  };

  for (const [i, s] of SPECS.entries()) {
    const deptId = depts[s.dept].id;
    const cal = calendarOf(deptId);
    const { clerk, director } = staff[s.dept];
    const rotated = cycle(CHANNELS, i);
    // Waiting for confirmation only happens on channels confirmed with the applicant.
    const channel: SubmissionChannel = s.pending && (rotated === "IN_PERSON" || rotated === "REGISTERED_MAIL") ? "ONLINE" : rotated;
    const isOrg = i % 3 === 2;
    const person = cycle(PEOPLE, i);
    const org = cycle(ORGS, i);
    const topic = cycle(TOPICS, i);
    const base = isOrg
      ? organisationInput(deptId, {
          applicantName: org.name,
          organizationSubtype: org.sub,
          idNumber: org.code,
          description: topic,
          needsAssistance: false,
        })
      : personInput(deptId, {
          applicantName: person.name,
          idNumber: person.id,
          description: topic,
          needsAssistance: i === 7,
          assistanceNote: i === 7 ? "申请人视力障碍，需要大字版答复" : "",
        });
    const receipt = workingDaysBefore(cal, today, s.ago);
    const day = (n: number) => (n <= 0 ? receipt : after(cal, receipt, n));
    const opts = (n: number) => ({ now: at(day(n) > today ? today : day(n)) });

    let id: string;
    let number: string;
    if (channel === "ONLINE" || (s.pending && channel !== "IN_PERSON" && channel !== "REGISTERED_MAIL")) {
      const submitted = s.pending ? receipt : workingDaysBefore(cal, receipt, 1);
      if (channel === "ONLINE") {
        const c = await createApplication(base, { now: at(submitted) });
        id = c.id;
        number = c.number;
      } else {
        const c = await registerApplication(
          clerk,
          { ...base, channel, submittedOn: submitted, arrivedOn: submitted },
          { now: at(submitted), notify: false },
        );
        id = c.id;
        number = c.number;
      }
      if (!s.pending) await confirmApplication(clerk, { id }, { now: at(receipt) });
    } else {
      const dates =
        channel === "IN_PERSON"
          ? { submittedOn: receipt }
          : channel === "REGISTERED_MAIL"
            ? { submittedOn: workingDaysBefore(cal, receipt, 2), signedForOn: receipt }
            : { submittedOn: receipt, arrivedOn: receipt, confirmedOn: receipt };
      const c = await registerApplication(clerk, { ...base, channel, ...dates }, { now: at(receipt), notify: false });
      id = c.id;
      number = c.number;
    }

    let t = 0;
    for (const step of s.steps) {
      switch (step) {
        case "unconfirmed":
          await closeUnconfirmed(clerk, { id, reason: "申请人留存的电话和邮箱均无法联系，无法确认申请" }, opts(3));
          break;
        case "review":
          await startReview(clerk, { id }, opts(t));
          break;
        case "accept":
          t = Math.max(t, 1);
          await acceptApplication(clerk, { id }, opts(t));
          break;
        case "correction":
          t = 2;
          await requestCorrection(
            clerk,
            {
              id,
              items: ["请写明所需文件的名称、文号或者便于查询的其他特征性描述", "请提供身份证明复印件"],
              guidance: "可到县政务服务中心政府信息公开窗口咨询。",
            },
            opts(t),
          );
          break;
        case "correctionReceived":
          t = 6;
          await receiveCorrection(clerk, { id, content: "申请人补充了文件名称和文号，并提交了身份证复印件。" }, opts(t));
          break;
        case "correctionOverdue":
          await closeCorrectionOverdue(clerk, { id }, opts(25));
          break;
        case "consultThird":
          t += 2;
          await startConsultation(
            clerk,
            {
              id,
              kind: "THIRD_PARTY",
              partyName: cycle(ORGS, 0).name,
              partyAddress: "青山县工业园区纬三路12号",
              matter: "申请公开的材料含贵公司的报价和工艺参数，是否同意公开",
              sentOn: day(t),
            },
            opts(t),
          );
          break;
        case "consultOrgan":
          t += 2;
          await startConsultation(
            clerk,
            {
              id,
              kind: "OTHER_ORGAN",
              partyName: "青山县自然资源和规划局",
              matter: "该批复由两局联合制作，请提出是否公开的意见",
              sentOn: day(t),
            },
            opts(t),
          );
          break;
        case "consultAnswered":
          t += 5;
          await recordConsultationAnswer(
            clerk,
            { id, outcome: "DISAGREE", opinion: "涉及商业秘密，不同意公开报价部分", answeredOn: day(t) },
            opts(t),
          );
          break;
        case "extensionPending":
          t = 15;
          await requestExtension(clerk, { id, days: 15, reason: "申请内容涉及2019年以来的多批档案，需调阅整理" }, opts(t));
          break;
        case "extensionApproved":
          t = 17;
          await requestExtension(clerk, { id, days: 20, reason: "需征求多个部门意见并整理大量资料" }, opts(t));
          await decideExtension(director, { id, approve: true, comment: "同意延长20个工作日" }, opts(t + 1));
          await recordExtensionNotice(clerk, { id, method: "邮寄延期答复告知书" }, opts(t + 1));
          t += 1;
          break;
        case "fee":
          t += 2;
          await issueFeeNotice(
            clerk,
            {
              id,
              method: "PER_VOLUME",
              pages: 150,
              paymentInstructions:
                "请到青山县政务服务中心财政窗口缴纳，或转账至青山县财政局非税收入专户（开户行：青山县农商银行，账号 2010 0000 1234 5678）。",
            },
            opts(t),
          );
          break;
        case "feePaid":
          t += 3;
          await confirmFeePayment(clerk, { id, amountYuan: 1700, reference: "FS2026-0031" }, opts(t));
          break;
        case "feeOverdue":
          await closeFeeOverdue(clerk, { id }, opts(t + 23));
          break;
        case "draft":
          t += 3;
          await draftReply(clerk, { id, decision: s.reply }, opts(t));
          break;
        case "sign": {
          t += 1;
          const draft = await client.applicationReply.findFirstOrThrow({
            where: { applicationId: id, status: "DRAFT" },
            select: { contentHash: true },
          });
          await signReply(director, { id, contentHash: draft.contentHash, comment: "同意" }, opts(t));
          break;
        }
        case "deliver":
          t = Math.max(t + 1, s.deliverAfter ?? 15);
          await deliverReply(
            clerk,
            { id, method: channel === "EMAIL" || channel === "ONLINE" ? "电子邮件" : "邮寄（交邮）", deliveredOn: day(t) },
            opts(t),
          );
          break;
        case "archive":
          await archiveApplication(clerk, { id }, opts(t + 2));
          break;
        case "withdraw":
          await withdrawApplication(clerk, { id, reason: "申请人电话告知已通过其他途径获得该信息，申请撤回" }, opts(3));
          break;
      }
    }
    await client.disclosureApplication.update({ where: { id }, data: { queryCodeHash: hashQueryCode(number, DEMO_QUERY_CODE) } });
  }
}
