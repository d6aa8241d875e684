-- The service connects as the non-owner role ${appRole}, which may read and append to the audit trail but never
-- change or delete an entry; only Flyway connects as the owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE',
                       '${appRole}', '${appPassword}');
    END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT ON audit_entry TO ${appRole};
GRANT USAGE ON SEQUENCE audit_entry_id_seq TO ${appRole};
