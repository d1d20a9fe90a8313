import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";

// How the integration tests get their databases (see docs/developing.md):
//  - a bare template: the checked-in migrations (and whatever applyMigrations adds), built
//    in the global setup;
//  - a seeded template: the bare one plus the whole demo seed, built the first time a test
//    file asks for it (withSeededDatabase()), in a child process;
//  - each test file clones one of them (CREATE DATABASE … TEMPLATE, milliseconds).
// Both templates stay in the (test-only) cluster between runs, named by a hash of what
// they are made from, so an unchanged tree reuses them; anything else is rebuilt.

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const TEST_DB_PREFIX = "portal_test_";
export const TEMPLATE_PREFIX = "portal_tpl_";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Everything a template's content depends on: the migrations, the code that applies and
 * seeds them (all of lib/, since the seed runs the real verbs), the locked dependencies and
 * this setup. Hashing ~2 MB of sources takes a few milliseconds. */
const KEY_SOURCES = ["prisma/migrations", "prisma/schema", "lib", "tests/setup", "package-lock.json"];

function* files(p: string): Generator<string> {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isFile()) {
    yield p;
    return;
  }
  for (const name of fs.readdirSync(p).sort()) {
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) continue;
    yield* files(path.join(p, name));
  }
}

export function sourceKey(root = ROOT): string {
  const h = crypto.createHash("sha256");
  for (const src of KEY_SOURCES) {
    for (const f of files(path.join(root, src))) {
      h.update(path.relative(root, f));
      h.update("\0");
      h.update(fs.readFileSync(f));
      h.update("\0");
    }
  }
  return h.digest("hex").slice(0, 12);
}

/** The demo seed counts dates back from the day it runs (China time): a seeded template is
 * only good for the day it was made. */
export function seedDay(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now).replace(/-/g, "");
}

export function templateNames(key: string, day: string) {
  return { bare: `${TEMPLATE_PREFIX}${key}`, seeded: `${TEMPLATE_PREFIX}${key}_seeded_${day}` };
}

export async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  return ((await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
}

/** Drops a test database or template (a template must first stop being one). */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`ALTER DATABASE "${name}" IS_TEMPLATE false`).catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * Turns a freshly built database into a template under its final name. Connections are
 * ended and then refused, so a clone can never fail on "being accessed by other users"
 * and concurrent clones need no lock. The rename makes it appear complete or not at all:
 * an interrupted build leaves only a `…_build_…` database, dropped by the next run.
 */
export async function publishTemplate(admin: pg.Client, building: string, name: string): Promise<void> {
  await admin.query(`ALTER DATABASE "${building}" WITH ALLOW_CONNECTIONS false`);
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [building]);
  await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  await admin.query(`ALTER DATABASE "${name}" IS_TEMPLATE true`);
}

export function buildingName(name: string): string {
  return `${name.slice(0, 40)}_build_${process.pid}`;
}

/** Serialises the builds of one template across processes (test workers, parallel runs). */
async function withBuildLock<T>(admin: pg.Client, name: string, fn: () => Promise<T>): Promise<T> {
  await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
  try {
    return await fn();
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
  }
}

/** Builds `name` with `build(url of a work database)` unless it already exists. */
export async function ensureTemplate(
  adminUrl: string,
  name: string,
  from: string | null,
  build: (url: string) => Promise<void>,
): Promise<{ built: boolean; ms: number }> {
  const t = Date.now();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await withBuildLock(admin, name, async () => {
      if (await databaseExists(admin, name)) return { built: false, ms: Date.now() - t };
      const building = buildingName(name);
      await dropDatabase(admin, building);
      await admin.query(from ? `CREATE DATABASE "${building}" TEMPLATE "${from}"` : `CREATE DATABASE "${building}"`);
      try {
        await build(withDatabase(adminUrl, building));
        await publishTemplate(admin, building, name);
      } catch (e) {
        await dropDatabase(admin, building).catch(() => {});
        throw e;
      }
      return { built: true, ms: Date.now() - t };
    });
  } finally {
    await admin.end();
  }
}

/**
 * The seeded template, built on first use. The seed runs in a child process: it calls the
 * real verbs, which use the process-wide `db()` client and module caches, and none of that
 * may leak into the test file that asked for it.
 */
export async function ensureSeededTemplate(adminUrl: string, bare: string, seeded: string) {
  return ensureTemplate(adminUrl, seeded, bare, (url) => runSeedScript(url));
}

function runSeedScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests", "setup", "seed-template.ts"), url], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-test-secret-test-secret-0123" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`演示数据模板库生成失败（退出码 ${code}）：\n${err.slice(-4000)}`)),
    );
  });
}
