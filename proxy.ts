import { NextResponse, type NextRequest } from "next/server";
import { goneItemRewrite } from "@/lib/disclosure/public-proxy";

// Two jobs, both things a page cannot do for itself:
// - staff pages: pass the requested path to server components (layouts cannot
//   see it), so a page reached without a session can send the visitor back to
//   it after sign-in. Authentication itself is checked server-side in the layout.
// - item pages: an item withdrawn as 发布错误 answers 410 Gone at its own URL
//   (the App Router cannot set a page's status to 410).
export async function proxy(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith("/xxgk/items/")) {
    return (await goneItemRewrite(req)) ?? NextResponse.next();
  }
  const headers = new Headers(req.headers);
  headers.set("x-request-path", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Server-action POSTs (they carry a next-action header) skip the proxy: neither job
// concerns them (an action whose session has expired just goes to the sign-in page
// without a return path — the page it came from is reloaded on sign-in anyway), and
// Next clones every proxied request's body, which would cut large attachment uploads at
// experimental.proxyClientMaxBodySize. (next.config.ts also raises that cap, for forms
// posted without JavaScript, which have no such header.)
// (Written out literally in each entry: Next reads `config` statically at build time.)
export const config = {
  matcher: [
    { source: "/admin/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/xxgk/items/:path*", missing: [{ type: "header", key: "next-action" }] },
  ],
};
