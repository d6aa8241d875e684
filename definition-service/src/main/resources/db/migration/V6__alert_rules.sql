-- Alert rules: how one event series of a workspace is watched. At most one rule per (workspace, call type, event,
-- kind); defaults are not stored. A deleted rule keeps its row (deleted, a new version) so that its history and the
-- version count survive, and a rule created again continues that count.

CREATE TABLE alert_rule (
    id               BIGINT PRIMARY KEY,
    workspace_id     TEXT             NOT NULL,
    call_type        TEXT             NOT NULL
        CHECK (call_type IN ('TRACK', 'PAGE', 'SCREEN', 'IDENTIFY', 'GROUP', 'ALIAS')),
    -- The event (track) or page/screen name; '' for identify, group and alias.
    event            TEXT             NOT NULL CHECK (length(event) <= 200),
    kind             TEXT             NOT NULL
        CHECK (kind IN ('STOPPED', 'DROP', 'SPIKE', 'ABOVE', 'BELOW', 'PERCENT_CHANGE')),
    enabled          BOOLEAN          NOT NULL,
    sensitivity      TEXT             NOT NULL CHECK (sensitivity IN ('LOW', 'MEDIUM', 'HIGH')),
    min_volume       DOUBLE PRECISION NOT NULL CHECK (min_volume >= 0),
    window_minutes   INTEGER          NOT NULL CHECK (window_minutes BETWEEN 1 AND 1440),
    threshold        DOUBLE PRECISION CHECK (threshold >= 0),
    percent          DOUBLE PRECISION CHECK (percent > 0 AND percent <= 1000),
    direction        TEXT             CHECK (direction IN ('UP', 'DOWN', 'BOTH')),
    baseline_minutes INTEGER          CHECK (baseline_minutes BETWEEN 1 AND 10080),
    quiet_start_hour INTEGER          CHECK (quiet_start_hour BETWEEN 0 AND 23),
    quiet_end_hour   INTEGER          CHECK (quiet_end_hour BETWEEN 0 AND 23),
    quiet_time_zone  TEXT,
    severity         TEXT             CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    version          INTEGER          NOT NULL,
    deleted          BOOLEAN          NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ      NOT NULL,
    updated_at       TIMESTAMPTZ      NOT NULL,
    updated_by       TEXT             NOT NULL,
    CONSTRAINT alert_rule_identity UNIQUE (workspace_id, call_type, event, kind),
    CONSTRAINT alert_rule_quiet_hours CHECK ((quiet_start_hour IS NULL) = (quiet_end_hour IS NULL)
        AND (quiet_start_hour IS NULL) = (quiet_time_zone IS NULL))
);
CREATE INDEX alert_rule_workspace_event ON alert_rule (workspace_id, event);

-- Hibernate's pooled id generator for the entity (allocation size 50).
CREATE SEQUENCE alert_rule_seq INCREMENT BY 50;

-- Every change to a rule appends one version (the whole rule as the API shows it); rows are never updated or deleted.
CREATE TABLE alert_rule_version (
    workspace_id TEXT        NOT NULL,
    rule_id      BIGINT      NOT NULL REFERENCES alert_rule (id),
    version      INTEGER     NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'DELETED')),
    deleted      BOOLEAN     NOT NULL,
    rule_json    TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_id, version)
);
CREATE INDEX alert_rule_version_workspace ON alert_rule_version (workspace_id);

CREATE FUNCTION uip_refuse_rule_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'alert rule versions are immutable (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER alert_rule_version_immutable
    BEFORE UPDATE OR DELETE ON alert_rule_version
    FOR EACH ROW EXECUTE FUNCTION uip_refuse_rule_version_change();

-- Row-level security exactly as V4 set it up for the other workspace tables.
GRANT SELECT, INSERT, UPDATE ON alert_rule TO ${appRole};
GRANT SELECT, INSERT ON alert_rule_version TO ${appRole};
GRANT USAGE, SELECT ON SEQUENCE alert_rule_seq TO ${appRole};

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['alert_rule', 'alert_rule_version'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I '
                       'USING (workspace_id = current_setting(''uip.workspace'', true)) '
                       'WITH CHECK (workspace_id = current_setting(''uip.workspace'', true))', t);
    END LOOP;
END;
$$;
