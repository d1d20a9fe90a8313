import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the public shell: language, navigation, footer from site settings, health", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const nav = page.getByRole("navigation", { name: /政府信息公开|主导航|网站导航/ }).first();
  for (const label of ["公开指南", "公开制度", "法定主动公开内容", "依申请公开", "公开年报"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  const footer = page.locator("footer");
  await expect(footer).toContainText("主办单位：青山县人民政府办公室");
  await expect(footer).toContainText("3311270001");
  await expect(footer).toContainText("浙ICP备05012345号");
  await expect(footer).toContainText("浙公网安备 33112702000123号");

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("large text and high contrast can be switched on and off from the page", async ({ page }) => {
    await page.goto("/xxgk");
    await page.getByRole("button", { name: "高对比度" }).click();
    await expect(page).toHaveURL(/\/xxgk$/);
    await expect(page.locator("html")).toHaveClass(/contrast-high/);
    await page.getByRole("button", { name: "大字版" }).click();
    await expect(page.locator("html")).toHaveClass(/text-large/);
    await page.getByRole("button", { name: "恢复默认" }).click();
    await expect(page.locator("html")).not.toHaveClass(/contrast-high|text-large/);
  });
});

test("usable at 360 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an administrator's change to the site settings shows in the public footer", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  await page.getByLabel("网站标识码").fill("12ab");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("网站标识码须为 10 位数字")).toBeVisible();
  await page.getByLabel("网站标识码").fill("3311279999");
  await page.getByLabel("承办单位").fill("青山县数据资源管理局");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "网站设置已保存" })).toBeVisible();
  await page.goto("/");
  await expect(page.locator("footer")).toContainText("3311279999");
  await expect(page.locator("footer")).toContainText("承办单位：青山县数据资源管理局");
});
