import path from "node:path";
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
