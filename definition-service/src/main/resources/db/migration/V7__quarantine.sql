-- Quarantined events kept until released or discarded (issue 11), the operations that released or discarded them,
-- the count of open rows per workspace (bounded by uip.quarantine.max-open-rows-per-workspace) and the definition
-- option auto_release. Row-level security as V4 set it up for the other workspace tables.

CREATE TABLE quarantined_events (
    workspace_id         TEXT        NOT NULL,
    message_id           TEXT        NOT NULL,
    event_name           TEXT,
    call_type            TEXT        NOT NULL,
    reason               TEXT        NOT NULL,
    violations           JSONB       NOT NULL DEFAULT '[]',
    -- The paths of the first violations (at most 20), so that a filter on a path can use an index.
    violation_paths      TEXT[]      NOT NULL DEFAULT '{}',
    schema_ref           JSONB,
    quarantined_at       TIMESTAMPTZ NOT NULL,
    stored_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The raw event exactly as the edge stored it, so that a release sends it unchanged.
    write_key_id         TEXT,
    user_id              TEXT,
    anonymous_id         TEXT,
    event_timestamp      TIMESTAMPTZ NOT NULL,
    received_at          TIMESTAMPTZ NOT NULL,
    flags                TEXT[]      NOT NULL DEFAULT '{}',
    payload              TEXT        NOT NULL,
    status               TEXT        NOT NULL DEFAULT 'QUARANTINED'
        CHECK (status IN ('QUARANTINED', 'RELEASING', 'RELEASED', 'DISCARDED')),
    -- The release or discard operation that last touched the row.
    operation_id         TEXT,
    actor                TEXT,
    status_reason        TEXT,
    last_outcome         TEXT,
    release_requested_at TIMESTAMPTZ,
    -- When the QuarantineRelease was last published; null until then (the release relay sends what is null or old).
    release_sent_at      TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, message_id)
);
CREATE INDEX quarantined_events_newest ON quarantined_events (workspace_id, quarantined_at DESC, message_id DESC);
CREATE INDEX quarantined_events_status ON quarantined_events (workspace_id, status, reason);
CREATE INDEX quarantined_events_event ON quarantined_events (workspace_id, event_name, quarantined_at DESC);
CREATE INDEX quarantined_events_operation ON quarantined_events (workspace_id, operation_id);
CREATE INDEX quarantined_events_paths ON quarantined_events USING gin (violation_paths);
CREATE INDEX quarantined_events_releasing ON quarantined_events (release_sent_at NULLS FIRST)
    WHERE status = 'RELEASING';

-- Every release and discard: who, why, which filter, how many rows.
CREATE TABLE quarantine_operation (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('RELEASE', 'DISCARD')),
    actor        TEXT        NOT NULL,
    reason       TEXT,
    filter_json  TEXT        NOT NULL,
    row_count    INTEGER     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX quarantine_operation_workspace ON quarantine_operation (workspace_id, created_at DESC);

-- Open rows (QUARANTINED or RELEASING) per workspace, and the quarantined events not stored because of the cap.
CREATE TABLE quarantine_usage (
    workspace_id    TEXT PRIMARY KEY,
    open_rows       BIGINT      NOT NULL DEFAULT 0,
    not_stored      BIGINT      NOT NULL DEFAULT 0,
    last_not_stored TIMESTAMPTZ
);

ALTER TABLE event_definition ADD COLUMN auto_release BOOLEAN NOT NULL DEFAULT false;

GRANT SELECT, INSERT, UPDATE ON quarantined_events, quarantine_usage TO ${appRole};
GRANT SELECT, INSERT ON quarantine_operation TO ${appRole};
GRANT SELECT, UPDATE ON quarantined_events TO uip_system;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['quarantined_events', 'quarantine_operation', 'quarantine_usage'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I '
                       'USING (workspace_id = current_setting(''uip.workspace'', true)) '
                       'WITH CHECK (workspace_id = current_setting(''uip.workspace'', true))', t);
    END LOOP;
END;
$$;
CREATE POLICY system_release_relay ON quarantined_events TO uip_system USING (true);

-- The release relay serves every workspace: the RELEASING rows whose release was never published, or published
-- before resend_before without an outcome since, oldest request first.
CREATE FUNCTION uip_quarantine_due(max_rows INTEGER, resend_before TIMESTAMPTZ)
    RETURNS TABLE (workspace_id TEXT, message_id TEXT, operation_id TEXT, actor TEXT, call_type TEXT,
                   event_name TEXT, write_key_id TEXT, user_id TEXT, anonymous_id TEXT,
                   event_timestamp TIMESTAMPTZ, received_at TIMESTAMPTZ, flags TEXT[], payload TEXT,
                   release_requested_at TIMESTAMPTZ)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT q.workspace_id, q.message_id, q.operation_id, q.actor, q.call_type, q.event_name, q.write_key_id,
           q.user_id, q.anonymous_id, q.event_timestamp, q.received_at, q.flags, q.payload, q.release_requested_at
    FROM public.quarantined_events q
    WHERE q.status = 'RELEASING' AND (q.release_sent_at IS NULL OR q.release_sent_at < resend_before)
    ORDER BY q.release_sent_at NULLS FIRST, q.release_requested_at
    LIMIT max_rows;
$$;

-- Stamps the releases just published (only rows still RELEASING under the same operation).
CREATE FUNCTION uip_quarantine_sent(workspaces TEXT[], messages TEXT[], operations TEXT[])
    RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    marked INTEGER;
BEGIN
    UPDATE public.quarantined_events q SET release_sent_at = now()
    FROM unnest(workspaces, messages, operations) AS s(workspace_id, message_id, operation_id)
    WHERE q.workspace_id = s.workspace_id AND q.message_id = s.message_id AND q.operation_id = s.operation_id
      AND q.status = 'RELEASING';
    GET DIAGNOSTICS marked = ROW_COUNT;
    RETURN marked;
END;
$$;

ALTER FUNCTION uip_quarantine_due(INTEGER, TIMESTAMPTZ) OWNER TO uip_system;
ALTER FUNCTION uip_quarantine_sent(TEXT[], TEXT[], TEXT[]) OWNER TO uip_system;
REVOKE ALL ON FUNCTION uip_quarantine_due(INTEGER, TIMESTAMPTZ), uip_quarantine_sent(TEXT[], TEXT[], TEXT[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION uip_quarantine_due(INTEGER, TIMESTAMPTZ), uip_quarantine_sent(TEXT[], TEXT[], TEXT[])
    TO ${appRole};
