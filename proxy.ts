import { NextResponse, type NextRequest } from "next/server";

// Passes the requested path to server components (layouts cannot see it), so
// that a staff page reached without a session can send the visitor back to it
// after sign-in. Authentication itself is checked server-side in the layout.
export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set("x-request-path", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/admin/:path*"] };
