import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { E2E_TITLE_PREFIX, signIn, signOut } from "./helpers";

// The whole proactive-disclosure flow: a clerk drafts a 重大信息 item with a PDF, the
// reviewer clears it, the director and then the principal sign, the clerk publishes; a
// citizen finds it in the catalogue and downloads the attachment; the director withdraws it
// as 发布错误 and the citizen's page and download answer 410 Gone.

// ~15 MB: above Next's default 10 MB proxy body-clone cap, which used to cut attachments
// off silently. A valid PDF header, a comment block of padding, then the trailer.
const PDF = Buffer.concat([
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n", "latin1"),
  Buffer.from(`%${"0123456789abcdef".repeat(64)}\n`.repeat(15 * 1024), "latin1"),
  Buffer.from("trailer<</Root 1 0 R>>\n%%EOF\n", "latin1"),
]);
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function act(page: Page, button: string, done: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
}

test("clerk drafts with a PDF → reviewer clears → director and principal sign → a citizen finds and downloads it → the director withdraws it → 410", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const title = `${E2E_TITLE_PREFIX}（${Date.now().toString(36)}）`;

  await signIn(page, "clerk");
  await page.goto("/admin/disclosures/new");
  await expect(page.getByRole("heading", { name: "新建主动公开信息" })).toBeVisible();

  // Bad input first: a disguised executable is refused and nothing is saved.
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("主题分类").selectOption({ label: "A07 财政预算、决算信息" });
  await page.getByLabel("内容概述").fill("公示2026年县重点建设项目名称、建设内容、总投资及年度计划。");
  await page
    .getByLabel("正文")
    .fill(
      "根据县政府工作安排，现将2026年县重点建设项目计划予以公示。\n公示期间如有异议，请与县发展和改革局联系。<script>alert(1)</script>",
    );
  await page.getByLabel("重要程度").selectOption({ label: "重大信息" });
  await page.getByLabel("责任股室").fill("投资股");
  await page
    .getByLabel("上传附件")
    .setInputFiles({ name: "项目计划.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]) });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "可执行程序" }).first()).toBeVisible();

  await page.getByLabel("上传附件").setInputFiles({ name: "2026年县重点建设项目计划表.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  // The pasted <script> was removed, and the clerk is told so.
  await expect(page.getByTestId("body-cleaned")).toContainText("不安全内容已被清除");
  await expect(page.getByTestId("item-title")).toHaveText(title);
  await expect(page.getByTestId("item-state")).toHaveText("草稿");
  await expect(page.getByRole("link", { name: "2026年县重点建设项目计划表.pdf" })).toBeVisible();
  await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
  const itemUrl = page.url().replace(/\?.*$/, "");

  await act(page, "提交保密审查", "已提交保密审查");
  await expect(page.getByTestId("item-state")).toHaveText("待保密审查");
  await signOut(page);

  // Reviewer: the item is in their queue.
  await signIn(page, "reviewer");
  await page.goto("/admin/disclosures/queue");
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("审查结论").selectOption({ label: "可以公开" });
  await page.getByLabel("审查意见").fill("经审查，不涉及国家秘密、商业秘密和个人隐私，可以公开。");
  await act(page, "提交审查意见", "审查意见已提交");
  await expect(page.getByTestId("item-state")).toHaveText("待签发");
  await signOut(page);

  // The principal may not sign before the director.
  await signIn(page, "principal");
  await page.goto(itemUrl);
  await expect(page.getByRole("button", { name: "同意签发" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "director");
  await page.goto("/admin/disclosures/queue");
  await page.getByRole("link", { name: title }).click();
  await act(page, "同意签发", "已签发");
  await signOut(page);

  await signIn(page, "principal");
  await page.goto(itemUrl);
  await act(page, "同意签发", "已签发");
  await signOut(page);

  await signIn(page, "clerk");
  await page.goto(itemUrl);
  await act(page, "立即发布", "已发布");
  await expect(page.getByTestId("item-state")).toHaveText("已发布");
  // Staff download of the attachment.
  const href = await page.getByRole("link", { name: "2026年县重点建设项目计划表.pdf" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  // Stored intact, not cut at the proxy's body limit.
  const stored = await res.body();
  expect(stored.length).toBe(PDF.length);
  expect(sha256(stored)).toBe(sha256(PDF));
  await signOut(page);

  // Another department's clerk: the item and its attachment do not exist for them.
  await signIn(page, "finance_clerk");
  const outsider = await page.goto(itemUrl);
  expect(outsider?.status()).toBe(404);
  expect((await page.request.get(href!)).status()).toBe(404);
  // The 404 page has no staff menu; sign out from the staff area.
  await page.goto("/admin");
  await signOut(page);

  // A citizen (no session) finds it at the top of its category, newest first, and downloads it.
  const itemId = itemUrl.split("/").pop()!;
  const citizen = await browser.newContext();
  const cp = await citizen.newPage();
  await cp.goto("/xxgk/catalog/A07");
  await cp.getByRole("link", { name: title }).first().click();
  await expect(cp.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(cp.getByText("索引号").first()).toBeVisible();
  // Art. 26 figure: formed today (the form's default), so published the same day.
  await expect(cp.getByTestId("item-formed-on")).toHaveText(/形成（变更）日期：\d{4}年\d{1,2}月\d{1,2}日（形成或变更当日发布）/);
  await expect(cp.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
  const publicHref = (await cp.getByRole("link", { name: /2026年县重点建设项目计划表/ }).getAttribute("href"))!;
  const download = await cp.request.get(publicHref);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The director withdraws it as 发布错误: the page and the file are gone for the citizen.
  await signIn(page, "director");
  await page.goto(`/admin/disclosures/${itemId}/withdraw`);
  await page.getByLabel("撤回原因").selectOption({ label: "发布错误" });
  await page.getByLabel("撤回说明").fill("项目计划表版本有误，撤回后重新发布");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByRole("status").filter({ hasText: /撤回/ }).first()).toBeVisible();
  await signOut(page);

  expect((await cp.request.get(`/xxgk/items/${itemId}`)).status()).toBe(410);
  expect((await cp.request.get(publicHref)).status()).toBe(410);
  await cp.goto("/xxgk/catalog/A07");
  await expect(cp.getByRole("link", { name: title })).toHaveCount(0);
  await citizen.close();
});
