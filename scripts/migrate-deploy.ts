import { applyMigrations } from "@/lib/db/schema-engine";
import { resolveDatabase } from "@/lib/db/local-database";

// Equivalent of `prisma migrate deploy`, offline. Applies prisma/migrations/*
// to DATABASE_URL (or the embedded database) and records them.
const db = await resolveDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `已应用迁移：\n  ${applied.join("\n  ")}` : "数据库已是最新，无需迁移。");
} finally {
  await db.stop();
}
