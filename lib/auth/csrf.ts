import { createHash, timingSafeEqual } from "node:crypto";

// next-auth keeps its CSRF token in a cookie as "token|sha256(token + secret)"
// and expects the token again in the posted form (double submit). Its client
// fetches it from /api/auth/csrf; a form posted without JavaScript needs it
// rendered in, so the sign-in page reads it from the cookie here.
export const CSRF_COOKIE_NAMES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"] as const;

/** The token from next-auth's CSRF cookie value, or "" when absent or not signed with this secret. */
export function csrfTokenFromCookie(value: string | undefined, secret: string): string {
  if (!value) return "";
  let v = value;
  try {
    v = decodeURIComponent(value);
  } catch {
    return "";
  }
  const [token, hash] = v.split("|");
  if (!token || !hash) return "";
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const a = Buffer.from(hash);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? token : "";
}
