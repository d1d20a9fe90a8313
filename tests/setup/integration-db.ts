import { afterAll, beforeAll, inject } from "vitest";
import pg from "pg";
import { primeCachedHash } from "@/lib/seed/factories";
import { dropDatabase, ensureSeededTemplate, TEST_DB_PREFIX, withDatabase } from "./test-databases";
import { markDatabaseCloned, resetDatabaseChoice, seededDatabaseWanted } from "../helpers/database";

// Each test file gets its own database, cloned before its first hook from the migrated
// template — or from the demo-seeded one when the file called withSeededDatabase() at its
// top level (tests/helpers/database.ts). The name, and so DATABASE_URL, is fixed now: no
// module connects before the hooks run, as `db()` opens its pool on first use.
const adminUrl = inject("pgAdminUrl");
const name = `${TEST_DB_PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

process.env.DATABASE_URL = withDatabase(adminUrl, name);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
(globalThis as { __prisma?: unknown }).__prisma = undefined;
resetDatabaseChoice();
for (const [password, hash] of Object.entries(inject("passwordHashes"))) primeCachedHash(password, hash);

beforeAll(async () => {
  let template = inject("pgTemplate");
  if (seededDatabaseWanted()) {
    template = inject("pgSeededTemplate");
    // The first file to ask builds it (tens of seconds on a busy machine); later files, and
    // later runs of an unchanged tree, find it ready.
    await ensureSeededTemplate(adminUrl, inject("pgTemplate"), template);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Templates refuse connections (test-databases.ts publishTemplate), so clones need no lock.
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  markDatabaseCloned();
}, 15 * 60_000);

afterAll(async () => {
  const g = globalThis as { __prisma?: { $disconnect(): Promise<void> } };
  await g.__prisma?.$disconnect();
  g.__prisma = undefined;
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  await dropDatabase(a, name);
  await a.end();
});
