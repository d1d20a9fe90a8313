import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const A01_NAME = "行政法规、规章和规范性文件";

test("an administrator adds a sub-category under A01 and citizens see it in the catalogue", async ({ page, browser }) => {
  // Unique per run (codes are 1–10 capitals/digits): "A01E" + 5 characters.
  const suffix = Date.now().toString(36).toUpperCase().slice(-5);
  const code = `A01E${suffix}`;
  const name = `端到端测试分类${suffix}`;

  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "管理菜单" }).getByRole("link", { name: "主题分类" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "主题分类" })).toBeVisible();
  const tree = page.getByRole("table", { name: "主题分类树" });
  await expect(tree.getByRole("rowheader", { name: A01_NAME, exact: true })).toBeVisible();
  await expect(tree.getByRole("cell", { name: "A01", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "新建分类" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建分类" })).toBeVisible();

  // Bad input first: field-level messages, nothing stored.
  await page.getByLabel("分类代码").fill("a-1");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "提交的内容有误" })).toBeVisible();
  await expect(page.getByText("分类代码须为 1–10 位数字或大写字母")).toBeVisible();
  await expect(page.getByText("请填写分类名称")).toBeVisible();

  // A code that is taken is refused on its field.
  await page.getByLabel("分类代码").fill("A01");
  await page.getByLabel("分类名称").fill(name);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("该分类代码已被使用")).toBeVisible();

  await page.getByLabel("分类代码").fill(code);
  await page.getByLabel("分类名称").fill(name);
  await page.getByLabel("上级分类").selectOption({ label: `A01 ${A01_NAME}` });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "✓ 分类已创建。" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `编辑分类：${name}` })).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");

  // The staff view of the public catalogue: the new category sits under A01.
  await page.goto("/xxgk/catalog");
  const a01 = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: A01_NAME, exact: true }) });
  await expect(a01.getByRole("link", { name, exact: true })).toBeVisible();

  // A citizen (no session, so the server's page cache applies) sees it too; the cache is
  // cleared by the change's notification, so allow a moment and reload.
  const citizen = await browser.newContext();
  const cp = await citizen.newPage();
  await expect(async () => {
    await cp.goto("/xxgk/catalog");
    await expect(cp.getByRole("main").getByRole("link", { name, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await cp.getByRole("main").getByRole("link", { name, exact: true }).click();
  await expect(cp.getByRole("heading", { level: 1, name })).toBeVisible();
  // No article of its own: it carries its parent's.
  await expect(cp.getByText("第二十条第（一）项").first()).toBeVisible();

  // Unused, so the administrator may delete it again; it leaves the catalogue.
  await page.goto(editUrl);
  await page.getByRole("button", { name: "删除分类" }).click();
  await expect(page.getByRole("status").filter({ hasText: "✓ 分类已删除。" })).toBeVisible();
  await expect(page.getByRole("table", { name: "主题分类树" }).getByRole("cell", { name: code, exact: true })).toHaveCount(0);
  await expect(async () => {
    await cp.goto("/xxgk/catalog");
    await expect(cp.getByRole("link", { name, exact: true })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await citizen.close();
});

test("a clerk gets the forbidden page for the category administration", async ({ page }) => {
  await signIn(page, "clerk");
  await expect(page.getByRole("navigation", { name: "管理菜单" }).getByRole("link", { name: "主题分类" })).toHaveCount(0);
  await page.goto("/admin/categories");
  await expect(page).toHaveURL(/\/admin\/forbidden/);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await page.goto("/admin/categories/new");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});
