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

  it("accepts NEXTAUTH_SECRET in place of AUTH_SECRET", () => {
    expect(() => parseEnv({ DATABASE_URL: good.DATABASE_URL, NEXTAUTH_SECRET: "n".repeat(40) })).not.toThrow();
  });
});
