import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

// A clerk adjusts a fee standard → the reviewer clears it → the director signs and
// publishes → citizens see the new standard, the old one as 已调整, and the Excel download
// of the current schedule carries the new standard.

const FEE = "价格认定工本费";

async function as(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, username);
  return page;
}

async function act(page: Page, url: string, button: string, done: string) {
  await page.goto(url);
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
}

test("fee adjustment goes through review and sign-off before citizens see it", async ({ browser }) => {
  test.setTimeout(120_000);
  const clerk = await as(browser, "clerk");
  await clerk.goto("/admin/structured/fees");
  await clerk.getByRole("link", { name: FEE, exact: true }).click();
  await expect(clerk.getByText("30.00 元/件")).toBeVisible();
  // A full page load of the adjustment form (a client-side navigation can still be
  // rendering when the field is typed into on a loaded machine).
  const adjustHref = await clerk.getByRole("link", { name: "调整收费标准" }).getAttribute("href");
  await clerk.goto(adjustHref!);
  await expect(clerk.getByRole("heading", { level: 1, name: `调整收费标准：${FEE}` })).toBeVisible();
  await clerk.waitForLoadState("networkidle");
  const amount = clerk.getByLabel("收费金额（元）");
  await expect(async () => {
    await amount.fill("25.00");
    await expect(amount).toHaveValue("25.00", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await clerk.getByRole("button", { name: "保存调整（草稿）" }).click();
  await expect(clerk.getByText("已保存为草稿")).toBeVisible();
  // The saved draft's form shows what was stored.
  await expect(clerk.getByLabel("收费金额（元）")).toHaveValue("25.00");
  const itemUrl = new URL(clerk.url()).pathname;
  expect(itemUrl).toMatch(/^\/admin\/structured\/fees\/[^/]+$/);
  await act(clerk, itemUrl, "提交保密审查", "已提交保密审查");

  // Not public yet.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/xxgk/fees?q=${encodeURIComponent(FEE)}`);
  await expect(citizen.getByTestId("fee-row")).toHaveCount(1);
  await expect(citizen.getByTestId("fee-standard")).toHaveText("30.00 元/件");

  const reviewer = await as(browser, "reviewer");
  await act(reviewer, itemUrl, "保密审查通过（可以公开）", "保密审查已通过");

  const director = await as(browser, "director");
  await act(director, itemUrl, "签发", "已签发");
  await citizen.reload();
  await expect(citizen.getByTestId("fee-row")).toHaveCount(1);
  await act(director, itemUrl, "发布", "已发布");

  // Public now (the public cache is cleared by the publication's NOTIFY, delivered on
  // commit — allow it a moment): the new standard in force, the old one 已调整 pointing to it.
  const valid = citizen.locator('[data-testid="fee-row"][data-status="VALID"]');
  const adjusted = citizen.locator('[data-testid="fee-row"][data-status="ADJUSTED"]');
  await expect(async () => {
    await citizen.goto(`/xxgk/fees?q=${encodeURIComponent(FEE)}`);
    await expect(valid.getByTestId("fee-standard")).toHaveText("25.00 元/件", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(adjusted.getByTestId("fee-standard")).toHaveText("30.00 元/件");
  await expect(adjusted.getByTestId("fee-status")).toHaveText("已调整");
  await expect(adjusted.getByRole("link", { name: FEE })).toHaveCount(2);

  // The Excel download of the current schedule.
  const [download] = await Promise.all([citizen.waitForEvent("download"), citizen.getByRole("link", { name: "下载 Excel" }).click()]);
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("收费项目目录")!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const nameCol = header.indexOf("收费项目名称");
  const standardCol = header.indexOf("收费标准");
  const statusCol = header.indexOf("状态");
  const rows: Array<{ name: string; standard: string; status: string }> = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push({ name: row.getCell(nameCol).text, standard: row.getCell(standardCol).text, status: row.getCell(statusCol).text });
  });
  const mine = rows.filter((r) => r.name === FEE);
  expect(mine).toEqual([{ name: FEE, standard: "25.00 元/件", status: "有效" }]);
  expect(rows.length).toBeGreaterThan(20);
});
