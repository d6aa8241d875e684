-- Row-level security: the application connects as the non-owner role ${appRole}; every workspace table only shows
-- it the rows of the workspace named by the transaction-local setting uip.workspace. FORCE makes the table owner
-- subject to the policies too (superusers and BYPASSRLS roles are not; the application must never be one).
--
-- uip_system owns the only two ways across workspaces, as SECURITY DEFINER functions: the outbox relay (it serves
-- all workspaces) and the lookup of a management credential by its hash (the workspace is not known before).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE',
                       '${appRole}', '${appPassword}');
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uip_system') THEN
        CREATE ROLE uip_system NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO ${appRole}, uip_system;
GRANT SELECT, INSERT, UPDATE ON workspace, api_credential, event_definition, write_key TO ${appRole};
GRANT SELECT, INSERT ON event_definition_version, outbox_event TO ${appRole};
GRANT USAGE, SELECT ON SEQUENCE event_definition_seq TO ${appRole};
GRANT SELECT, UPDATE, DELETE ON outbox_event TO uip_system;
GRANT SELECT ON api_credential TO uip_system;

ALTER TABLE workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace
    USING (id = current_setting('uip.workspace', true))
    WITH CHECK (id = current_setting('uip.workspace', true));

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['api_credential', 'event_definition', 'event_definition_version', 'write_key',
                             'outbox_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I '
                       'USING (workspace_id = current_setting(''uip.workspace'', true)) '
                       'WITH CHECK (workspace_id = current_setting(''uip.workspace'', true))', t);
    END LOOP;
END;
$$;
CREATE POLICY system_relay ON outbox_event TO uip_system USING (true);
CREATE POLICY system_authentication ON api_credential FOR SELECT TO uip_system USING (true);

-- The next unpublished outbox records of every workspace, oldest first.
CREATE FUNCTION uip_outbox_pending(max_rows INTEGER)
    RETURNS TABLE (id BIGINT, topic TEXT, record_key TEXT, record_type TEXT, payload TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT o.id, o.topic, o.record_key, o.record_type, o.payload
    FROM public.outbox_event o WHERE o.published_at IS NULL ORDER BY o.id LIMIT max_rows;
$$;

-- Marks records as published and forgets those published more than a week ago.
CREATE FUNCTION uip_outbox_published(ids BIGINT[])
    RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    marked INTEGER;
BEGIN
    UPDATE public.outbox_event SET published_at = now() WHERE id = ANY (ids) AND published_at IS NULL;
    GET DIAGNOSTICS marked = ROW_COUNT;
    DELETE FROM public.outbox_event WHERE published_at < now() - interval '7 days';
    RETURN marked;
END;
$$;

-- The workspace and id of the live (not revoked) management credential with this SHA-256, if any.
CREATE FUNCTION uip_credential_by_hash(hash TEXT)
    RETURNS TABLE (credential_id TEXT, workspace_id TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT c.id, c.workspace_id FROM public.api_credential c WHERE c.key_hash = hash AND c.revoked_at IS NULL;
$$;

ALTER FUNCTION uip_outbox_pending(INTEGER) OWNER TO uip_system;
ALTER FUNCTION uip_outbox_published(BIGINT[]) OWNER TO uip_system;
ALTER FUNCTION uip_credential_by_hash(TEXT) OWNER TO uip_system;
REVOKE ALL ON FUNCTION uip_outbox_pending(INTEGER), uip_outbox_published(BIGINT[]), uip_credential_by_hash(TEXT)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION uip_outbox_pending(INTEGER), uip_outbox_published(BIGINT[]), uip_credential_by_hash(TEXT)
    TO ${appRole};
