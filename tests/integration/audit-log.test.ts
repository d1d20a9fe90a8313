import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";

describe("audit log", () => {
  it("accepts new entries", async () => {
    await db().$transaction((tx) => writeAudit(tx, { action: "test.write", entityType: "Test", entityId: "1", after: { a: 1 } }));
    expect(await db().auditLog.count({ where: { action: "test.write" } })).toBe(1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE from the application's role", async () => {
    await db().$transaction((tx) => writeAudit(tx, { action: "test.keep", entityType: "Test" }));
    await expect(db().auditLog.updateMany({ where: { action: "test.keep" }, data: { detail: "篡改" } })).rejects.toThrow(/审计日志只能追加/);
    await expect(db().auditLog.deleteMany({ where: { action: "test.keep" } })).rejects.toThrow(/审计日志只能追加/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/审计日志只能追加/);
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "test.keep" } });
    expect(row.detail).toBe("");
  });

  it("rolls back with the change it records", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await writeAudit(tx, { action: "test.rollback", entityType: "Test" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db().auditLog.count({ where: { action: "test.rollback" } })).toBe(0);
  });
});
