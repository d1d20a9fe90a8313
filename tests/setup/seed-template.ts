// Seeds the database named by argv[2] with the whole demo data (lib/seed/seed-demo.ts).
// Run as a child process by tests/setup/test-databases.ts when the seeded template is
// built; DATABASE_URL points at the same database, for the verbs' own `db()` client.
import { createDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/seed-demo";

const url = process.argv[2];
if (!url) throw new Error("usage: seed-template.ts <database url>");
const client = createDb(url);
try {
  await seedDemo(client);
} finally {
  await client.$disconnect();
  await (globalThis as { __prisma?: { $disconnect(): Promise<void> } }).__prisma?.$disconnect();
}
// A verb may leave a timer or listener behind; the template is complete, so do not wait for it.
process.exit(0);
