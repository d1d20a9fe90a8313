import { expect, test, type Page } from "@playwright/test";
import { addWorkingDays, buildCalendar, formatChineseDate, weekday, WEEKDAY_LABELS } from "../../lib/calendar";
import { chineseDaysSeedRows } from "../../lib/calendar/chinese-days-source";
import { signIn } from "./helpers";

// The demo database holds the national 2025–2026 schedule from chinese-days;
// the expected answers come from the same pure module the server uses.
const cal = buildCalendar({ rows: chineseDaysSeedRows([2025, 2026]), loadedYears: [2025, 2026] });
const label = (d: string) => `${formatChineseDate(d)}（${WEEKDAY_LABELS[weekday(d)]}）`;

async function calculate(page: Page, from: string, add: string, region?: string) {
  await page.goto("/ysqgk/calculator");
  await page.getByLabel("起算日期").fill(from);
  await page.getByLabel("工作日数").fill(add);
  if (region) await page.getByLabel("地区").selectOption({ label: region });
  await page.getByRole("button", { name: "计算" }).click();
  await expect(page).toHaveURL(/\/ysqgk\/calculator\?/);
}

test.describe("public deadline calculator (works without JavaScript)", () => {
  test.use({ javaScriptEnabled: false });

  test("2026-09-30 + 20 working days skips National Day and counts 10/10 (调休上班)", async ({ page, request }) => {
    const expected = addWorkingDays(cal, "2026-09-30", 20);
    expect(expected.due).toBe("2026-11-03");

    await calculate(page, "2026-09-30", "20");
    await expect(page).toHaveURL(/from=2026-09-30&add=20/);
    await expect(page.getByTestId("calc-due")).toHaveText(label(expected.due));
    await expect(page.getByText("结果为暂定")).toHaveCount(0);

    const table = page.getByRole("table", { name: /期间内的非工作日和调休上班日/ });
    for (const d of ["2026-10-01", "2026-10-02", "2026-10-07"]) {
      await expect(table.getByRole("row", { name: new RegExp(`${label(d).replace(/[()（）]/g, ".")}.*国庆节.*不计入`) })).toHaveCount(1);
    }
    const makeup = table.getByRole("row", { name: /2026年10月10日/ });
    await expect(makeup).toContainText("调休上班（国庆节）");
    await expect(makeup).toContainText("计入（调休上班）");
    await expect(table.getByRole("row", { name: /2026年10月11日/ })).toContainText("周日");
    await expect(table.getByRole("row", { name: /2026年10月8日/ })).toHaveCount(0);
    // Every skipped day the module reports is listed.
    await expect(table.locator("tbody tr")).toHaveCount(expected.skipped.length + 1);

    // The JSON API gives the same answer.
    const res = await request.get("/api/v1/calendar/working-days?from=2026-09-30&add=20");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({
      from: "2026-09-30",
      add: 20,
      due: expected.due,
      provisional: false,
      skipped: expected.skipped,
    });
  });

  test("a deadline reaching into an unloaded year is marked provisional", async ({ page }) => {
    await calculate(page, "2026-12-20", "20");
    await expect(page.getByTestId("calc-due")).toContainText("（暂定）");
    await expect(page.getByText("结果为暂定")).toBeVisible();
  });

  test("bad input gets Chinese field errors and a 400 from the API", async ({ page, request }) => {
    await calculate(page, "2026-09-30", "0");
    await expect(page.getByText("✗ 工作日数须在 1–365 之间")).toBeVisible();
    await expect(page.getByLabel("工作日数")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("calc-due")).toHaveCount(0);

    const res = await request.get("/api/v1/calendar/working-days?from=2026-13-01&add=5&region=atlantis");
    expect(res.status()).toBe(400);
    expect(await res.json()).toEqual({
      error: "查询参数有误",
      fieldErrors: { from: ["起算日期不是有效的日期"] },
    });
  });
});

test.describe("calendar administration", () => {
  test("a clerk is refused the calendar page", async ({ page }) => {
    await signIn(page, "clerk");
    await expect(page.getByRole("link", { name: "工作日历" })).toHaveCount(0);
    await page.goto("/admin/calendar");
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  });

  test("an administrator sees the month grid, adds a local holiday that moves the deadline, and removes it", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("navigation", { name: "管理菜单" }).getByRole("link", { name: "工作日历" }).click();
    const picker = page.getByRole("form", { name: "选择地区和年份" });
    await picker.getByLabel("地区", { exact: true }).selectOption({ label: "新疆维吾尔自治区" });
    await picker.getByLabel("年份", { exact: true }).fill("2026");
    await picker.getByRole("button", { name: "查看" }).click();
    await expect(page.getByRole("heading", { name: "新疆维吾尔自治区 2026 年：已载入" })).toBeVisible();

    const october = page.getByRole("table", { name: "2026年10月" });
    await expect(october.getByRole("columnheader", { name: "星期一" })).toBeVisible();
    await expect(october.locator('td[data-date="2026-10-01"]')).toContainText("休·国庆节");
    await expect(october.locator('td[data-date="2026-10-10"]')).toContainText("调休上班");
    await expect(october.locator('td[data-date="2026-10-12"]')).toContainText("工作日");
    await expect(page.getByRole("table", { name: "2026年3月" }).locator('td[data-date="2026-03-20"]')).toContainText("休·肉孜节（地方）");

    // Add: a validation error first, in Chinese.
    const form = page.locator("#day-form");
    await form.getByLabel("日期").fill("2026-11-02");
    await form.getByRole("button", { name: "添加日期" }).click();
    await expect(form.getByText("请选择类型（放假或调休上班）")).toBeVisible();
    await expect(form.getByText("请填写名称")).toBeVisible();
    await form.getByLabel("类型").selectOption("HOLIDAY");
    await form.getByLabel("名称").fill("端到端测试假日");
    await form.getByRole("button", { name: "添加日期" }).click();
    await expect(form.getByRole("status")).toContainText("2026年11月2日已添加");
    await expect(page.getByRole("table", { name: "2026年11月" }).locator('td[data-date="2026-11-02"]')).toContainText(
      "休·端到端测试假日（地方）",
    );

    const expected = addWorkingDays(
      buildCalendar({
        rows: [...chineseDaysSeedRows([2025, 2026]), { date: "2026-11-02", kind: "HOLIDAY", name: "x" }],
        loadedYears: [2026],
      }),
      "2026-09-30",
      20,
    );
    const res = await page.request.get("/api/v1/calendar/working-days?from=2026-09-30&add=20&region=xinjiang");
    expect((await res.json()).due).toBe(expected.due);
    expect(expected.due).toBe("2026-11-04");

    // Remove it again: the calendar is shared by every e2e spec.
    const row = page.getByRole("row", { name: /2026-11-02/ });
    await row.getByRole("button", { name: /删除/ }).click();
    await expect(page.getByRole("row", { name: /2026-11-02/ })).toHaveCount(0);
    const after = await page.request.get("/api/v1/calendar/working-days?from=2026-09-30&add=20&region=xinjiang");
    expect((await after.json()).due).toBe("2026-11-03");
  });
});
