import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";

// Options are built on first request so that `next build` needs no secret.
type Ctx = { params: Promise<{ nextauth: string[] }> };
// next-auth v4 declares only the pages-router signatures and returns `any`; with one argument it
// returns a handler that, given `{ params }`, serves the app router. This is that handler's type.
type AppRouteHandler = (req: Request, ctx: { params: { nextauth: string[] } }) => Promise<Response>;
async function handler(req: Request, ctx: Ctx) {
  const params = await ctx.params;
  const nextAuth = NextAuth(authOptions()) as AppRouteHandler;
  return nextAuth(req, { params });
}

export { handler as GET, handler as POST };
