// The production HTTP server: Next's request handler behind the request guard and the
// public page cache. Started by scripts/start.ts (`npm start`).
//   PORT, HOST, NEXT_DIST_DIR as for `next start`; PAGE_CACHE=off serves everything from
//   Next directly; PAGE_CACHE_MB (default 64); TRUSTED_PROXY_HOPS (default 0): reverse proxies
//   in front that append to X-Forwarded-For; PUBLIC_ORIGIN: the address visitors use.
//
// In order, for every request (docs/security.md):
// 1. the client's address is chosen from the socket or the trusted proxies' entries, and
//    X-Forwarded-Host/-Proto are dropped unless a trusted proxy is configured;
// 2. the request guard (lib/http/request-guard.ts) bounds the URL, the query, the headers
//    and the body per route before Next parses anything;
// 3. security headers with a fresh CSP nonce (lib/http/security-headers.ts);
// 4. while the database does not answer, a 503 at once (lib/http/db-watchdog.ts) — cached
//    public pages are still served;
// 5. the page cache (lib/http/page-cache.ts, docs/decisions/0005-page-cache.md), then Next.
import http from "node:http";
import next from "next";
import { DEFAULT_PAGE_CACHE, PageCache, isStorable, pageCacheKey, replayableHeaders } from "@/lib/http/page-cache";
import { catalogueCacheStatus, startCatalogueListener } from "@/lib/disclosure/public-cache";
import path from "node:path";
import { CLIENT_IP_HEADER, chooseClientIp } from "@/lib/auth/client-ip";
import { authSecret, env, securityEnv } from "@/lib/env";
import { db } from "@/lib/db/client";
import { uploadRequestLimitMb } from "@/lib/disclosure/upload-limits";
import { answerClientError, createRequestGuard, pathOf, refuse, MESSAGES } from "@/lib/http/request-guard";
import { staffSessionVerifier } from "@/lib/http/staff-session";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";
import { startDbWatchdog } from "@/lib/http/db-watchdog";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const cacheOn = process.env.PAGE_CACHE !== "off" && process.env.PUBLIC_CACHE !== "off";
const maxMb = Number(process.env.PAGE_CACHE_MB ?? 64);
let trustedProxyHops = 0;
let https = false;
let config: ReturnType<typeof env>;
try {
  config = env();
  trustedProxyHops = config.TRUSTED_PROXY_HOPS;
  https = securityEnv().publicOrigin.startsWith("https://");
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const app = next({ dev: false, dir: ROOT, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const cache = new PageCache({ ...DEFAULT_PAGE_CACHE, maxBytes: Math.max(1, maxMb) * 1024 * 1024 });
// The data cache's LISTEN connection (one per process) also drives this cache.
if (cacheOn) void startCatalogueListener().catch(() => undefined);

const watchdog = startDbWatchdog({
  connectionString: config.DATABASE_URL,
  onChange: (ok) => {
    console.log(ok ? "[portal] 数据库已恢复响应" : "[portal] 数据库无响应：非缓存页面暂时回答 503");
  },
});

const guard = createRequestGuard({
  // Staff item forms carry up to three attachments (lib/disclosure/upload-limits.ts), the
  // same limit Next's server actions enforce (next.config.ts).
  limits: { staffBodyBytes: uploadRequestLimitMb(config.UPLOAD_MAX_MB) * 1024 * 1024 },
  isStaff: staffSessionVerifier(authSecret(), async (sid) => {
    const s = await db().staffSession.findUnique({
      where: { id: sid },
      select: { lastSeenAt: true, revokedAt: true, user: { select: { disabled: true } } },
    });
    return s ? { lastSeenAt: s.lastSeenAt, revokedAt: s.revokedAt, disabled: s.user.disabled } : null;
  }),
});

/** Paths that never touch the database: served even while it is down. */
const NO_DATABASE = /^\/(?:_next\/|favicon\.ico$|robots\.txt$|fonts\/|images\/|api\/health$)/;

// Node's default 16 KiB request-head limit is kept: raising it let one URL of 10,000
// parameters cost seconds of Next's (quadratic) query parsing. The guard's own limits
// are lower still and answer in Chinese.
const server = http.createServer((req, res) => {
  // The audit log and the public rate limits key on the client's address
  // (lib/auth/request-meta.ts reads this header). Decide it here, where the
  // socket is known, and replace whatever the client sent under that name.
  req.headers[CLIENT_IP_HEADER] = chooseClientIp({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxyHops,
  });
  // Without a trusted proxy these headers come from the client itself.
  if (trustedProxyHops === 0) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
    delete req.headers.forwarded;
  }
  void guard(req, res, (r) => {
    serve(r, res);
  }).catch(() => {
    if (!res.headersSent) refuse(req, res, { status: 400, message: MESSAGES.badRequest });
  });
});

function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  const urlPath = pathOf(req.url ?? "/");
  const nonce = newNonce();
  for (const [name, value] of securityHeaders({ nonce, path: urlPath, https })) res.setHeader(name, value);
  // Next takes the nonce for its <script> tags from this request header; whatever a
  // client sent under this name is replaced.
  req.headers["content-security-policy"] = res.getHeader("content-security-policy") as string;
  delete req.headers["content-security-policy-report-only"];

  const key = cacheOn ? pageCacheKey(req.method, req.url, req.headers) : null;
  const { listening, generation } = catalogueCacheStatus();
  const cacheUsable = key !== null && listening;
  if (cacheUsable) {
    cache.sync(generation);
    const hit = cache.get(key);
    if (hit) {
      cache.hits += 1;
      res.statusCode = hit.status;
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader("content-length", hit.body.length);
      res.setHeader("x-page-cache", "HIT");
      res.end(hit.body);
      return;
    }
  }
  if (!watchdog.healthy() && !NO_DATABASE.test(urlPath)) {
    unavailable(res);
    return;
  }
  // Without the listener a change could go unnoticed: serve from Next, as the data cache does.
  if (!cacheUsable) return void handle(req, res);
  cache.misses += 1;
  res.setHeader("x-page-cache", "MISS");
  capture(res, generation, key);
  void handle(req, res);
}

function unavailable(res: http.ServerResponse) {
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>服务暂时不可用</title></head>
<body><main><h1>服务暂时不可用</h1><p>数据库暂时无法响应，请稍后再试。已缓存的公开页面仍可访问。</p><p><a href="/">返回首页</a></p></main></body></html>\n`;
  res.statusCode = 503;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("retry-after", "30");
  res.setHeader("content-length", Buffer.byteLength(html));
  res.end(html);
}

/** Tees the response body into the cache while it streams to the client. */
function capture(res: http.ServerResponse, generation: number, key: string) {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const b = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > DEFAULT_PAGE_CACHE.maxEntryBytes) overflow = true;
    else chunks.push(b);
  };
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const { ["x-page-cache"]: _marker, ...headers } = res.getHeaders();
    // A change committed while this response was rendered moves the generation: not stored.
    const now = catalogueCacheStatus();
    if (now.listening) cache.sync(now.generation);
    if (now.listening && !overflow && isStorable(res.statusCode, headers, size, DEFAULT_PAGE_CACHE)) {
      cache.put(key, generation, { status: res.statusCode, headers: replayableHeaders(headers), body: Buffer.concat(chunks, size) });
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

// A request head over Node's 16 KiB, or one Node cannot parse, never reaches the handler:
// answered in Chinese instead of Node's bare status line.
server.on("clientError", answerClientError);

// Keep idle connections longer than clients and proxies keep theirs: with Node's 5 s default
// a browser (or a reverse proxy) reusing a connection just as the server closes it gets a
// reset (seen in the e2e suite on a slow machine).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  console.log(
    `[portal] 服务已就绪：http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}（页面缓存${cacheOn ? `开启，上限 ${maxMb} MB` : "关闭"}）`,
  );
});

let closing = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    void watchdog.stop();
    server.close(() => process.exit(0));
    // Idle keep-alive connections would hold close() open; do not wait for them long.
    setTimeout(() => process.exit(0), 3_000).unref();
    server.closeIdleConnections();
  });
}
