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
    await expect(db().auditLog.updateMany({ where: { action: "test.keep" }, data: { detail: "篡改" } })).rejects.toThrow(
      /审计日志只能追加/,
    );
    await expect(db().auditLog.deleteMany({ where: { action: "test.keep" } })).rejects.toThrow(/审计日志只能追加/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/审计日志只能追加/);
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "test.keep" } });
    expect(row.detail).toBe("");
  });

  it("still refuses UPDATE, DELETE and TRUNCATE under session_replication_role = replica", async () => {
    // Ordinary triggers are skipped in replica mode; the audit triggers are
    // ENABLE ALWAYS so that one SET cannot switch the guard off. The test role
    // is a superuser, so it may set the parameter at all.
    await db().$transaction((tx) => writeAudit(tx, { action: "test.replica", entityType: "Test" }));
    const attempt = (sql: string) =>
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
        const role = await tx.$queryRawUnsafe<{ r: string }[]>(`SELECT current_setting('session_replication_role') AS r`);
        expect(role[0]!.r).toBe("replica");
        await tx.$executeRawUnsafe(sql);
      });
    await expect(attempt(`UPDATE "AuditLog" SET detail = '篡改' WHERE action = 'test.replica'`)).rejects.toThrow(/审计日志只能追加/);
    await expect(attempt(`DELETE FROM "AuditLog" WHERE action = 'test.replica'`)).rejects.toThrow(/审计日志只能追加/);
    await expect(attempt(`TRUNCATE "AuditLog"`)).rejects.toThrow(/审计日志只能追加/);
    const rows = await db().auditLog.findMany({ where: { action: "test.replica" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toBe("");
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
