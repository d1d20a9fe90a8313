// Bounded work for every request, checked in the production server (scripts/server.ts)
// BEFORE Next.js parses anything. Findings of issue 13 that this answers:
// - a 40 KB query string of 10,000 parameters cost Next 2–12 s of CPU (its query parsing is
//   quadratic): the URL length and parameter count are bounded here, in linear time;
// - server-action POSTs up to 155 MB were buffered before authentication: the declared body
//   size is checked per route here, and only a verified staff session may send more than
//   a small body to /admin;
// - a NUL character in a form field or query, or a malformed path, gave a 500 deep inside:
//   they are answered 400 here.
// Every refusal is a short Chinese text answered at once, with the connection closed when a
// body was announced (so the body is never read).
//
// No imports from Next or the database: the hostile-request tests run this guard in a plain
// node:http server (tests/integration/hostile-requests.test.ts).

import http from "node:http";
import type { IncomingHttpHeaders } from "node:http";

export type GuardLimits = {
  /** Longest request target (path + query), in bytes. */
  maxUrlBytes: number;
  /** Most query parameters. */
  maxQueryParams: number;
  /** Largest request head (all header names and values), in bytes. Node's own cap is 16 KiB. */
  maxHeaderBytes: number;
  /** Body of a public (anonymous) form or API call. */
  publicBodyBytes: number;
  /** Body of an anonymous request to /admin/* or /api/auth/* (sign-in). */
  anonymousAdminBodyBytes: number;
  /** Body of a request to /admin/* from a verified staff session (attachments). */
  staffBodyBytes: number;
  /** Form bodies up to this size are read here and checked for NUL before Next sees them. */
  inspectBodyBytes: number;
  /** A body that is not complete after this long is cut off (slow-body attacks). */
  bodyTimeoutMs: number;
  /** The same for a verified staff upload (large files over slow links). */
  staffBodyTimeoutMs: number;
};

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxUrlBytes: 8 * 1024,
  maxQueryParams: 200,
  maxHeaderBytes: 16 * 1024,
  publicBodyBytes: 1024 * 1024,
  anonymousAdminBodyBytes: 64 * 1024,
  staffBodyBytes: 155 * 1024 * 1024,
  inspectBodyBytes: 1024 * 1024,
  bodyTimeoutMs: 30_000,
  staffBodyTimeoutMs: 300_000,
};

export type Refusal = { status: number; message: string };

export const MESSAGES = {
  urlTooLong: "请求地址过长，请缩短后重试",
  tooManyParams: "查询参数过多，请减少后重试",
  headersTooLarge: "请求头过大（可能是 Cookie 过多），请清除本站 Cookie 后重试",
  badPath: "请求地址编码有误",
  nul: "请求中含有不允许的空字符（NUL），请删除后重试",
  badLength: "请求长度无效",
  lengthRequired: "请求需要注明内容长度（Content-Length）",
  bodyTooLarge: "提交的内容过大",
  staffOnly: "提交的内容过大：上传附件需要先登录",
  slowBody: "请求内容传输超时，请重试",
  badRequest: "请求格式有误",
} as const;

/** The path part of a request target. */
export function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q < 0 ? url : url.slice(0, q);
}

/** The route class a body limit depends on. */
export type RouteClass = "public" | "admin" | "auth";

export function routeClass(path: string): RouteClass {
  if (path === "/admin" || path.startsWith("/admin/")) return "admin";
  if (path === "/api/auth" || path.startsWith("/api/auth/")) return "auth";
  return "public";
}

/**
 * Checks the request line and headers (everything known before the body). Linear in the
 * size of the request head, which Node already caps.
 */
export function checkRequestHead(
  req: { url?: string; headers: IncomingHttpHeaders; rawHeaders?: string[] },
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): Refusal | null {
  const url = req.url ?? "/";
  if (Buffer.byteLength(url) > limits.maxUrlBytes) return { status: 414, message: MESSAGES.urlTooLong };

  if (req.rawHeaders) {
    let size = 0;
    for (const h of req.rawHeaders) size += h.length + 2;
    if (size > limits.maxHeaderBytes) return { status: 431, message: MESSAGES.headersTooLarge };
  }

  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? "" : url.slice(q + 1);

  // Bad percent-encoding or invalid UTF-8 in the path made Next answer 500.
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, message: MESSAGES.badPath };
  }
  if (decoded.includes("\u0000")) return { status: 400, message: MESSAGES.nul };
  if (!path.startsWith("/") && path !== "*") return { status: 400, message: MESSAGES.badPath };

  if (query) {
    // Count '&' without splitting: the count itself must be cheap.
    let params = 1;
    for (let i = 0; i < query.length; i++) if (query.charCodeAt(i) === 38) params++;
    if (params > limits.maxQueryParams) return { status: 414, message: MESSAGES.tooManyParams };
    if (/%00/i.test(query) || query.includes("\u0000")) return { status: 400, message: MESSAGES.nul };
  }
  return null;
}

/** The announced body length: 0 for none, null for a chunked body, NaN for a malformed one. */
export function declaredBodyLength(headers: IncomingHttpHeaders): number | null {
  const cl = headers["content-length"];
  if (cl !== undefined) return /^\d{1,15}$/.test(cl.trim()) ? Number(cl) : Number.NaN;
  if (headers["transfer-encoding"] !== undefined) return null;
  return 0;
}

/** Body limit for a route, and whether being staff could raise it. */
export function bodyLimit(route: RouteClass, staff: boolean, limits: GuardLimits = DEFAULT_GUARD_LIMITS): number {
  if (route === "admin") return staff ? limits.staffBodyBytes : limits.anonymousAdminBodyBytes;
  if (route === "auth") return limits.anonymousAdminBodyBytes;
  return limits.publicBodyBytes;
}

/**
 * Whether a form body holds a NUL character in a text field. Multipart file parts are
 * skipped (binary files legitimately hold NUL bytes); JSON and React's text encoding of
 * server-action arguments carry it as the escape \u0000.
 */
export function bodyHasNul(contentType: string, body: Buffer): boolean {
  const type = contentType.toLowerCase();
  if (type.startsWith("multipart/form-data")) return multipartTextHasNul(contentType, body);
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return body.includes(0) || /%00/i.test(body.toString("latin1"));
  }
  if (type.startsWith("application/json") || type.startsWith("text/plain")) {
    // An unescaped "\u0000" (an odd number of backslashes before the u).
    return body.includes(0) || /(?:^|[^\\])(?:\\\\)*\\u0000/i.test(body.toString("latin1"));
  }
  return false;
}

/** Content types whose bodies are read and checked for NUL (when small enough). */
export function isInspectedType(contentType: string): boolean {
  return /^(multipart\/form-data|application\/x-www-form-urlencoded|application\/json|text\/plain)\b/i.test(contentType);
}

function multipartTextHasNul(contentType: string, body: Buffer): boolean {
  const m = /boundary=(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  // Malformed multipart: nothing to skip, so any NUL byte counts.
  if (!boundary) return body.includes(0);
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const partStart = pos + delimiter.length;
    const next = body.indexOf(delimiter, partStart);
    const end = next < 0 ? body.length : next;
    const headEnd = body.indexOf("\r\n\r\n", partStart);
    if (headEnd < 0 || headEnd > end) return body.subarray(partStart, end).includes(0);
    const head = body.subarray(partStart, headEnd).toString("latin1");
    if (head.includes("\u0000")) return true;
    const isFile = /content-disposition:[^\r\n]*\bfilename\*?=/i.test(head);
    if (!isFile && body.subarray(headEnd + 4, end).includes(0)) return true;
    pos = next;
  }
  return false;
}

/** Writes a refusal: short Chinese text, no caching, connection closed if a body was announced. */
export function refuse(req: http.IncomingMessage, res: http.ServerResponse, r: Refusal): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${r.message}（HTTP ${r.status}）\n`;
  res.statusCode = r.status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("content-length", Buffer.byteLength(body));
  // An unread body would otherwise be drained by Node to reuse the connection.
  const bodyPending = declaredBodyLength(req.headers) !== 0 && !req.complete;
  if (bodyPending) res.setHeader("connection", "close");
  res.end(body);
  if (bodyPending)
    res.once("finish", () => {
      req.socket.destroySoon();
    });
}

export type GuardOptions = {
  limits?: Partial<GuardLimits>;
  /** Whether the cookie header holds a valid staff session; called only when a body needs it. */
  isStaff?: (cookieHeader: string) => Promise<boolean>;
};

/**
 * The guard as a request handler wrapper: `guard(req, res, pass)` calls `pass(request)` when
 * the request may go on (with a replacement request whose body was read and checked
 * here), or answers the refusal itself.
 */
export function createRequestGuard(opts: GuardOptions = {}) {
  const limits: GuardLimits = { ...DEFAULT_GUARD_LIMITS, ...opts.limits };
  const isStaff = opts.isStaff ?? (async () => false);

  return async function guard(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pass: (req: http.IncomingMessage) => void,
  ): Promise<void> {
    const head = checkRequestHead(req, limits);
    if (head) {
      refuse(req, res, head);
      return;
    }

    const length = declaredBodyLength(req.headers);
    if (length === 0) {
      pass(req);
      return;
    }
    if (Number.isNaN(length)) {
      refuse(req, res, { status: 400, message: MESSAGES.badLength });
      return;
    }
    // Browsers and reverse proxies announce the length of form posts; a chunked body could
    // only be bounded by reading it, which is what this guard avoids.
    if (length === null) {
      refuse(req, res, { status: 411, message: MESSAGES.lengthRequired });
      return;
    }

    const path = pathOf(req.url ?? "/");
    const route = routeClass(path);
    let staff = false;
    if (length > bodyLimit(route, false, limits)) {
      if (route === "admin" && req.headers.cookie) staff = await isStaff(req.headers.cookie).catch(() => false);
      if (length > bodyLimit(route, staff, limits)) {
        const message = route === "admin" && !staff ? MESSAGES.staffOnly : MESSAGES.bodyTooLarge;
        refuse(req, res, { status: 413, message });
        return;
      }
    }

    const type = req.headers["content-type"] ?? "";
    if (length <= limits.inspectBodyBytes && isInspectedType(type)) {
      const body = await readBody(req, length, limits.bodyTimeoutMs);
      if (body === "timeout") {
        refuse(req, res, { status: 408, message: MESSAGES.slowBody });
        return;
      }
      if (body === "error") return void req.socket.destroy();
      if (bodyHasNul(type, body)) {
        refuse(req, res, { status: 400, message: MESSAGES.nul });
        return;
      }
      pass(replayRequest(req, body));
      return;
    }

    // Larger bodies stream to Next unread; Node's parser stops them at the announced length.
    // Next is already reading a body that stalls: the connection is cut (a second response
    // would collide with Next's).
    const timer = setTimeout(
      () => {
        if (!req.complete) req.socket.destroy();
      },
      staff ? limits.staffBodyTimeoutMs : limits.bodyTimeoutMs,
    );
    timer.unref();
    res.once("close", () => {
      clearTimeout(timer);
    });
    req.once("end", () => {
      clearTimeout(timer);
    });
    pass(req);
  };
}

/** Reads a body of known length, giving up after `timeoutMs`. */
function readBody(req: http.IncomingMessage, length: number, timeoutMs: number): Promise<Buffer | "timeout" | "error"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Buffer | "timeout" | "error") => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off("data", onData);
      resolve(v);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      // Node's parser never delivers more than Content-Length; this is a second line.
      if (size > length) {
        finish("error");
        return;
      }
      chunks.push(c);
    };
    const timer = setTimeout(() => {
      finish("timeout");
    }, timeoutMs);
    req.on("data", onData);
    req.once("end", () => {
      finish(Buffer.concat(chunks, size));
    });
    req.once("error", () => {
      finish("error");
    });
    req.once("close", () => {
      finish(req.complete ? Buffer.concat(chunks, size) : "error");
    });
  });
}

/**
 * A request identical to `req` whose body is `body`, for Next to read (the original's body
 * has been consumed by the check). Built on the same socket so addresses and TLS state
 * are the same.
 */
function replayRequest(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const r = new http.IncomingMessage(req.socket);
  r.method = req.method;
  r.url = req.url;
  r.httpVersion = req.httpVersion;
  r.httpVersionMajor = req.httpVersionMajor;
  r.httpVersionMinor = req.httpVersionMinor;
  r.headers = req.headers;
  r.rawHeaders = req.rawHeaders;
  r.trailers = req.trailers;
  r.rawTrailers = req.rawTrailers;
  r.complete = true;
  r.push(body);
  r.push(null);
  return r;
}

/**
 * Answers what Node refuses before any handler runs — a request head over its 16 KiB
 * limit, an unparsable request — in Chinese instead of a bare status line.
 * Install with `server.on("clientError", answerClientError)`.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: import("node:stream").Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const [status, message]: [number, string] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [431, MESSAGES.headersTooLarge]
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, MESSAGES.slowBody]
        : [400, MESSAGES.badRequest];
  const body = `${message}（HTTP ${status}）\n`;
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}
