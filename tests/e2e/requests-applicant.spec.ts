import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// A citizen applies online, gets the tracking number and the query code, and
// follows the case on /ysqgk/track. The first run has JavaScript disabled:
// the form, its errors and the tracking page are server-rendered.

const VALID_ID = "11010519491231002X";

async function fillApplication(page: Page, o: { name: string; description: string; department?: string }) {
  await page.getByLabel("自然人（公民）").check();
  await page.getByLabel("申请人姓名或组织名称").fill(o.name);
  await page.getByLabel("身份证明类型").selectOption({ label: "居民身份证" });
  await page.getByLabel("证件号码").fill(VALID_ID);
  await page.getByLabel("联系电话").fill("13800138000");
  await page.getByLabel("受理机关").selectOption({ label: o.department ?? "青山县发展和改革局" });
  await page.getByLabel("所需信息的名称或内容描述").fill(o.description);
  await page.getByLabel("纸质文本").check();
  await page.getByLabel("自行领取").check();
}

async function readCredentials(page: Page) {
  const trackingNo = (await page.getByTestId("tracking-no").innerText()).trim();
  const queryCode = (await page.getByTestId("query-code").innerText()).trim();
  expect(trackingNo).toMatch(/^YSQ-\d{4}-\d{6}$/);
  expect(queryCode).toMatch(/^[2-9A-Z]{10}$/);
  return { trackingNo, queryCode };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen applies online, sees field errors, gets the number and code, and tracks the case (待确认)", async ({ page }) => {
    await page.goto("/ysqgk");
    await expect(page.getByRole("heading", { level: 1, name: "依申请公开" })).toBeVisible();
    await expect(page.getByText("一事一申请").first()).toBeVisible();
    await page.getByRole("link", { name: "在线申请" }).first().click();
    await expect(page).toHaveURL(/\/ysqgk\/apply$/);

    // Bad input first: an error summary and per-field messages in Chinese; nothing stored.
    await page.getByLabel("身份证明类型").selectOption({ label: "居民身份证" });
    await page.getByLabel("证件号码").fill("110105194912310021");
    await page.getByRole("button", { name: "提交申请" }).click();
    const summary = page.locator("#form-errors");
    await expect(summary).toContainText("提交的内容有误");
    await expect(summary.getByRole("link", { name: "请选择申请人类型" })).toBeVisible();
    const idInput = page.getByLabel("证件号码");
    await expect(idInput).toHaveAttribute("aria-invalid", "true");
    // Identity numbers are never echoed back in a form's state (lib/verbs/form-action.ts): retyped below.
    await expect(idInput).toHaveValue("");
    const describedBy = (await idInput.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((x) => x.endsWith("-error"))!;
    await expect(page.locator(`[id="${errorId}"]`)).toContainText("校验位不正确");

    await fillApplication(page, { name: "张三", description: "2025年青山县城区道路改造工程的立项批复文件" });
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page.getByText("成功：申请已提交")).toBeVisible();
    await expect(page.getByText("查询码只显示这一次")).toBeVisible();
    await expect(page.getByText("以双方确认之日为收到申请之日")).toBeVisible();
    const { trackingNo, queryCode } = await readCredentials(page);

    // The printable receipt (same browser: the signed case cookie).
    await page.getByRole("link", { name: "打开回执页面" }).click();
    await expect(page.getByRole("heading", { name: "政府信息公开申请回执" })).toBeVisible();
    await expect(page.getByText(trackingNo)).toBeVisible();
    await expect(page.getByText("待确认").first()).toBeVisible();

    // A fresh browser context (no cookie): wrong code first, then the right one.
    const ctx = await page.context().browser()!.newContext({ javaScriptEnabled: false, baseURL: page.url() });
    const other = await ctx.newPage();
    await other.goto("/ysqgk/track");
    await other.getByLabel(/^申请编号/).fill(trackingNo);
    await other.getByLabel(/^查询码/).fill("AAAAAAAAAA");
    await other.getByRole("button", { name: "查询" }).click();
    await expect(other.locator("#form-errors")).toContainText("申请编号或查询码不正确");
    await other.getByLabel(/^查询码/).fill(queryCode.toLowerCase());
    await other.getByRole("button", { name: "查询" }).click();
    await expect(other.getByTestId("status-label")).toHaveText("待确认");
    await expect(other.getByText("工作人员确认收到您的申请后")).toBeVisible();
    await expect(other.locator('[aria-current="step"]')).toContainText("登记");
    // The letter URL is useless without the code.
    const anon = await page.context().browser()!.newContext({ baseURL: page.url() });
    const res = await anon.request.get("/ysqgk/track/letter");
    expect(res.status()).toBe(404);
    await anon.close();
    await ctx.close();
  });
});

test("the JSON API: POST creates an application, GET with X-Query-Code shows its status", async ({ request }) => {
  const bad = await request.post("/api/v1/requests", { data: { applicantType: "NATURAL_PERSON" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors.idNumber).toBeTruthy();
});

test("the office dashboard lists a new online application as 待确认 (and links to the case)", async ({ page, browser }) => {
  // Apply with JavaScript on this time.
  await page.goto("/ysqgk/apply");
  await fillApplication(page, { name: "李四", description: "青山县2025年教育经费预算执行情况", department: "青山县教育局" });
  await page.getByRole("button", { name: "提交申请" }).click();
  const { trackingNo } = await readCredentials(page);

  const staff = await browser.newPage();
  await signIn(staff, "office_clerk");
  await staff.goto("/admin/requests/dashboard");
  await expect(staff.getByRole("heading", { name: "依申请公开工作台" })).toBeVisible();
  await expect(staff.getByText("本级政府全部部门")).toBeVisible();
  await expect(staff.getByRole("link", { name: trackingNo }).first()).toBeVisible();

  // A clerk of another bureau does not see it; the education bureau's clerk does.
  const fin = await browser.newPage();
  await signIn(fin, "finance_clerk");
  await fin.goto("/admin/requests/dashboard");
  await expect(fin.getByRole("heading", { name: "依申请公开工作台" })).toBeVisible();
  await expect(fin.getByRole("link", { name: trackingNo })).toHaveCount(0);
  const edu = await browser.newPage();
  await signIn(edu, "edu_clerk");
  await edu.goto("/admin/requests/dashboard");
  await expect(edu.getByRole("link", { name: trackingNo }).first()).toBeVisible();
});
