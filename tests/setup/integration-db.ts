import { afterAll, inject } from "vitest";
import pg from "pg";

// Each test file gets its own database, cloned from the migrated template.
const adminUrl = inject("pgAdminUrl");
const template = inject("pgTemplate");
const name = `portal_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
// Cloning needs the template to itself: serialise the test files' clones.
await admin.query("SELECT pg_advisory_lock(4242)");
try {
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
} finally {
  await admin.query("SELECT pg_advisory_unlock(4242)");
}
await admin.end();

const u = new URL(adminUrl);
u.pathname = `/${name}`;
process.env.DATABASE_URL = u.toString();
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
(globalThis as { __prisma?: unknown }).__prisma = undefined;

afterAll(async () => {
  const g = globalThis as { __prisma?: { $disconnect(): Promise<void> } };
  await g.__prisma?.$disconnect();
  g.__prisma = undefined;
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await a.end();
});
