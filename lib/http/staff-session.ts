// Is this cookie header a live staff session? Asked by the request guard
// (lib/http/request-guard.ts) before it lets a large body through to /admin, so only staff
// can make the server hold an upload in memory. Same rules as lib/auth/session.ts
// `loadSession` (signed next-auth JWT → StaffSession row not revoked, user not disabled,
// not idle), read-only: the page itself still loads and touches the session.

import { decode } from "next-auth/jwt";
import { IDLE_TIMEOUT_MINUTES } from "@/lib/auth/policy";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The session token from a Cookie header, joining next-auth's chunked cookies (name.0, name.1 …). */
export function sessionTokenFromCookie(cookieHeader: string): string | null {
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let n = 0; ; n++) {
      const chunk = jar.get(`${name}.${n}`);
      if (chunk === undefined) break;
      chunks.push(chunk);
    }
    if (chunks.length) return chunks.join("");
  }
  return null;
}

export type SessionLookup = (sessionId: string) => Promise<{ lastSeenAt: Date; revokedAt: Date | null; disabled: boolean } | null>;

/** Builds the guard's `isStaff` check on a secret and a session lookup. */
export function staffSessionVerifier(secret: string, lookup: SessionLookup) {
  return async (cookieHeader: string): Promise<boolean> => {
    const token = sessionTokenFromCookie(cookieHeader);
    if (!token || token.length > 8192) return false;
    const jwt = await decode({ token, secret }).catch(() => null);
    const sid = typeof jwt?.sid === "string" ? jwt.sid : null;
    if (!sid) return false;
    const s = await lookup(sid);
    if (!s || s.revokedAt || s.disabled) return false;
    return Date.now() - s.lastSeenAt.getTime() <= IDLE_TIMEOUT_MINUTES * 60_000;
  };
}
