import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema, MIGRATIONS_DIR } from "@/lib/db/schema-engine";

describe("checked-in migrations", () => {
  it("agree with prisma/schema/*.prisma (the diff between them is empty)", async () => {
    // Runs the migrations on a throw-away shadow database and compares.
    const sql = await diffMigrationsToSchema(process.env.DATABASE_URL!);
    expect(sql).toBe("");
  });
});

/**
 * A scratch database migrated up to (not including) the migration named `*_${name}`, for
 * filling with data in the old shape; `apply()` then runs that migration, as deploy would
 * (one script, simple query protocol — see lib/db/schema-engine.ts).
 */
async function databaseBefore(name: string) {
  const dirs = fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const at = dirs.findIndex((d) => d.endsWith(`_${name}`));
  if (at < 0) throw new Error(`no migration ${name}`);
  const script = (d: string) => fs.readFileSync(path.join(MIGRATIONS_DIR, d, "migration.sql"), "utf8");
  // The portal_test_ prefix lets the global teardown drop it should this test be interrupted.
  const db = `portal_test_mig_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const adminUrl = inject("pgAdminUrl");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${db}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  for (const d of dirs.slice(0, at)) await client.query(script(d));
  return {
    client,
    apply: () => client.query(script(dirs[at]!)),
    drop: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe("migration revision_interprets", () => {
  it("keeps every 解读 link: copied onto the item's working and published revisions, content and hashes untouched", async () => {
    const m = await databaseBefore("revision_interprets");
    try {
      const c = m.client;
      const item = (id: string, interprets: string | null) =>
        c.query(
          `INSERT INTO "DisclosureItem" ("id", "departmentId", "state", "indexNumber", "interpretsItemId", "createdById", "updatedAt")
           VALUES ($1, 'dept', 'PUBLISHED', $1, $2, 'clerk', now())`,
          [id, interprets],
        );
      const revision = (id: string, itemId: string, number: number) =>
        c.query(
          `INSERT INTO "DisclosureRevision" ("id", "itemId", "number", "hash", "content", "title", "categoryId", "writtenOn", "formedOn",
             "summary", "body", "keywords", "responsibleSection", "responsiblePerson", "authorId")
           VALUES ($1, $2, $3, $4, $5, 'title', 'cat', '2026-01-05', '2026-01-06', 'summary', '<p>body</p>', '{}', '办公室', '李明', 'clerk')`,
          [id, itemId, number, `hash-${id}`, JSON.stringify({ title: "title", marker: id })],
        );
      const pointers = (itemId: string, working: string, published: string | null) =>
        c.query(`UPDATE "DisclosureItem" SET "workingRevisionId" = $2, "publishedRevisionId" = $3 WHERE "id" = $1`, [
          itemId,
          working,
          published,
        ]);

      await item("policy", null);
      await revision("policy-r1", "policy", 1);
      await pointers("policy", "policy-r1", "policy-r1");
      // A live interpretation with a pending new version (r1 old, r2 published, r3 working).
      await item("reading", "policy");
      for (const [n, id] of ["reading-r1", "reading-r2", "reading-r3"].entries()) await revision(id, "reading", n + 1);
      await pointers("reading", "reading-r3", "reading-r2");
      // A never-published draft interpretation.
      await item("draft", "policy");
      await revision("draft-r1", "draft", 1);
      await pointers("draft", "draft-r1", null);
      const before = await c.query(`SELECT "id", "hash", "content" FROM "DisclosureRevision" ORDER BY "id"`);

      await m.apply();

      const after = await c.query<{ id: string; interpretsItemId: string | null }>(
        `SELECT "id", "interpretsItemId" FROM "DisclosureRevision" ORDER BY "id"`,
      );
      expect(Object.fromEntries(after.rows.map((r) => [r.id, r.interpretsItemId]))).toEqual({
        "draft-r1": "policy",
        "policy-r1": null,
        "reading-r1": null, // an older version: its link was never recorded
        "reading-r2": "policy",
        "reading-r3": "policy",
      });
      // Approvals are bound to the hashes: neither they nor the hashed content moved.
      expect((await c.query(`SELECT "id", "hash", "content" FROM "DisclosureRevision" ORDER BY "id"`)).rows).toEqual(before.rows);
      const itemColumns = await c.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'DisclosureItem' AND column_name = 'interpretsItemId'`,
      );
      expect(itemColumns.rows).toEqual([]);
      // The public back link ("which published items interpret X") reads published revisions.
      const back = await c.query(
        `SELECT i."id" FROM "DisclosureItem" i JOIN "DisclosureRevision" r ON r."id" = i."publishedRevisionId" WHERE r."interpretsItemId" = 'policy'`,
      );
      expect(back.rows).toEqual([{ id: "reading" }]);
    } finally {
      await m.drop();
    }
  });
});
