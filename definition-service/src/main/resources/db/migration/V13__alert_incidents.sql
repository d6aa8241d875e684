-- The alert inbox (issue 13): incidents opened from the detector's alerts (usage-alerts), the alert records consumed
-- (each alertId and state once, which makes consumption idempotent and is the incident's history of occurrences),
-- the actions people took, maintenance windows and quiet hours per team. Row-level security as V4 set it up.

CREATE TABLE alert_incident (
    workspace_id    TEXT             NOT NULL,
    id              TEXT             NOT NULL,
    call_type       TEXT             NOT NULL,
    -- The event name (track), page or screen name; '' for identify, group and alias.
    event_name      TEXT             NOT NULL,
    rule            TEXT             NOT NULL,
    detector        TEXT             NOT NULL,
    direction       TEXT             NOT NULL,
    team            TEXT,
    key_event       BOOLEAN          NOT NULL,
    -- The highest severity the detector gave any of the incident's alerts, and the incident's own (see IncidentRules).
    alert_severity  TEXT             NOT NULL CHECK (alert_severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    severity        TEXT             NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    page            BOOLEAN          NOT NULL,
    status          TEXT             NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    -- Snoozed while in the future; a past value reads as not snoozed.
    snoozed_until   TIMESTAMPTZ,
    occurrences     INTEGER          NOT NULL,
    first_alert_id  TEXT             NOT NULL,
    last_alert_id   TEXT             NOT NULL,
    observed        DOUBLE PRECISION NOT NULL,
    expected        DOUBLE PRECISION,
    window_start    TIMESTAMPTZ      NOT NULL,
    window_end      TIMESTAMPTZ      NOT NULL,
    breakdown       JSONB            NOT NULL DEFAULT '[]',
    opened_at       TIMESTAMPTZ      NOT NULL,
    last_seen_at    TIMESTAMPTZ      NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT,
    resolved_at     TIMESTAMPTZ,
    -- 'detector' or the actor who resolved it.
    resolved_by     TEXT,
    resolution_note TEXT,
    version         INTEGER          NOT NULL DEFAULT 1,
    PRIMARY KEY (workspace_id, id)
);
-- At most one unresolved incident per series and rule: a repeat merges into it.
CREATE UNIQUE INDEX alert_incident_unresolved ON alert_incident (workspace_id, call_type, event_name, rule)
    WHERE status <> 'RESOLVED';
CREATE INDEX alert_incident_newest ON alert_incident (workspace_id, opened_at DESC, id DESC);

-- Every alert record consumed, once per (alertId, state); outcome says what it did.
CREATE TABLE alert_record (
    workspace_id TEXT             NOT NULL,
    alert_id     TEXT             NOT NULL,
    state        TEXT             NOT NULL CHECK (state IN ('OPENED', 'RESOLVED')),
    incident_id  TEXT,
    outcome      TEXT             NOT NULL,
    detector     TEXT             NOT NULL,
    severity     TEXT             NOT NULL,
    observed     DOUBLE PRECISION NOT NULL,
    expected     DOUBLE PRECISION,
    window_start TIMESTAMPTZ      NOT NULL,
    window_end   TIMESTAMPTZ      NOT NULL,
    emitted_at   TIMESTAMPTZ      NOT NULL,
    consumed_at  TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (workspace_id, alert_id, state)
);
CREATE INDEX alert_record_incident ON alert_record (workspace_id, incident_id, consumed_at DESC);

-- What people did to incidents: ACKNOWLEDGED, RESOLVED, SNOOZED, UNSNOOZED.
CREATE TABLE alert_action (
    workspace_id  TEXT        NOT NULL,
    id            TEXT        NOT NULL,
    incident_id   TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    note          TEXT,
    snoozed_until TIMESTAMPTZ,
    at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX alert_action_incident ON alert_action (workspace_id, incident_id, at);

-- Maintenance windows: for one event or (event_name null) the whole workspace. Ending one keeps the record.
CREATE TABLE maintenance_window (
    workspace_id TEXT        NOT NULL,
    id           TEXT        NOT NULL,
    event_name   TEXT,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    reason       TEXT,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    ended_by     TEXT,
    PRIMARY KEY (workspace_id, id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX maintenance_window_active ON maintenance_window (workspace_id, ends_at) WHERE ended_at IS NULL;

-- Quiet hours of a team: local hours [start_hour, end_hour) in time_zone, wrapping midnight.
CREATE TABLE team_quiet_hours (
    workspace_id TEXT        NOT NULL,
    team         TEXT        NOT NULL,
    start_hour   INTEGER     NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
    end_hour     INTEGER     NOT NULL CHECK (end_hour BETWEEN 0 AND 23),
    time_zone    TEXT        NOT NULL,
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, team)
);

GRANT SELECT, INSERT, UPDATE ON alert_incident, alert_record, maintenance_window TO ${appRole};
GRANT SELECT, INSERT ON alert_action TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON team_quiet_hours TO ${appRole};

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['alert_incident', 'alert_record', 'alert_action', 'maintenance_window',
                             'team_quiet_hours'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I '
                       'USING (workspace_id = current_setting(''uip.workspace'', true)) '
                       'WITH CHECK (workspace_id = current_setting(''uip.workspace'', true))', t);
    END LOOP;
END;
$$;
