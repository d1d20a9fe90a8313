import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { E2E_TITLE_PREFIX, signIn, signOut } from "./helpers";

// The citizen side of 主动公开 against the demo seed: browse the catalogue by category,
// open an item (元数据 table), download an attachment; 发布错误 → 410; 已被替代 → points
// to the replacement; and the citizen half of the staff flow: after the director withdraws
// an item as 发布错误, its page and attachment answer 410 within a second.
//
// The items are picked from the seeded database (read-only queries), so the spec does not
// depend on the seed's random titles.

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const cluster = process.env.E2E_PG_CLUSTER ?? "pg-e2e";
  const password = fs.readFileSync(path.join(".data", `${cluster}.password`), "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: Number(process.env.E2E_PG_PORT ?? 54600),
    user: "portal",
    password,
    database: "portal",
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The first row of a query the demo seed must answer: fails the test with `what` when there is none. */
async function firstRow<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  expect(row, what).toBeTruthy();
  return row!;
}

type Pick = { id: string; title: string; cat_code: string; cat_name: string; file_name: string; att_id: string };

/** A listed item with an attachment that is the newest of its leaf category (first on that page). */
const NEWEST_WITH_ATTACHMENT = `
  SELECT s."itemId" AS id, s.title, c.code AS cat_code, c.name AS cat_name, a."fileName" AS file_name, a.id AS att_id
  FROM "SearchDocument" s
  JOIN "Category" c ON c.id = s."categoryId"
  JOIN "Department" d ON d.id = s."departmentId"
  JOIN "DisclosureItem" i ON i.id = s."itemId"
  JOIN "DisclosureRevisionAttachment" ra ON ra."revisionId" = i."publishedRevisionId"
  JOIN "DisclosureAttachment" a ON a.id = ra."attachmentId"
  WHERE i.state = 'PUBLISHED' AND ($1::text IS NULL OR d.code = $1)
    AND s.title NOT LIKE '${E2E_TITLE_PREFIX}%'
    AND ($2::boolean = false OR (NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c.id)
      AND s."itemId" = (SELECT s2."itemId" FROM "SearchDocument" s2 WHERE s2."categoryId" = s."categoryId"
                        ORDER BY s2."publishedAt" DESC, s2."itemId" DESC LIMIT 1)))
  ORDER BY s."publishedAt" DESC, s."itemId" DESC LIMIT 1`;

test("a citizen browses a category, opens an item, reads its 元数据 and downloads the attachment", async ({ page }) => {
  const item = await firstRow(query<Pick>(NEWEST_WITH_ATTACHMENT, [null, true]), "the demo seed has a published item with an attachment");

  await page.goto("/xxgk/catalog");
  await page.getByRole("link", { name: item.cat_name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: item.cat_name })).toBeVisible();
  const table = page.getByRole("table", { name: `${item.cat_name}公开信息列表` });
  for (const col of ["索引号", "标题", "发布机构", "发布日期"]) await expect(table.getByRole("columnheader", { name: col })).toBeVisible();
  await table.getByRole("link", { name: item.title }).click();

  await expect(page.getByRole("heading", { level: 1, name: item.title })).toBeVisible();
  const meta = page.getByRole("region", { name: "元数据" });
  for (const label of ["索引号", "主题分类", "发布机构", "成文日期", "发布日期", "文号", "有效性", "公开方式", "公开范围"]) {
    await expect(meta.getByRole("rowheader", { name: label })).toBeVisible();
  }
  await expect(meta).toContainText(item.cat_name);

  const link = page.getByRole("link", { name: item.file_name });
  await expect(page.getByText(/PDF 文档，[\d.]+ (KB|MB|字节)/).first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(item.file_name);
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-disposition"]).toContain("attachment");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("filters and keyset pages work as plain links and forms", async ({ page, request }) => {
    const tops = await query<{ code: string; name: string }>(
      `SELECT code, name FROM "Category" WHERE "parentId" IS NULL ORDER BY "sortOrder", code`,
    );
    let best = { code: "", name: "", total: 0 };
    for (const t of tops) {
      const r = await (await request.get(`/api/v1/disclosures?category=${t.code}&pageSize=1`)).json();
      if (r.total > best.total) best = { ...t, total: r.total };
    }
    test.skip(best.total <= 20, "no category with more than one page in the demo seed");

    await page.goto(`/xxgk/catalog/${best.code}`);
    const rows = page.getByRole("table").getByRole("row");
    const firstPage = await rows.nth(1).innerText();
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/page=2&after=\d+\./);
    expect(await rows.nth(1).innerText()).not.toBe(firstPage);
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "上一页" }).click();
    expect(await rows.nth(1).innerText()).toBe(firstPage);

    const year = await page.getByLabel("发布年份").locator("option").nth(1).getAttribute("value");
    await page.getByLabel("发布年份").selectOption(year);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`year=${year}`));
    await expect(page.getByLabel("发布年份")).toHaveValue(year!);
  });
});

test("an item withdrawn as 发布错误 answers 410 (page and API)", async ({ page, request }) => {
  const gone = await firstRow(
    query<{ id: string; title: string }>(
      `SELECT i.id, r.title FROM "DisclosureItem" i JOIN "DisclosureRevision" r ON r.id = i."publishedRevisionId"
     WHERE i.state = 'WITHDRAWN' AND i."withdrawnPage" = 'GONE' LIMIT 1`,
    ),
    "the demo seed has a 发布错误 withdrawal",
  );
  const res = await page.goto(`/xxgk/items/${gone.id}`);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "该信息已撤回" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(gone.title);
  expect((await request.get(`/api/v1/disclosures/${gone.id}`)).status()).toBe(410);
});

test("an item replaced by another points to its replacement", async ({ page }) => {
  const old = await firstRow(
    query<{ id: string; title: string; new_title: string }>(
      `SELECT i.id, r.title, nr.title AS new_title FROM "DisclosureItem" i
     JOIN "DisclosureRevision" r ON r.id = i."publishedRevisionId"
     JOIN "DisclosureItem" n ON n.id = i."replacementItemId"
     JOIN "DisclosureRevision" nr ON nr.id = n."publishedRevisionId"
     WHERE i.state = 'WITHDRAWN' AND i."withdrawnPage" = 'REPLACED' AND n.state <> 'WITHDRAWN' LIMIT 1`,
    ),
    "the demo seed has a replaced item",
  );
  await page.goto(`/xxgk/items/${old.id}`);
  await expect(page.getByText("本信息已被替代")).toBeVisible();
  await page.getByRole("link", { name: old.new_title }).click();
  await expect(page.getByRole("heading", { level: 1, name: old.new_title })).toBeVisible();
});

test("after the director withdraws an item as 发布错误, the citizen gets 410 at once", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // The item belongs to the demo director's department (发展和改革局, 002581101).
  const item = await firstRow(
    query<Pick>(NEWEST_WITH_ATTACHMENT, ["002581101", false]),
    "the demo seed has a published item with an attachment in 002581101",
  );

  const citizen = await browser.newContext();
  const cp = await citizen.newPage();
  await cp.goto(`/xxgk/catalog/${item.cat_code}`);
  await cp.goto(`/xxgk/items/${item.id}`);
  await expect(cp.getByRole("heading", { level: 1, name: item.title })).toBeVisible();
  const href = (await cp.getByRole("link", { name: item.file_name }).getAttribute("href"))!;
  expect((await cp.request.get(href)).status()).toBe(200);

  await signIn(page, "director");
  await page.goto(`/admin/disclosures/${item.id}/withdraw`);
  await page.getByLabel("撤回原因").selectOption({ label: "发布错误" });
  await page.getByLabel("撤回说明").fill("附件内容有误");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByRole("status").filter({ hasText: /撤回/ }).first()).toBeVisible();
  await signOut(page);

  const t0 = Date.now();
  await expect.poll(async () => (await cp.request.get(`/xxgk/items/${item.id}`)).status(), { timeout: 1_000, intervals: [50] }).toBe(410);
  expect(Date.now() - t0).toBeLessThan(1_000);
  expect((await cp.request.get(href)).status()).toBe(410);
  expect((await cp.request.get(`/api/v1/disclosures/${item.id}`)).status()).toBe(410);
  const list = await (await cp.request.get(`/api/v1/disclosures?category=${item.cat_code}&pageSize=100`)).json();
  expect(list.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
  await citizen.close();
});
