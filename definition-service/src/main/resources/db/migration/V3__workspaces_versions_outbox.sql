-- Workspaces (the tenant), management API credentials, the full event definition model, immutable versions and
-- the transactional outbox. Row-level security follows in V4.

CREATE TABLE workspace (
    id               TEXT        PRIMARY KEY,
    name             TEXT        NOT NULL,
    unplanned_events TEXT        NOT NULL DEFAULT 'ACCEPT_AND_FLAG'
        CHECK (unplanned_events IN ('ACCEPT_AND_FLAG', 'QUARANTINE')),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every workspace that already has definitions or keys becomes a workspace row.
INSERT INTO workspace (id, name)
SELECT workspace_id, workspace_id FROM event_definition
UNION
SELECT workspace_id, workspace_id FROM write_key;

-- Credentials for the management API. Only the SHA-256 of a credential is stored; it is shown once.
CREATE TABLE api_credential (
    id             TEXT        PRIMARY KEY,
    workspace_id   TEXT        NOT NULL REFERENCES workspace (id),
    name           TEXT        NOT NULL,
    key_hash       CHAR(64)    NOT NULL UNIQUE,
    display_prefix TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL,
    revoked_at     TIMESTAMPTZ
);
CREATE INDEX api_credential_workspace ON api_credential (workspace_id);

-- The head of each definition: its current version and, separately, the version that is published (registered).
ALTER TABLE event_definition
    ADD COLUMN display_name      TEXT,
    ADD COLUMN owner_team        TEXT,
    ADD COLUMN key_event         BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN criticality       TEXT    NOT NULL DEFAULT 'MEDIUM'
        CHECK (criticality IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    ADD COLUMN tags              TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN status            TEXT    NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    ADD COLUMN enforcement       TEXT    NOT NULL DEFAULT 'QUARANTINE'
        CHECK (enforcement IN ('OBSERVE', 'WARN', 'QUARANTINE')),
    ADD COLUMN published_version INTEGER;
UPDATE event_definition SET published_version = version;
-- A draft has no registered schema yet.
ALTER TABLE event_definition
    ALTER COLUMN schema_group DROP NOT NULL,
    ALTER COLUMN schema_version DROP NOT NULL,
    ALTER COLUMN schema_global_id DROP NOT NULL;
CREATE INDEX event_definition_workspace_status ON event_definition (workspace_id, status);

-- Every change to a definition appends one version; rows are never updated or deleted (trigger below, grants in V4).
CREATE TABLE event_definition_version (
    workspace_id       TEXT        NOT NULL,
    definition_id      BIGINT      NOT NULL REFERENCES event_definition (id),
    version            INTEGER     NOT NULL,
    action             TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    definition_json    TEXT        NOT NULL,
    schema_text        TEXT        NOT NULL,
    schema_version     TEXT,
    schema_global_id   BIGINT,
    breaking           BOOLEAN     NOT NULL DEFAULT false,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (definition_id, version)
);
CREATE INDEX event_definition_version_workspace ON event_definition_version (workspace_id);

CREATE FUNCTION uip_refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event definition versions are immutable (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER event_definition_version_immutable
    BEFORE UPDATE OR DELETE ON event_definition_version
    FOR EACH ROW EXECUTE FUNCTION uip_refuse_version_change();

-- Definitions created before versioning get their first version from what the head holds.
INSERT INTO event_definition_version (workspace_id, definition_id, version, action, status, definition_json,
                                      schema_text, schema_version, schema_global_id, created_by, created_at)
SELECT workspace_id, id, version, 'CREATED', 'ACTIVE',
       json_build_object('name', name, 'description', description, 'properties', properties_json::json)::text,
       '', schema_version, schema_global_id, 'migration', created_at
FROM event_definition;

-- Records waiting to be published, written in the same transaction as the change they describe. The relay
-- publishes them in id order and stamps published_at. payload is the Avro record in Avro's JSON encoding.
CREATE TABLE outbox_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    record_type  TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;
