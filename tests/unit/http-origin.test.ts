import { afterEach, describe, expect, it } from "vitest";
import { securityEnv } from "@/lib/env";
import { publicOrigin, secureCookies } from "@/lib/http/origin";
import { requestOrigin } from "@/lib/disclosure/public-http";
import { pageCacheKey } from "@/lib/http/page-cache";

const saved = { ...process.env };
// NODE_ENV is typed read-only; the tests still need to vary it.
const setEnv = (k: string, v: string) => Reflect.set(process.env, k, v);
afterEach(() => {
  for (const k of ["PUBLIC_ORIGIN", "PORT", "SECURE_COOKIES", "NODE_ENV"]) {
    if (saved[k] === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = saved[k];
  }
});

describe("PUBLIC_ORIGIN", () => {
  it("defaults to the demo's own address", () => {
    expect(securityEnv({ PORT: "3100" }).publicOrigin).toBe("http://localhost:3100");
    expect(securityEnv({}).publicOrigin).toBe("http://localhost:3000");
  });

  it("is normalised to an origin and refuses paths or other schemes, in Chinese", () => {
    expect(securityEnv({ PUBLIC_ORIGIN: "https://XXGK.Example.gov.cn:443" }).publicOrigin).toBe("https://xxgk.example.gov.cn");
    for (const bad of ["xxgk.example.gov.cn", "https://a.gov.cn/path", "ftp://a.gov.cn", "https://user@a.gov.cn"]) {
      expect(() => securityEnv({ PUBLIC_ORIGIN: bad })).toThrow(/PUBLIC_ORIGIN: 必须是 http:\/\/ 或 https:\/\//);
    }
  });

  it("is what absolute links use, whatever Host or X-Forwarded-Host the request carries", () => {
    process.env.PUBLIC_ORIGIN = "https://xxgk.example.gov.cn";
    const forged = new Request("http://evil.example/feed.xml", {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
    });
    expect(requestOrigin(forged)).toBe("https://xxgk.example.gov.cn");
    expect(publicOrigin()).toBe("https://xxgk.example.gov.cn");
    process.env.PUBLIC_ORIGIN = "http://portal.test";
    expect(requestOrigin(forged)).toBe("http://portal.test");
  });

  it("keeps Host and forwarding headers out of the page cache key", () => {
    const a = pageCacheKey("GET", "/sitemap.xml", { host: "127.0.0.1" });
    expect(a).not.toBeNull();
    expect(
      pageCacheKey("GET", "/sitemap.xml", { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
    ).toBe(a);
  });
});

describe("Secure cookies", () => {
  it("are on in production by default and for an https origin", () => {
    setEnv("NODE_ENV", "production");
    process.env.PUBLIC_ORIGIN = "http://portal.gov.cn";
    expect(secureCookies()).toBe(true);
    setEnv("NODE_ENV", "development");
    process.env.PUBLIC_ORIGIN = "https://portal.gov.cn";
    expect(secureCookies()).toBe(true);
  });

  it("stay off for the demo on localhost and when explicitly turned off", () => {
    setEnv("NODE_ENV", "production");
    delete process.env.PUBLIC_ORIGIN;
    expect(secureCookies()).toBe(false);
    process.env.PUBLIC_ORIGIN = "http://portal.gov.cn";
    process.env.SECURE_COOKIES = "false";
    expect(secureCookies()).toBe(false);
  });
});
