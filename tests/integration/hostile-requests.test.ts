import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import http from "node:http";
import net from "node:net";

vi.mock("server-only", () => ({}));
import { answerClientError, createRequestGuard } from "@/lib/http/request-guard";
import { db } from "@/lib/db/client";
import { makeDisclosureOrg, itemValues } from "../helpers/disclosure-org";
import { createItem } from "@/lib/disclosure/save-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { publishItem } from "@/lib/disclosure/publish-item";
import { setCatalogueCacheEnabled } from "@/lib/disclosure/public-cache";
import { GET as feedGET } from "@/app/feed.xml/route";
import { GET as sitemapGET } from "@/app/sitemap.xml/route";
import { GET as listGET } from "@/app/api/v1/disclosures/route";
import { pageCacheKey } from "@/lib/http/page-cache";

// A corpus of hostile requests (issue 13) against the production server's request guard
// (lib/http/request-guard.ts), run as a real HTTP server on a loopback port with raw
// sockets — the same guard scripts/server.ts puts in front of Next. Every case must get a
// 4xx quickly, never a 5xx or a hang, and never reach the handler behind the guard.

type Reply = { status: number; body: string; ms: number; closed: boolean };

let server: http.Server;
let port = 0;
const reached: Array<{ method: string; url: string; bytes: number }> = [];

beforeAll(async () => {
  const guard = createRequestGuard({
    limits: { bodyTimeoutMs: 600, staffBodyBytes: 8 * 1024 * 1024 },
    // Stands in for the signed-session check (tests/unit/http-staff-session.test.ts).
    isStaff: async (cookie) => /(?:^|;\s*)staff=verified(?:;|$)/.test(cookie),
  });
  server = http.createServer((req, res) => {
    void guard(req, res, (r) => {
      let bytes = 0;
      r.on("data", (c: Buffer) => (bytes += c.length));
      r.on("end", () => {
        reached.push({ method: r.method ?? "", url: r.url ?? "", bytes });
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end(`ok ${bytes}`);
      });
    });
  });
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

/** Sends `head` (and optional body parts with pauses) on a raw socket; reads one response. */
function raw(head: string, opts: { body?: Buffer[]; pauseMs?: number; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      const text = Buffer.concat(chunks).toString("utf8");
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!m) return; // wait for more, or the timeout
      const sep = text.indexOf("\r\n\r\n");
      const len = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, sep));
      const body = text.slice(sep + 4);
      if (!closed && len && Buffer.byteLength(body) < Number(len[1])) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(m[1]), body, ms: performance.now() - t0, closed });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      if (!settled) reject(new Error(`no answer within ${opts.timeoutMs ?? 5000} ms (hang)`));
    }, opts.timeoutMs ?? 5000);
    socket.on("data", (d: Buffer) => {
      chunks.push(d);
      finish(false);
    });
    socket.on("close", () => {
      finish(true);
    });
    socket.on("error", () => {
      finish(true);
    });
    socket.write(head);
    void (async () => {
      for (const part of opts.body ?? []) {
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
        if (!socket.destroyed) socket.write(part);
      }
    })();
  });
}

const get = (target: string, extra = "") => raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`);
const post = (target: string, type: string, body: Buffer | string, extra = "") => {
  const b = typeof body === "string" ? Buffer.from(body) : body;
  return raw(
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${b.length}\r\n${extra}Connection: close\r\n\r\n`,
    { body: [b] },
  );
};

function expectRefused(r: Reply, status: number) {
  expect(r.status).toBe(status);
  expect(r.body).toMatch(/[\u4e00-\u9fff]/); // a Chinese message, not a bare status
}

describe("hostile requests are refused before any work", () => {
  it("answers a 10,000-parameter URL at once (over Node's 16 KiB head: 431)", async () => {
    const before = reached.length;
    const q = Array.from({ length: 10_000 }, (_, i) => `p${i}=1`).join("&");
    const r = await get(`/search?${q}`);
    expectRefused(r, 431);
    expect(r.ms).toBeLessThan(1000);
    expect(reached.length).toBe(before);
  });

  it("refuses too many parameters in a URL that fits the head limit (414)", async () => {
    const r = await get(`/search?${"a=1&".repeat(1500)}`);
    expectRefused(r, 414);
    expect(r.body).toContain("参数过多");
    expect(r.ms).toBeLessThan(1000);
  });

  it("refuses an over-long URL (414) and huge headers (431)", async () => {
    expectRefused(await get(`/xxgk/${"a".repeat(9000)}`), 414);
    expectRefused(await get("/", `Cookie: x=${"a".repeat(20_000)}\r\n`), 431);
    // Many small headers under Node's limit but over the guard's own count of bytes.
    const many = Array.from({ length: 300 }, (_, i) => `X-H${i}: ${"v".repeat(50)}\r\n`).join("");
    expectRefused(await get("/", many), 431);
  });

  it("refuses NUL characters and malformed paths (400, not 500)", async () => {
    expectRefused(await get("/search?q=%00"), 400);
    expectRefused(await get("/search?q=a%00b&x=1"), 400);
    expectRefused(await get("/xxgk/%00"), 400);
    expectRefused(await get("/xxgk/%E4%B8"), 400); // truncated UTF-8
    expectRefused(await get("/xxgk/%C3%28"), 400); // invalid UTF-8
    expectRefused(await get("/xxgk/%zz"), 400); // bad percent-encoding
    // Ordinary Chinese paths and queries pass.
    expect((await get("/search?q=%E6%94%BF%E5%BA%9C&page=2")).status).toBe(200);
    expect((await get("/xxgk/%E6%94%BF%E5%BA%9C")).status).toBe(200);
  });

  it("refuses NUL in form fields (urlencoded, multipart text, JSON / action arguments) but not in files", async () => {
    const before = reached.length;
    expectRefused(await post("/ysqgk/apply", "application/x-www-form-urlencoded", "name=a%00b&x=1"), 400);
    expectRefused(await post("/ysqgk/apply", "application/x-www-form-urlencoded", Buffer.from("name=a\u0000b")), 400);
    expectRefused(await post("/api/v1/requests", "application/json", '{"name":"a\\u0000b"}'), 400);
    expectRefused(await post("/ysqgk/apply", "text/plain;charset=UTF-8", '["$K1",{"name":"\\u0000"}]'), 400);
    const boundary = "----x";
    const part = (headers: string, content: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), content, Buffer.from("\r\n")]);
    const multipart = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
    const type = `multipart/form-data; boundary=${boundary}`;
    expectRefused(
      await post("/ysqgk/apply", type, multipart(part('Content-Disposition: form-data; name="name"', Buffer.from("张\u0000三")))),
      400,
    );
    expect(reached.length).toBe(before);

    // A binary file legitimately holds NUL bytes; an escaped backslash is not a NUL.
    const ok = await post(
      "/ysqgk/apply",
      type,
      multipart(
        part('Content-Disposition: form-data; name="name"', Buffer.from("张三")),
        part(
          'Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png',
          Buffer.from([0x89, 0x50, 0, 0, 0, 1]),
        ),
      ),
    );
    expect(ok.status).toBe(200);
    expect((await post("/api/v1/requests", "application/json", '{"path":"C:\\\\u0000dir"}')).status).toBe(200);
    expect(reached.length).toBe(before + 2);
  });

  it("refuses oversized anonymous bodies from the announced length, without reading them", async () => {
    const before = reached.length;
    const huge = (target: string, extra = "") =>
      raw(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${100 * 1024 * 1024}\r\n${extra}\r\n`,
      );
    const pub = await huge("/ysqgk/apply");
    expectRefused(pub, 413);
    expect(pub.ms).toBeLessThan(1000);
    const admin = await huge("/admin/disclosures/new", "Cookie: next-auth.session-token=forged\r\n");
    expectRefused(admin, 413);
    expect(admin.body).toContain("登录");
    // /admin without a session: even a modest body is refused.
    expectRefused(await post("/admin/disclosures/new", "application/octet-stream", Buffer.alloc(200 * 1024)), 413);
    expectRefused(await huge("/api/auth/callback/credentials"), 413);
    expect(reached.length).toBe(before);
  });

  it("lets a verified staff session upload more, streamed to the handler, up to its limit", async () => {
    const before = reached.length;
    const body = Buffer.alloc(3 * 1024 * 1024, 1);
    const r = await post("/admin/disclosures/new", "application/octet-stream", body, "Cookie: staff=verified\r\n");
    expect(r.status).toBe(200);
    expect(r.body).toBe(`ok ${body.length}`);
    expect(reached.length).toBe(before + 1);
    const over = await raw(
      `POST /admin/disclosures/new HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: staff=verified\r\nContent-Length: ${9 * 1024 * 1024}\r\n\r\n`,
    );
    expectRefused(over, 413);
  });

  it("refuses chunked bodies (411) and malformed lengths (400)", async () => {
    expectRefused(await raw("POST /ysqgk/apply HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"), 411);
    expect((await raw("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n")).status).toBe(400);
  });

  it("cuts off a slow body (408) instead of holding the connection", async () => {
    const before = reached.length;
    const r = await raw(
      "POST /ysqgk/apply HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
      {
        body: [Buffer.from("name=")],
        timeoutMs: 3000,
      },
    );
    expectRefused(r, 408);
    expect(reached.length).toBe(before);
  });

  it("answers garbage request lines with 400, never 5xx", async () => {
    for (const head of [
      "GARBAGE\r\n\r\n",
      "GET /\u0000 HTTP/1.1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
    ]) {
      const r = await raw(head);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
  });
});

describe("forged Host / X-Forwarded-Host cannot poison cached responses", () => {
  let itemId = "";

  beforeAll(async () => {
    process.env.PUBLIC_ORIGIN = "https://xxgk.example.gov.cn";
    setCatalogueCacheEnabled(false);
    const o = await makeDisclosureOrg(db());
    const c = await createItem(o.clerk, { values: itemValues(o.category.id, { title: "关于防止缓存投毒的通知" }) });
    await submitItem(o.clerk, c.id);
    await reviewItem(o.reviewer, c.id, { decision: "CLEAR", expectedRevisionHash: c.revisionHash });
    await signItem(o.director, c.id, { expectedRevisionHash: c.revisionHash });
    await publishItem(o.clerk, c.id, { expectedRevisionHash: c.revisionHash });
    itemId = c.id;
  });

  const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" };

  it("builds feed, sitemap and API links from PUBLIC_ORIGIN only", async () => {
    const feed = await (await feedGET(new Request("http://evil.example/feed.xml", { headers: forged }))).text();
    expect(feed).toContain(`https://xxgk.example.gov.cn/xxgk/items/${itemId}`);
    expect(feed).not.toContain("evil.example");
    const sitemap = await (await sitemapGET(new Request("http://evil.example/sitemap.xml", { headers: forged }))).text();
    expect(sitemap).toContain("<loc>https://xxgk.example.gov.cn/xxgk</loc>");
    expect(sitemap).not.toContain("evil.example");
    const api: unknown = await (await listGET(new Request("http://evil.example/api/v1/disclosures", { headers: forged }))).json();
    expect(JSON.stringify(api)).toContain(`https://xxgk.example.gov.cn/xxgk/items/${itemId}`);
    expect(JSON.stringify(api)).not.toContain("evil.example");
  });

  it("keys the page cache on nothing the forged headers change", () => {
    const plain = pageCacheKey("GET", "/feed.xml", { host: "127.0.0.1" });
    expect(pageCacheKey("GET", "/feed.xml", forged)).toBe(plain);
  });
});
