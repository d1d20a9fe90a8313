/**
 * Showing a new query code (查询码) to the clerk who registered a paper
 * application, once, without putting the secret in a URL (browser history,
 * proxy and server logs, the Referer header). The register action stores the
 * code in a short-lived httpOnly cookie scoped to the case page's path; the
 * page shows it while the cookie lives. Signed with AUTH_SECRET and bound to the
 * application id, so a cookie made up by hand or meant for another case shows
 * nothing.
 */
import { secureCookies } from "@/lib/http/origin";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

export const QUERY_CODE_FLASH_COOKIE = "ysqgk_new_code";
export const QUERY_CODE_FLASH_SECONDS = 120;

function mac(payload: string): string {
  return createHmac("sha256", authSecret()).update(`ysqgk-code-flash:${payload}`).digest("base64url");
}

export function createQueryCodeFlash(applicationId: string, queryCode: string, now = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + QUERY_CODE_FLASH_SECONDS;
  const payload = `${applicationId}.${queryCode}.${exp}`;
  return `${payload}.${mac(payload)}`;
}

/** The query code for `applicationId`, or null (absent, forged, for another case, expired). */
export function readQueryCodeFlash(token: string | undefined | null, applicationId: string, now = new Date()): string | null {
  if (!token || token.length > 300) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [id, code, expText, given] = parts as [string, string, string, string];
  if (id !== applicationId || !/^[A-Z0-9]{6,20}$/.test(code) || !/^\d{1,12}$/.test(expText)) return null;
  const expected = Buffer.from(mac(`${id}.${code}.${expText}`));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (Number(expText) * 1000 < now.getTime()) return null;
  return code;
}

/** Where the new code is shown: the staff case page, or the citizen's "submitted" page. */
export const SUBMITTED_PAGE_PATH = "/ysqgk/apply/submitted";

export function queryCodeFlashCookieOptions(applicationId: string, path = `/admin/requests/${applicationId}`) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    path,
    maxAge: QUERY_CODE_FLASH_SECONDS,
    secure: secureCookies(),
  };
}
