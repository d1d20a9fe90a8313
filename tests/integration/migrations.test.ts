import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/schema-engine";

describe("checked-in migrations", () => {
  it("agree with prisma/schema/*.prisma (the diff between them is empty)", async () => {
    // Runs the migrations on a throw-away shadow database and compares.
    const sql = await diffMigrationsToSchema(process.env.DATABASE_URL!);
    expect(sql).toBe("");
  });
});
