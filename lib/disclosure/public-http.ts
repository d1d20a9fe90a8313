// Small HTTP helpers of the public catalogue's route handlers (410 page, downloads).

import { publicOrigin } from "@/lib/http/origin";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

/**
 * A complete, self-contained Chinese HTML page for a status the App Router cannot render
 * itself (410 Gone), or for a route handler's 404. No scripts; readable without CSS.
 */
export function statusPage(opts: { status: number; title: string; message: string; siteName: string }): Response {
  const { status, title, message, siteName } = opts;
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} - ${escapeHtml(siteName)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;line-height:1.7;margin:0;background:#f4f5f7;color:#1a1a1a}
header{background:#a8121c;color:#fff;padding:1rem}header a{color:#fff;font-size:1.4rem;font-weight:bold;text-decoration:none}
main{max-width:40rem;margin:2rem auto;background:#fff;border-left:4px solid #8a5300;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}a{color:#0b4f9c}ul{padding-left:1.2rem}a:focus{outline:3px solid #0b0c0c;background:#ffbf00}</style>
</head><body><header><a href="/">${escapeHtml(siteName)}　政府信息公开</a></header>
<main id="main-content"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<ul><li><a href="/xxgk/catalog">浏览法定主动公开内容</a></li><li><a href="/search">站内搜索</a></li><li><a href="/">返回首页</a></li></ul>
<p>（HTTP ${status}）</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * The origin for absolute links in the API, the feed and the sitemap: the configured
 * PUBLIC_ORIGIN (lib/http/origin.ts), never the request's Host or X-Forwarded-Host — these
 * responses are cached for everyone, and a forged header would poison every copy.
 */
export function requestOrigin(_req: Request): string {
  return publicOrigin();
}

/** Headers of the open API's JSON answers: readable from any origin, never stale. */
export const API_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=0, must-revalidate",
  "X-Content-Type-Options": "nosniff",
} as const;

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: API_HEADERS });
}
