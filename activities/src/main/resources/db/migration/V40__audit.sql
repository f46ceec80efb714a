-- V40: the audit trail is append-only, and a send links to its archived
-- workflow history.
--
-- Two lines of defence keep audit_events append-only:
--   1. the application's role is granted only INSERT and SELECT on it (see
--      afterMigrate.sql, which grants the application role what it needs on
--      every table after each migrate);
--   2. these triggers refuse UPDATE, DELETE and TRUNCATE for everyone. The
--      owner of the table could drop them, which is why the application must
--      never connect as the owner in production (docs/runbook.md).

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- Temporal deletes a closed workflow's history after the namespace's
-- retention; the archiver copies it to blob storage first and records where.
ALTER TABLE sends ADD COLUMN history_blob_name text;
ALTER TABLE sends ADD COLUMN history_archived_at timestamptz;
ALTER TABLE sends ADD COLUMN history_archive_attempted_at timestamptz;

CREATE INDEX sends_history_to_archive ON sends (updated_at)
    WHERE history_blob_name IS NULL
      AND state IN ('completed', 'cancelled', 'unconfirmed', 'failed');

CREATE INDEX audit_events_by_actor ON audit_events (actor, occurred_at);
