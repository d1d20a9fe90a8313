import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Qingshan2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
}

/**
 * Title prefix of the item the disclosure-workflow spec publishes and then withdraws; other
 * specs, running at the same time, leave such items alone.
 */
export const E2E_TITLE_PREFIX = "青山县发展和改革局关于2026年县重点建设项目计划的公示";

/** The text of a PDF (all pages), whitespace removed: generated letters are checked by their wording. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    out += c.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return out.replace(/\s+/g, "");
}
