import { expect, test, type Browser, type Page } from "@playwright/test";
import { civilDateInShanghai, formatChineseDate } from "@/lib/calendar/civil-date";
import { pdfText, signIn } from "./helpers";

// The whole on-request chain through the real UI, as the issue asks: a citizen
// applies online (tracking number and query code shown once) → a clerk, in
// another browser, confirms receipt → asks for 补正 → the citizen answers online
// on /ysqgk/track → the clerk drafts a reply → a director (another user) signs
// → the citizen downloads the reply letter and it carries the right dates.
// Everything happens today, so the dates are told apart by their wording; the
// due date is the 20 working days restarted from the day the 补正 arrived.

const ID_NUMBER = "11010519491231002X";
const DEPARTMENT = "青山县发展和改革局";

async function staffPage(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL });
  const page = await ctx.newPage();
  await signIn(page, username);
  return page;
}

test("citizen applies → clerk confirms → 补正 → citizen corrects online → reply signed by a director → citizen downloads the letter with the right dates", async ({
  page: applyPage,
  browser,
  baseURL,
}) => {
  let page = applyPage;
  const today = civilDateInShanghai(new Date());
  const D = formatChineseDate(today);

  // 1. The citizen applies online; the number and the query code are shown once.
  await page.goto("/ysqgk/apply");
  await page.getByLabel("自然人（公民）").check();
  await page.getByLabel("申请人姓名或组织名称").fill("王五");
  await page.getByLabel("身份证明类型").selectOption({ label: "居民身份证" });
  await page.getByLabel("证件号码").fill(ID_NUMBER);
  await page.getByLabel("联系电话").fill("13900139000");
  await page.getByLabel("受理机关").selectOption({ label: DEPARTMENT });
  await page.getByLabel("所需信息的名称或内容描述").fill("青山县2025年以工代赈项目的资金安排文件（全流程测试）");
  await page.getByLabel("纸质文本").check();
  await page.getByLabel("自行领取").check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("成功：申请已提交")).toBeVisible();
  await expect(page.getByText("查询码只显示这一次")).toBeVisible();
  const trackingNo = (await page.getByTestId("tracking-no").innerText()).trim();
  const queryCode = (await page.getByTestId("query-code").innerText()).trim();
  expect(trackingNo).toMatch(/^YSQ-\d{4}-\d{6}$/);
  expect(queryCode).toMatch(/^[2-9A-Z]{10}$/);

  // 2. A clerk of the bureau, in a second browser context, confirms receipt (the clock starts today).
  const clerk = await staffPage(browser, baseURL!, "clerk");
  await clerk.goto("/admin/requests");
  await clerk.getByLabel("申请编号、申请人或内容").fill(trackingNo);
  await clerk.getByRole("button", { name: "筛选" }).click();
  await clerk.getByRole("link", { name: trackingNo }).click();
  const status = clerk.getByTestId("case-status");
  await expect(status).toHaveText("待确认");
  await clerk.getByRole("button", { name: "确认收到申请" }).click();
  await expect(status).toHaveText("已登记");
  await expect(clerk.getByTestId("receipt-date")).toHaveText(D);
  const caseUrl = clerk.url();

  // 3. Review, and ask for 补正 listing every item at once.
  await clerk.getByRole("button", { name: "开始审核" }).click();
  await expect(status).toHaveText("审核中");
  await clerk.getByLabel("需要补正的事项（每行一项）").fill("请写明所需文件的文号或发文日期\n请说明所需信息的年度范围");
  await clerk.getByRole("button", { name: "发出补正告知" }).click();
  await expect(status).toHaveText("待补正");

  // 4. The citizen comes back later (a fresh browser: no case cookie from the submission),
  // opens the case with the number and the code, and answers the 补正 online.
  const citizenCtx = await browser.newContext({ baseURL });
  page = await citizenCtx.newPage();
  await page.goto("/ysqgk/track");
  await page.getByLabel(/^申请编号/).fill(trackingNo);
  await page.getByLabel(/^查询码/).fill(queryCode);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("receipt-date")).toContainText(D);
  await expect(page.getByRole("heading", { name: "补正告知" })).toBeVisible();
  await expect(page.getByText("请写明所需文件的文号或发文日期")).toBeVisible();
  await page.getByLabel(/^补正内容/).fill("所需文件为青发改〔2025〕18号，年度范围为2025年全年。");
  await page.getByRole("button", { name: "提交补正" }).click();
  await expect(page.getByText("补正已提交")).toBeVisible();
  await expect(page.getByText(`已于${D}收到补正`).first()).toBeVisible();

  // The due date shown to the citizen is the 20 working days restarted from the 补正's arrival,
  // computed independently with the public calendar API.
  const calc = await page.request.get(`/api/v1/calendar/working-days?from=${today}&add=20`);
  expect(calc.status()).toBe(200);
  const expectedDue = (await calc.json()).due as string;
  await expect(page.getByTestId("due-date")).toHaveText(formatChineseDate(expectedDue));
  await expect(page.getByText(`申请人于${D}提交补正，答复期限自收到补正申请之日起重新计算20个工作日`).first()).toBeVisible();

  // 5. The clerk sees the correction, accepts the case and drafts a 予以公开 reply.
  await clerk.goto(caseUrl);
  await expect(status).toHaveText("审核中");
  await clerk.getByRole("button", { name: "转入办理" }).click();
  await expect(status).toHaveText("办理中");
  await clerk.getByLabel("答复类型").selectOption({ label: "予以公开" });
  await clerk.getByLabel(/提供方式或获取途径/).fill("随本告知书向您提供该文件的电子版，请在办理进度查询页面下载。");
  await clerk.getByRole("button", { name: "保存答复稿" }).click();
  await expect(status).toHaveText("答复待签发");
  // The drafter cannot sign.
  await expect(clerk.getByRole("heading", { name: "签发答复" })).toHaveCount(0);

  // 6. A director — another user — signs.
  const director = await staffPage(browser, baseURL!, "director");
  await director.goto(caseUrl);
  await expect(director.getByRole("heading", { name: "签发答复" })).toBeVisible();
  await director.getByLabel("签发意见").selectOption({ label: "同意签发" });
  await director.getByRole("button", { name: "提交签发意见" }).click();
  await expect(director.getByTestId("case-status")).toHaveText("答复已签发");

  // 7. The citizen's page offers the letter; it downloads with the right dates in it.
  await page.goto("/ysqgk/track");
  const download = page.getByRole("link", { name: "下载答复书（PDF）" });
  await expect(download).toBeVisible();
  await expect(page.getByTestId("due-date")).toHaveText(formatChineseDate(expectedDue));
  const res = await page.request.get((await download.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/pdf");
  const body = await res.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(body);
  expect(text).toContain("政府信息公开申请答复告知书");
  expect(text).toContain(trackingNo);
  // Receipt date (the day the clerk confirmed, Art. 31) and the day the 补正 arrived.
  expect(text).toContain(`本机关于${D}收到您提出的政府信息公开申请（申请编号：${trackingNo}），并于${D}收到您的补正申请。`);
  // The letter date under the issuing organ, and the receipt date in the footer.
  expect(text).toContain(`${DEPARTMENT}${D}`);
  expect(text).toContain(`收到申请日期：${D}`);
  expect(text).toContain("予以公开");
  expect(text).toContain("盖章处");

  await clerk.context().close();
  await director.context().close();
  await citizenCtx.close();
});
