-- Runs after every migrate (a Flyway callback), as the owner of the schema.
-- When the application connects as its own least-privilege role, grant that
-- role what it needs on every table, and no more on the audit trail:
-- INSERT and SELECT only, so it can never rewrite history.
-- ${appRole} is empty when the application connects as the owner itself
-- (tests of the activities module); then there is nothing to grant.
DO $$
DECLARE
    app text := '${appRole}';
    schema_name text := current_schema();
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                   schema_name, app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I',
                   schema_name, app);
    EXECUTE format('REVOKE ALL ON audit_events FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit_events TO %I', app);
    -- The health check reports how many migrations are applied: read only.
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
    EXECUTE format('GRANT SELECT ON flyway_schema_history TO %I', app);
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I',
                   schema_name, app);
END;
$$;
