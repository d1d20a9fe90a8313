import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";

// Options are built on first request so that `next build` needs no secret.
type Ctx = { params: Promise<{ nextauth: string[] }> };
async function handler(req: Request, ctx: Ctx) {
  const params = await ctx.params;
  return NextAuth(req as never, { params } as never, authOptions());
}

export { handler as GET, handler as POST };
