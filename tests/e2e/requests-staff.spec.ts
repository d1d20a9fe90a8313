import { expect, test } from "@playwright/test";
import { civilDateInShanghai, formatChineseDate } from "@/lib/calendar/civil-date";
import { pdfText, signIn, signOut } from "./helpers";

// The staff half of disclosure on request: the first seeded online application
// (YSQ-<year>-000001, 县发改局, waiting for confirmation) is confirmed, sent
// for 补正, corrected, answered with 予以公开, signed by the director, and the
// reply letter downloads with the right dates — but not for another department.

test("clerk confirms → 补正 → correction → 予以公开 reply → director signs → letter PDF", async ({ page, browser }) => {
  const today = civilDateInShanghai(new Date());
  const number = `YSQ-${today.slice(0, 4)}-000001`;
  await signIn(page, "clerk");
  await page.getByRole("navigation", { name: "管理菜单" }).getByRole("link", { name: "依申请公开" }).click();
  await expect(page.getByRole("heading", { name: "依申请公开办理", level: 1 })).toBeVisible();
  // Overdue cases carry text and a symbol, not colour alone.
  await page.getByLabel("只看已超期或3个工作日内到期").check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText(/已超期 \d+ 个工作日/).first()).toBeVisible();
  await page.getByLabel("只看已超期或3个工作日内到期").uncheck();
  await page.getByLabel("申请编号、申请人或内容").fill(number);
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByRole("link", { name: number }).click();
  const status = page.getByTestId("case-status");
  await expect(status).toHaveText("待确认");
  await expect(page.getByTestId("clock-headline")).toContainText("尚未确认收到申请");
  // A clerk sees no sign-off.
  await expect(page.getByRole("heading", { name: "签发答复" })).toHaveCount(0);

  await page.getByRole("button", { name: "确认收到申请" }).click();
  await expect(status).toHaveText("已登记");
  await expect(page.getByTestId("receipt-date")).toHaveText(formatChineseDate(today));

  await page.getByRole("button", { name: "开始审核" }).click();
  await expect(status).toHaveText("审核中");

  // Missing items: a field-level error, nothing changes.
  await page.getByRole("button", { name: "发出补正告知" }).click();
  await expect(page.getByText("请逐项列明需要补正的全部事项").first()).toBeVisible();
  await expect(status).toHaveText("审核中");
  await page.getByLabel("需要补正的事项（每行一项）").fill("请写明所需文件的文号\n请提供身份证复印件");
  await page.getByRole("button", { name: "发出补正告知" }).click();
  await expect(status).toHaveText("待补正");
  await expect(page.getByTestId("clock-headline")).toContainText("计时暂停");

  await page.getByLabel("申请人补正的内容").fill("申请人补充了文号青发改〔2025〕12号及身份证复印件");
  await page.getByRole("button", { name: "登记补正材料" }).click();
  await expect(status).toHaveText("审核中");
  await expect(page.getByText(/重新计算20个工作日/)).toBeVisible();

  await page.getByRole("button", { name: "转入办理" }).click();
  await expect(status).toHaveText("办理中");

  await page.getByLabel("答复类型").selectOption({ label: "予以公开" });
  await page.getByLabel(/提供方式或获取途径/).fill("随本告知书向您提供该文件复印件一份（共6页）。");
  await page.getByRole("button", { name: "保存答复稿" }).click();
  await expect(status).toHaveText("答复待签发");
  const url = page.url();
  await signOut(page);

  await signIn(page, "director");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "签发答复" })).toBeVisible();
  await page.getByLabel("签发意见").selectOption({ label: "同意签发" });
  await page.getByRole("button", { name: "提交签发意见" }).click();
  await expect(status).toHaveText("答复已签发");
  const link = page.getByRole("link", { name: /下载政府信息公开申请答复告知书/ });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;

  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/pdf");
  const body = await res.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(body);
  expect(text).toContain(number);
  expect(text).toContain("政府信息公开申请答复告知书");
  expect(text).toContain(`于${formatChineseDate(today)}收到您提出的政府信息公开申请`);
  expect(text).toContain("青山县发展和改革局");
  expect(text).toContain("盖章处");

  // Another department's clerk gets 404 for both the case and the letter.
  const other = await browser.newPage();
  await signIn(other, "finance_clerk");
  expect((await other.request.get(href)).status()).toBe(404);
  const casePage = await other.goto(url);
  expect(casePage?.status()).toBe(404);
  await other.close();
});
