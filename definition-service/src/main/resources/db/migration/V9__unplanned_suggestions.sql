-- Suggestions from live traffic (issue 11): the unplanned events seen per workspace (at most
-- uip.suggestions.max-events-per-workspace), their newest samples from the topic unplanned-samples and their hourly
-- volumes from usage-stats. Row-level security as V4 set it up; uip_system only purges what is older than the age.

CREATE TABLE unplanned_event (
    workspace_id TEXT        NOT NULL,
    event_name   TEXT        NOT NULL CHECK (length(event_name) <= 200),
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL,
    -- Hidden from the list by a person (POST /v1/suggestions/{event}/dismiss) until restored.
    dismissed_at TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, event_name)
);
CREATE INDEX unplanned_event_last_seen ON unplanned_event (last_seen);

-- Whole samples (the raw event's payload), at most uip.suggestions.samples-per-event newest per event.
CREATE TABLE unplanned_sample (
    workspace_id TEXT        NOT NULL,
    message_id   TEXT        NOT NULL,
    event_name   TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    PRIMARY KEY (workspace_id, message_id)
);
CREATE INDEX unplanned_sample_newest ON unplanned_sample (workspace_id, event_name, received_at DESC, message_id);
CREATE INDEX unplanned_sample_age ON unplanned_sample (received_at);

-- Volumes per hour: unplanned (accepted) and quarantined as UNKNOWN_EVENT. minutes has bit n set once the stats of
-- minute n of the hour were added, so that a redelivered stats record is not counted twice.
CREATE TABLE unplanned_volume (
    workspace_id TEXT        NOT NULL,
    event_name   TEXT        NOT NULL,
    hour         TIMESTAMPTZ NOT NULL,
    unplanned    BIGINT      NOT NULL DEFAULT 0,
    quarantined  BIGINT      NOT NULL DEFAULT 0,
    minutes      BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, event_name, hour)
);
CREATE INDEX unplanned_volume_age ON unplanned_volume (hour);

-- One row per workspace: locked while events are admitted, and what the cap on events turned away.
CREATE TABLE suggestion_usage (
    workspace_id     TEXT PRIMARY KEY,
    not_tracked      BIGINT NOT NULL DEFAULT 0,
    last_not_tracked TIMESTAMPTZ
);

GRANT SELECT, INSERT, UPDATE, DELETE ON unplanned_event, unplanned_sample, unplanned_volume TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON suggestion_usage TO ${appRole};
GRANT SELECT, DELETE ON unplanned_event, unplanned_sample, unplanned_volume TO uip_system;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['unplanned_event', 'unplanned_sample', 'unplanned_volume', 'suggestion_usage'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I '
                       'USING (workspace_id = current_setting(''uip.workspace'', true)) '
                       'WITH CHECK (workspace_id = current_setting(''uip.workspace'', true))', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['unplanned_event', 'unplanned_sample', 'unplanned_volume'] LOOP
        EXECUTE format('CREATE POLICY system_purge ON %I TO uip_system USING (true)', t);
    END LOOP;
END;
$$;

-- Forgets, in every workspace, the samples received and the hours begun before `before`, and the events last seen
-- before it; answers how many rows went.
CREATE FUNCTION uip_suggestions_purge(before TIMESTAMPTZ)
    RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    gone INTEGER;
    total INTEGER := 0;
BEGIN
    DELETE FROM public.unplanned_sample WHERE received_at < before;
    GET DIAGNOSTICS gone = ROW_COUNT;
    total := total + gone;
    DELETE FROM public.unplanned_volume WHERE hour < before;
    GET DIAGNOSTICS gone = ROW_COUNT;
    total := total + gone;
    DELETE FROM public.unplanned_event WHERE last_seen < before;
    GET DIAGNOSTICS gone = ROW_COUNT;
    RETURN total + gone;
END;
$$;

ALTER FUNCTION uip_suggestions_purge(TIMESTAMPTZ) OWNER TO uip_system;
REVOKE ALL ON FUNCTION uip_suggestions_purge(TIMESTAMPTZ) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION uip_suggestions_purge(TIMESTAMPTZ) TO ${appRole};
