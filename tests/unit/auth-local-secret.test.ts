import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureLocalAuthSecret } from "@/lib/db/local-database";

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "auth-secret-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("ensureLocalAuthSecret", () => {
  it("refuses to invent a secret for an external database outside dev mode, naming AUTH_SECRET", () => {
    const dataDir = tmp();
    const env: Record<string, string | undefined> = {}; // NODE_ENV unset, as in the `npm start` process
    expect(() => {
      ensureLocalAuthSecret(false, { dev: false, env, dataDir });
    }).toThrow(/AUTH_SECRET: 使用外部数据库.*必须设置/);
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });

  it("refuses in production even when asked for dev mode", () => {
    expect(() => {
      ensureLocalAuthSecret(false, { dev: true, env: { NODE_ENV: "production" }, dataDir: tmp() });
    }).toThrow(/AUTH_SECRET/);
  });

  it("accepts a configured AUTH_SECRET or NEXTAUTH_SECRET with an external database", () => {
    const env = { AUTH_SECRET: "x".repeat(40) };
    ensureLocalAuthSecret(false, { dev: false, env, dataDir: tmp() });
    expect(env.AUTH_SECRET).toBe("x".repeat(40));
    expect(() => {
      ensureLocalAuthSecret(false, { dev: false, env: { NEXTAUTH_SECRET: "y".repeat(40) }, dataDir: tmp() });
    }).not.toThrow();
  });

  it("generates and keeps a local secret for the embedded database, and for dev mode", () => {
    const dataDir = tmp();
    const a: Record<string, string | undefined> = {};
    ensureLocalAuthSecret(true, { dev: false, env: a, dataDir });
    expect(a.AUTH_SECRET).toMatch(/^[0-9a-f]{64}$/);
    const b: Record<string, string | undefined> = {};
    ensureLocalAuthSecret(false, { dev: true, env: b, dataDir });
    expect(b.AUTH_SECRET).toBe(a.AUTH_SECRET);
  });
});
