-- Hand-written: a DisclosureRevision is the content that was reviewed, signed and
-- published (its hash is what approvals are bound to), so it is immutable, like
-- "AuditLog" and "StructuredRevision". The workflow only ever stamps two columns
-- later (lib/disclosure/apply-effects.ts; lib/structured/seed-helpers.ts):
--   "publishedAt"  when the revision is published,
--   "discardedAt"  when the workflow abandons it (discardDraft, withdrawing a pending version).
-- Any other UPDATE, and every DELETE or TRUNCATE, is refused.
--
-- These are ordinary (ENABLE ORIGIN) triggers: scripts/seed-bulk.ts inserts revisions
-- under session_replication_role = replica, which skips them; inserts are allowed anyway.

CREATE FUNCTION disclosure_revision_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'publishedAt' - 'discardedAt') = (to_jsonb(OLD) - 'publishedAt' - 'discardedAt') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '信息版本（DisclosureRevision）保存后不能修改或删除，只能由工作流设置发布时间和放弃时间；修改内容请保存为新版本'
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DisclosureRevision_immutable" BEFORE UPDATE OR DELETE ON "DisclosureRevision"
  FOR EACH ROW EXECUTE FUNCTION disclosure_revision_immutable();
CREATE TRIGGER "DisclosureRevision_no_truncate" BEFORE TRUNCATE ON "DisclosureRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION disclosure_revision_immutable();
