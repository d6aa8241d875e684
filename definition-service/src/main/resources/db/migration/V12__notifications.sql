-- Notifications (issue 13): what should reach people, written by the producers (the alert workflow, change
-- subscriptions, digests) in their own transaction and routed to channels by the notify worker. One row per
-- notification and workspace; the id is deterministic so that a producer that runs twice writes one row.
CREATE TABLE notification (
    workspace_id      TEXT        NOT NULL,
    id                TEXT        NOT NULL,
    kind              TEXT        NOT NULL
        CHECK (kind IN ('ALERT_OPENED', 'ALERT_REPEATED', 'ALERT_RESOLVED', 'CHANGE', 'DIGEST', 'TEST')),
    -- The owner team it goes to; null: the workspace's default channels.
    team              TEXT,
    event_name        TEXT,
    severity          TEXT        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    page              BOOLEAN     NOT NULL DEFAULT false,
    title             TEXT        NOT NULL,
    body_text         TEXT        NOT NULL,
    -- The JSON document a webhook receives.
    payload           JSONB       NOT NULL,
    -- Not null: recorded but not delivered (maintenance window, quiet hours, snoozed), and why.
    suppressed_reason TEXT,
    -- What it is about (ALERT and the incident id, or a change's entity type and id), to list where it went.
    subject_type      TEXT        NOT NULL,
    subject_id        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Set by the notify worker once the notification's deliveries are written.
    routed_at         TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX notification_unrouted ON notification (created_at) WHERE routed_at IS NULL;
CREATE INDEX notification_subject ON notification (workspace_id, subject_type, subject_id, created_at DESC);

GRANT SELECT, INSERT ON notification TO ${appRole};
GRANT SELECT, UPDATE ON notification TO uip_system;
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON notification
    USING (workspace_id = current_setting('uip.workspace', true))
    WITH CHECK (workspace_id = current_setting('uip.workspace', true));
CREATE POLICY system_router ON notification TO uip_system USING (true);
