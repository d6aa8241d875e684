-- The audit trail: one row per registry change, never updated. change_id makes redelivered records harmless.
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    change_id    TEXT        NOT NULL,
    workspace_id TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    entity_type  TEXT        NOT NULL,
    entity_id    TEXT        NOT NULL,
    before_json  TEXT,
    after_json   TEXT,
    version      INTEGER     NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT audit_entry_change_id_unique UNIQUE (change_id)
);

-- The console and the API read a workspace's newest changes first.
CREATE INDEX audit_entry_workspace_newest ON audit_entry (workspace_id, occurred_at DESC, id DESC);
