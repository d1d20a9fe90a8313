import { NextResponse, type NextRequest } from "next/server";
import { A11Y_COOKIE_MAX_AGE, backFromReferer, chooseBackPath, cookieChanges, parseA11yRequest } from "@/lib/site/a11y";

export const dynamic = "force-dynamic";

/**
 * GET /a11y?mode=large|contrast|reset[&set=off]&back=/path
 * Sets or clears the large-text / high-contrast cookies and redirects (303) to
 * `back` — a same-origin path only — with the query string taken from a
 * same-origin Referer for that path (else the Referer's path, else "/").
 * Works without JavaScript: the toolbar buttons are plain GET forms.
 */
export function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const back = chooseBackPath(
    q.get("back"),
    backFromReferer(req.headers.get("referer"), [req.headers.get("x-forwarded-host"), req.headers.get("host")]),
  );

  // A relative Location keeps the redirect on whatever host the visitor used
  // (the app may sit behind a reverse proxy that rewrites the Host).
  const res = new NextResponse(null, {
    status: 303,
    headers: { Location: back, "Cache-Control": "no-store" },
  });

  const parsed = parseA11yRequest(q.get("mode"), q.get("set"));
  if (!parsed) return res;

  const secure = req.nextUrl.protocol === "https:";
  for (const change of cookieChanges(parsed)) {
    if (change.value === null) {
      res.cookies.set(change.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure });
    } else {
      res.cookies.set(change.name, change.value, {
        path: "/",
        maxAge: A11Y_COOKIE_MAX_AGE,
        httpOnly: true,
        sameSite: "lax",
        secure,
      });
    }
  }
  return res;
}
