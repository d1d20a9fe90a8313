import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

const ROLES = [
  { username: "clerk", name: "何晓燕", role: "信息员" },
  { username: "reviewer", name: "许志强", role: "保密审查员" },
  { username: "director", name: "陈志远", role: "办公室主任/分管领导" },
  { username: "principal", name: "马国华", role: "主要领导" },
  { username: "admin", name: "系统管理员", role: "系统管理员" },
];

test.describe("staff sign-in for every demo role", () => {
  for (const r of ROLES) {
    test(`${r.role} signs in, is refused admin-only pages unless admin, and signs out`, async ({ page }) => {
      await signIn(page, r.username);
      await expect(page.getByTestId("current-user")).toContainText(r.name);
      await expect(page.getByTestId("current-user")).toContainText(r.role);
      await page.goto("/admin/users");
      if (r.username === "admin") {
        await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
      } else {
        // The outsider is refused…
        await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
        await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
      }
      await signOut(page);
      // …and after sign-out the staff area asks for sign-in again.
      await page.goto("/admin");
      await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin/);
    });
  }
});

test("anonymous visitors are sent to sign-in", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fusers/);
  await expect(page.getByRole("heading", { name: "政府信息公开管理系统" })).toBeVisible();
});

test("a wrong password gets a clear Chinese message", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill("edu_clerk");
  await page.getByLabel("密码").fill("not-the-password-1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误，再错 4 次将锁定账号" })).toBeVisible();
  await page.getByLabel("用户名").fill("");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请输入用户名" })).toBeVisible();
});

test("an administrator creates a user, who can then sign in", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  // Bad input first: field-level messages, nothing stored.
  await page.getByLabel("用户名").fill("X");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "提交的内容有误" })).toBeVisible();
  await expect(page.getByText("用户名须为 3–32 位小写字母")).toBeVisible();
  await expect(page.getByText("请填写姓名")).toBeVisible();
  await expect(page.getByText("请至少选择一个角色")).toBeVisible();

  await page.getByLabel("用户名").fill("e2e_newclerk");
  await page.getByLabel("姓名").fill("端到端测试员");
  await page.getByLabel("所属机构").selectOption({ label: "　青山县民政局" });
  await page.getByLabel("信息员").check();
  await page.getByLabel("初始密码").fill("Welcome2026x");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("✓ 用户已创建。")).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, "e2e_newclerk", "Welcome2026x");
  await expect(other.getByTestId("current-user")).toContainText("青山县民政局");

  // Disabling the account ends that session at once.
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.getByRole("status").filter({ hasText: "账号已停用" })).toBeVisible();
  await other.goto("/admin");
  await expect(other).toHaveURL(/\/admin\/login/);
  await other.close();

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "user.disable" }).first()).toBeVisible();
});
