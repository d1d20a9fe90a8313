import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ROOT } from "./schema-engine";
import { startEmbeddedPostgres } from "./embedded-postgres";

export const DATA_DIR = path.join(ROOT, ".data");

/**
 * The database the scripts work on: DATABASE_URL when it is set, otherwise an
 * embedded PostgreSQL cluster under .data/ (started here, stopped by `stop`).
 */
export async function resolveDatabase(opts: { cluster?: string; port?: number; quiet?: boolean } = {}) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const handle = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, opts.cluster ?? "pg"),
    port: opts.port,
    quiet: opts.quiet,
  });
  return { url: handle.url, embedded: true, stop: handle.stop };
}

/**
 * Sets AUTH_SECRET for a local run when neither AUTH_SECRET nor NEXTAUTH_SECRET is given:
 * a secret generated once and kept in .data/auth-secret (git-ignored). With an external
 * database in production a secret must be configured, and this refuses to invent one.
 */
export function ensureLocalAuthSecret(embedded: boolean): void {
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) return;
  if (!embedded && process.env.NODE_ENV === "production") {
    throw new Error("配置错误，无法启动：\n  AUTH_SECRET: 生产环境必须设置（至少 32 个字符）");
  }
  const file = path.join(DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
