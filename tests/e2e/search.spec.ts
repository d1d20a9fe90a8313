import { expect, test } from "@playwright/test";

// A citizen searches the demo data, narrows with facets, opens a result and comes back with
// the search state intact (the URL holds the whole state; no JavaScript is needed for it).
// Runs against the demo seed (lib/seed/seed-disclosures.ts indexes its published items).

const TERM = "青山县";

function resultCount(text: string | null): number {
  const m = /共\s*(\d+)\s*条/.exec(text ?? "");
  if (!m) throw new Error(`no count in ${text}`);
  return Number(m[1]);
}

test("search, narrow with facets, open a result, go back", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "站内搜索" })).toBeVisible();
  // Empty query: newest items, with a clear heading.
  await expect(page.getByRole("heading", { name: /未输入检索词/ })).toBeVisible();

  const box = page.getByRole("searchbox", { name: "检索词" });
  await box.fill(TERM);
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.getByRole("heading", { name: new RegExp(`“${TERM}”的检索结果`) });
  await expect(results).toBeVisible();
  const total = resultCount(await results.textContent());
  expect(total).toBeGreaterThan(1);
  await expect(page.getByTestId("search-hit").first().locator("mark").first()).toBeVisible();

  // Narrow by department: the count next to the facet value is the number of results.
  const deptFacet = page.getByRole("region", { name: "发布机构" });
  const deptLink = deptFacet.getByRole("link").filter({ hasNotText: "全部" }).first();
  const deptCount = resultCount(`共 ${/（(\d+)）/.exec((await deptLink.textContent()) ?? "")?.[1]} 条`);
  await deptLink.click();
  await expect(page).toHaveURL(/[?&]department=/);
  await expect(results).toContainText(`共 ${deptCount} 条`);
  await expect(page.getByTestId("search-hit")).toHaveCount(Math.min(deptCount, 20));

  // …and by year.
  const yearLink = page.getByRole("region", { name: "发布年份" }).getByRole("link").filter({ hasNotText: "全部" }).first();
  if (await yearLink.count()) {
    const yearCount = Number(/（(\d+)）/.exec((await yearLink.textContent()) ?? "")?.[1]);
    await yearLink.click();
    await expect(page).toHaveURL(/[?&]year=\d{4}/);
    await expect(results).toContainText(`共 ${yearCount} 条`);
  }
  const narrowedUrl = page.url();
  const narrowedHeading = await results.textContent();

  // Open the first result (the item page), then go back.
  const first = page.getByTestId("search-hit").first().getByRole("link").first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/xxgk\/items\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title.slice(0, 6));

  await page.goBack();
  await expect(page).toHaveURL(narrowedUrl);
  await expect(page.getByRole("searchbox", { name: "检索词" })).toHaveValue(TERM);
  await expect(results).toHaveText(narrowedHeading!);
  await expect(page.getByRole("region", { name: "发布机构" }).locator('[aria-current="true"]')).not.toContainText("全部");
});

test("bad input gets a page, never an error", async ({ page }) => {
  // "收费"×200: a 400-character query (3.6 KB once percent-encoded); the search uses the first
  // 100 characters and says so.
  const long = "收费".repeat(200);
  for (const q of ["&|!():*'\\", long, '"', "-废止"]) {
    const res = await page.goto(`/search?q=${encodeURIComponent(q)}&page=-5&year=abcd&category=%3Cx%3E`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "站内搜索" })).toBeVisible();
  }
  await page.goto(`/search?q=${encodeURIComponent(long)}`);
  await expect(page.getByText(/检索词过长/).first()).toBeVisible();
  // An 18 KB address is refused before Next parses it (the request guard, issue 13): a short
  // Chinese answer, never a 5xx.
  const huge = await page.request.get(`/search?q=${encodeURIComponent("收费".repeat(1000))}`);
  expect([414, 431]).toContain(huge.status());
  expect(await huge.text()).toMatch(/过长|过大/);
  const api = await page.request.get(`/api/v1/disclosures?q=${encodeURIComponent(long)}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).notices.join("")).toContain("检索词过长");
});
