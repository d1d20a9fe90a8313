-- The append-only triggers on "AuditLog" (init migration) are ordinary
-- ("ENABLE ORIGIN") triggers, which PostgreSQL skips for a session that runs
-- `SET session_replication_role = replica` — a setting any superuser or table
-- owner can use, so the guard could be switched off with one statement.
-- ENABLE ALWAYS makes them fire in every replication role.
--
-- The trigger guards against the application's own connection. A production
-- deployment should additionally connect the application as a role that is
-- neither the owner of the tables nor a superuser (ADR 0003): an owner could
-- still DROP or DISABLE the trigger itself.
--
-- scripts/seed-bulk.ts uses session_replication_role = replica only to INSERT
-- disclosure rows; it never changes "AuditLog", so it is unaffected.

-- Recreate the TRUNCATE guard defensively (it exists since init) so the
-- statement below never fails on a database where it was dropped by hand.
DROP TRIGGER IF EXISTS "AuditLog_no_truncate" ON "AuditLog";
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

ALTER TABLE "AuditLog" ENABLE ALWAYS TRIGGER "AuditLog_no_update_delete";
ALTER TABLE "AuditLog" ENABLE ALWAYS TRIGGER "AuditLog_no_truncate";
