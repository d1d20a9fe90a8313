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
 * a secret generated once and kept in .data/auth-secret (git-ignored).
 *
 * With an external database (DATABASE_URL) outside dev mode this refuses to invent one:
 * that is somebody's real portal, whose session cookies must be signed with a secret the
 * operator configured (and keeps across machines), not one left in a local file. The check
 * cannot rely on NODE_ENV: `npm start` sets it only for the server it spawns, not for the
 * process that calls this.
 *   dev: `npm start -- --dev`; defaults to whether this process was started with --dev.
 *   env, dataDir: for tests.
 */
export function ensureLocalAuthSecret(
  embedded: boolean,
  opts: { dev?: boolean; env?: Record<string, string | undefined>; dataDir?: string } = {},
): void {
  const env = opts.env ?? process.env;
  const dev = (opts.dev ?? process.argv.includes("--dev")) && env.NODE_ENV !== "production";
  if (env.AUTH_SECRET || env.NEXTAUTH_SECRET) return;
  if (!embedded && !dev) {
    throw new Error(
      "配置错误，无法启动：\n  AUTH_SECRET: 使用外部数据库（DATABASE_URL）运行时必须设置 AUTH_SECRET（或 NEXTAUTH_SECRET），" +
        "至少 32 个字符，例如用 `openssl rand -hex 32` 生成",
    );
  }
  const dir = opts.dataDir ?? DATA_DIR;
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
