-- The gateway connects as the non-owner role ${appRole}, which may read and change rows but not the schema; only
-- Flyway connects as the owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE',
                       '${appRole}', '${appPassword}');
    END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, workspace, membership, session, invitation, api_token,
    signin_failure, setup_token TO ${appRole};
GRANT USAGE ON SEQUENCE signin_failure_id_seq TO ${appRole};
