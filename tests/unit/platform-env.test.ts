import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const good = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "s".repeat(32) };

describe("start-up configuration", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.UPLOAD_MAX_MB).toBe(50);
  });

  it("names each missing or malformed variable in Chinese", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL: 未设置/);
    expect(() => parseEnv({ ...good, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: 必须是 postgresql:\/\/ 开头的连接串/);
    expect(() => parseEnv({ DATABASE_URL: good.DATABASE_URL })).toThrow(/AUTH_SECRET: 未设置/);
    expect(() => parseEnv({ ...good, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: 至少 32 个字符/);
    expect(() => parseEnv({ ...good, PORT: "abc" })).toThrow(/PORT: 必须是数字/);
  });

  it("answers range and type errors of every field in Chinese", () => {
    const first = (extra: Record<string, string>) => {
      try {
        parseEnv({ ...good, ...extra });
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    };
    expect(first({ PORT: "0" })).toMatch(/PORT: 不能小于 1/);
    expect(first({ PORT: "70000" })).toMatch(/PORT: 不能大于 65535/);
    expect(first({ PORT: "80.5" })).toMatch(/PORT: 必须是整数/);
    expect(first({ SITE_NAME: "  " })).toMatch(/SITE_NAME: 不能为空/);
    expect(first({ SITE_NAME: "县".repeat(61) })).toMatch(/SITE_NAME: 不能超过 60 个字符/);
    expect(first({ UPLOAD_MAX_MB: "lots" })).toMatch(/UPLOAD_MAX_MB: 必须是数字/);
    expect(first({ NODE_ENV: "staging" })).toMatch(/NODE_ENV: 只能是 development、production 或 test/);
    expect(first({ TRUSTED_PROXY_HOPS: "-1" })).toMatch(/TRUSTED_PROXY_HOPS: 不能小于 0/);
    expect(first({ TRUSTED_PROXY_HOPS: "one" })).toMatch(/TRUSTED_PROXY_HOPS: 必须是数字/);
    // No message may fall back to zod's English text.
    const bad: Record<string, string>[] = [
      { PORT: "0" },
      { UPLOAD_MAX_MB: "NaN" },
      { NODE_ENV: "x" },
      { SITE_NAME: "" },
      { UPLOAD_DIR: "" },
    ];
    for (const extra of bad) {
      expect(first(extra)).not.toMatch(/[A-Za-z]{3,} [a-z]{3,}/);
    }
  });

  it("reads TRUSTED_PROXY_HOPS, 0 by default", () => {
    expect(parseEnv(good).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...good, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it("accepts NEXTAUTH_SECRET in place of AUTH_SECRET", () => {
    expect(() => parseEnv({ DATABASE_URL: good.DATABASE_URL, NEXTAUTH_SECRET: "n".repeat(40) })).not.toThrow();
  });
});
