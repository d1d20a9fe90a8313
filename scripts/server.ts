// The production HTTP server: Next's request handler behind the public page cache
// (lib/http/page-cache.ts, docs/decisions/0005-page-cache.md). Started by scripts/start.ts
// (`npm start`); `PAGE_CACHE=off` serves everything from Next directly.
//   PORT, HOST, NEXT_DIST_DIR as for `next start`; PAGE_CACHE_MB (default 64);
//   TRUSTED_PROXY_HOPS (default 0): reverse proxies in front that append to X-Forwarded-For.
import http from "node:http";
import next from "next";
import { DEFAULT_PAGE_CACHE, PageCache, isStorable, pageCacheKey, replayableHeaders } from "@/lib/http/page-cache";
import { catalogueCacheStatus, startCatalogueListener } from "@/lib/disclosure/public-cache";
import path from "node:path";
import { CLIENT_IP_HEADER, chooseClientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const cacheOn = process.env.PAGE_CACHE !== "off" && process.env.PUBLIC_CACHE !== "off";
const maxMb = Number(process.env.PAGE_CACHE_MB ?? 64);
let trustedProxyHops = 0;
try {
  trustedProxyHops = env().TRUSTED_PROXY_HOPS;
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

const server = http.createServer(
  // A pasted 2,000-character search is ~18 KB once percent-encoded: let it reach the page
  // (which says the query was cut) instead of a bare 431 from Node's 16 KB default.
  { maxHeaderSize: 64 * 1024 },
  (req, res) => {
    // The audit log and the public rate limits key on the client's address
    // (lib/auth/request-meta.ts reads this header). Decide it here, where the
    // socket is known, and replace whatever the client sent under that name.
    delete req.headers[CLIENT_IP_HEADER];
    req.headers[CLIENT_IP_HEADER] = chooseClientIp({
      remoteAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedProxyHops,
    });
    const key = cacheOn ? pageCacheKey(req.method, req.url, req.headers) : null;
    if (key === null) return void handle(req, res);
    const { listening, generation } = catalogueCacheStatus();
    // Without the listener a change could go unnoticed: serve from Next, as the data cache does.
    if (!listening) return void handle(req, res);
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
    cache.misses += 1;
    res.setHeader("x-page-cache", "MISS");
    capture(res, generation, key);
    void handle(req, res);
  },
);

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

// Keep idle connections longer than clients and proxies keep theirs: with Node's 5 s default
// a browser (or a reverse proxy) reusing a connection just as the server closes it gets a
// reset (seen in the e2e suite on a slow machine).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  console.log(`[portal] 服务已就绪：http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}（页面缓存${cacheOn ? `开启，上限 ${maxMb} MB` : "关闭"}）`);
});

let closing = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    // Idle keep-alive connections would hold close() open; do not wait for them long.
    setTimeout(() => process.exit(0), 3_000).unref();
    server.closeIdleConnections();
  });
}
