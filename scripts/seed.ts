import { applyMigrations } from "@/lib/db/schema-engine";
import { ensureLocalAuthSecret, resolveDatabase } from "@/lib/db/local-database";

// Applies migrations and writes the demo data steps not yet on the database.
const db = await resolveDatabase();
try {
  process.env.DATABASE_URL = db.url;
  ensureLocalAuthSecret(db.embedded);
  await applyMigrations(db.url);
  const { createDb } = await import("@/lib/db/client");
  const { seedDemo } = await import("@/lib/seed/seed-demo");
  const client = createDb(db.url);
  const ran = await seedDemo(client, console.log);
  await client.$disconnect();
  console.log(ran.length ? `已写入：${ran.join("、")}` : "演示数据已存在。");
} finally {
  await db.stop();
}
