// Used by proxy.ts: lets the URL of an item withdrawn as 发布错误 itself answer 410 Gone.
// The App Router cannot send 410 from a page, so without this the item page redirects (307)
// to /xxgk/items/{id}/gone, which answers 410. The lookup is the cached item view of
// public-queries.ts (no extra query when warm).

import { NextResponse, type NextRequest } from "next/server";
import { itemGonePath } from "./public-params";
import { getPublicItem } from "./public-queries";

const ITEM_PAGE = /^\/xxgk\/items\/([A-Za-z0-9_-]{1,64})\/?$/;

/** A rewrite to the 410 handler when `req` is the page of a 发布错误 withdrawal, else null. */
export async function goneItemRewrite(req: NextRequest): Promise<NextResponse | null> {
  const id = ITEM_PAGE.exec(req.nextUrl.pathname)?.[1];
  if (!id) return null;
  try {
    const r = await getPublicItem(id);
    if (r.view !== "GONE") return null;
  } catch {
    return null; // the page itself will report the failure
  }
  return NextResponse.rewrite(new URL(itemGonePath(id), req.url));
}
