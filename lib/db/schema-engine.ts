import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { installJobSchema } from "@/lib/jobs/schema";

// Prisma's CLI downloads a native schema engine, which this environment cannot
// do. The same engine is published compiled to WebAssembly; we load it here
// and drive it through the pg driver adapter, so migrations are applied and
// recorded in `_prisma_migrations` exactly as `prisma migrate deploy` does.
// See docs/decisions/0002-offline-migrations.md.

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
/** The schema is split by domain into prisma/schema/*.prisma. */
export const SCHEMA_DIR = path.join(ROOT, "prisma", "schema");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
/** The engine class of the module we load (the package root declares an identical, separate one). */
type SchemaEngine = Bg["SchemaEngine"]["prototype"];
let bgPromise: Promise<Bg> | null = null;

async function loadWasm(): Promise<Bg> {
  if (!bgPromise) {
    bgPromise = (async () => {
      const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
      const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
      const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
      const { instance } = await WebAssembly.instantiate(bytes, {
        "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
      });
      bg.__wbg_set_wasm(instance.exports);
      (instance.exports.__wbindgen_start as () => void)();
      return bg;
    })();
  }
  return bgPromise;
}

/**
 * The pg adapter builds its shadow database config by spreading the config
 * and overriding `database`; a connectionString would win over that override,
 * so we always hand it discrete fields.
 */
export function pgConfigFromUrl(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    ...(u.searchParams.get("sslmode") === "require" ? { ssl: { rejectUnauthorized: false } } : {}),
  };
}

/**
 * The engine reads pg_catalog columns of the internal one-byte type "char"
 * (OID 18), which @prisma/adapter-pg does not map and rejects. Its text form is
 * a one-character string, so we report it as TEXT (OID 25). Only the migration
 * tooling loads this module; the app's own queries never touch such columns.
 */
const PG_CHAR = 18;
const PG_TEXT = 25;
type PgResultProto = { addFields: (this: PgResultProto, fields: Array<{ dataTypeID: number }>) => void };
const resultProto = (pg as unknown as { Result: { prototype: PgResultProto } }).Result.prototype;
const addFields = resultProto.addFields;
resultProto.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === PG_CHAR) f.dataTypeID = PG_TEXT;
  addFields.call(this, fields);
};

/**
 * PrismaPg's own shadow database leaves its pool without an error listener and
 * drops the database before closing the pool; a server shutdown then crashes
 * the process. This factory ends the pool first and drops with FORCE.
 */
class MigrationPg extends PrismaPg {
  constructor(private readonly cfg: ReturnType<typeof pgConfigFromUrl>) {
    super(cfg, { onPoolError: () => {} });
  }
  override async connect() {
    return wholeScript(await super.connect());
  }
  override async connectToShadowDb() {
    const database = `prisma_shadow_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
    const admin = await this.connect();
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = wholeScript(await new PrismaPg({ ...this.cfg, database }, { onPoolError: () => {} }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

/**
 * The adapter splits a migration script on every ";", which breaks function
 * bodies ($$ … $$). PostgreSQL's simple query protocol runs a multi-statement
 * script as it is, so we send it whole.
 */
function wholeScript<A extends { executeScript(script: string): Promise<void> }>(adapter: A): A {
  const inner = adapter as unknown as { client: pg.Pool; onError(e: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script);
    } catch (e) {
      inner.onError(e);
    }
  };
  return adapter;
}

export async function withSchemaEngine<T>(url: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationPg(pgConfigFromUrl(url)));
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: schemaFiles().map((f) => [f.path, f.content] as [string, string]) },
    (msg: string) => logs.push(msg),
    adapter,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export function schemaFiles(): Array<{ path: string; content: string }> {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(SCHEMA_DIR, f), content: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") }));
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const dirs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/**
 * Equivalent of `prisma migrate deploy`, then the job queue's own schema (graphile-worker,
 * lib/jobs/schema.ts), so every migrated database can take jobs. Returns the names applied now.
 */
export async function applyMigrations(url: string): Promise<string[]> {
  const applied = await withSchemaEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
  await installJobSchema(url);
  return applied;
}

/**
 * SQL that would bring a database built from the checked-in migrations to
 * prisma/schema/*.prisma. Empty when they agree. Uses a temporary shadow database.
 */
export async function diffMigrationsToSchema(url: string): Promise<string> {
  return withSchemaEngine(url, async (engine) => {
    const list = readMigrations();
    const from = list.migrationDirectories.length ? { tag: "migrations" as const, ...list } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: schemaFiles() },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const script = result.stdout ?? "";
    return script.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  });
}
