import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionTokenFromCookie, staffSessionVerifier, type SessionLookup } from "@/lib/http/staff-session";

const SECRET = "x".repeat(40);
const live = { lastSeenAt: new Date(), revokedAt: null, disabled: false };

describe("staff session check of the request guard", () => {
  it("reads plain, __Secure- and chunked session cookies", () => {
    expect(sessionTokenFromCookie("a=1; next-auth.session-token=abc; b=2")).toBe("abc");
    expect(sessionTokenFromCookie("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionTokenFromCookie("next-auth.session-token.0=ab; next-auth.session-token.1=cd")).toBe("abcd");
    expect(sessionTokenFromCookie("other=1")).toBeNull();
  });

  it("accepts only a signed token whose session is live", async () => {
    const sessions = new Map<string, Awaited<ReturnType<SessionLookup>>>([
      ["s-live", live],
      ["s-revoked", { ...live, revokedAt: new Date() }],
      ["s-disabled", { ...live, disabled: true }],
      ["s-idle", { ...live, lastSeenAt: new Date(Date.now() - 3 * 3600_000) }],
    ]);
    const verify = staffSessionVerifier(SECRET, async (sid) => sessions.get(sid) ?? null);
    const cookie = async (sid: string, secret = SECRET) => `next-auth.session-token=${await encode({ token: { sid }, secret })}`;

    expect(await verify(await cookie("s-live"))).toBe(true);
    expect(await verify(await cookie("s-revoked"))).toBe(false);
    expect(await verify(await cookie("s-disabled"))).toBe(false);
    expect(await verify(await cookie("s-idle"))).toBe(false);
    expect(await verify(await cookie("s-unknown"))).toBe(false);
    // Signed with another secret (forged), or not a token at all.
    expect(await verify(await cookie("s-live", "y".repeat(40)))).toBe(false);
    expect(await verify("next-auth.session-token=forged")).toBe(false);
    expect(await verify("")).toBe(false);
  });
});
