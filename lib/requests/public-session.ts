/**
 * After an applicant proved they hold a case (by submitting it, or by the
 * tracking number + query code), the browser gets a short-lived signed token in
 * an httpOnly cookie bound to that case. The receipt page, the online 补正 form
 * and the reply-letter download check it, so their URLs carry no secret and
 * are useless to anyone without the code. The token is HMAC-SHA256 over
 * (purpose, application id, expiry) with the server's AUTH_SECRET.
 */
import { secureCookies } from "@/lib/http/origin";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

export const CASE_COOKIE = "ysqgk_case";
export const CASE_TOKEN_TTL_SECONDS = 30 * 60;

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(`ysqgk-case:${payload}`).digest("base64url");
}

export function createCaseToken(applicationId: string, now = new Date(), ttlSeconds = CASE_TOKEN_TTL_SECONDS): string {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = `${applicationId}.${exp}`;
  return `${payload}.${sign(payload)}`;
}

/** The application id the token is for, or null (forged, malformed or expired). */
export function verifyCaseToken(token: string | undefined | null, now = new Date()): string | null {
  if (!token || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [id, expText, mac] = parts as [string, string, string];
  if (!/^[a-z0-9]{10,40}$/i.test(id) || !/^\d{1,12}$/.test(expText)) return null;
  const expected = Buffer.from(sign(`${id}.${expText}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(expText) * 1000 < now.getTime()) return null;
  return id;
}

export const caseCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: CASE_TOKEN_TTL_SECONDS,
  // Secure whenever the site is served over https (as next-auth decides for its own cookie).
  secure: secureCookies(),
};
