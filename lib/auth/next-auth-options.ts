import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/env";
import { secureCookies } from "@/lib/http/origin";
import { signIn } from "./sign-in";
import { revokeSession } from "./session";
import { SESSION_MAX_HOURS } from "./policy";
import { clientIp, requestMeta } from "./request-meta";

// next-auth (v4) handles the cookie and CSRF; the JWT carries only the id of
// a server-side StaffSession row, which is where idle expiry, sign-out and
// disabling take effect (see lib/auth/session.ts).

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

let cached: NextAuthOptions | null = null;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: authSecret(),
    // Secure (and __Secure-/__Host- prefixed) cookies in production by default, not only
    // when NEXTAUTH_URL happens to start with https (lib/http/origin.ts).
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_HOURS * 3600 },
    jwt: { maxAge: SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/admin/login", error: "/admin/login" },
    providers: [
      CredentialsProvider({
        name: "用户名密码",
        credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
        async authorize(credentials, req) {
          // Typed as always present; kept optional so a call without a request cannot crash.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const result = await signIn(credentials ?? {}, {
            ip: clientIp((n) => headers[n] ?? null),
            userAgent: headers["user-agent"] ?? "",
          });
          // next-auth passes the thrown message back to the sign-in form.
          if (!result.ok) throw new Error(result.message);
          return { id: result.userId, sessionId: result.sessionId };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // next-auth types `user` as present, but passes it only on sign-in.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (user?.sessionId) token.sid = user.sessionId;
        return token;
      },
      async session({ session, token }) {
        session.sid = token.sid;
        // Expose nothing else from the token; pages load the user server-side.
        session.user = undefined;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        // Typed as present; absent for a session that has no token (nothing to revoke then).
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (!token?.sid) return;
        // next-auth passes no request to events, but the event runs inside the
        // route handler's request (app/api/auth/[...nextauth]), so next/headers
        // still answers. Outside a request (should not happen) log no address
        // rather than fail the sign-out.
        const { ip } = await requestMeta().catch(() => ({ ip: "" }));
        await revokeSession(token.sid, { ip });
      },
    },
  };
  return cached;
}
