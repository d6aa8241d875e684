-- Event definitions: one row per event of a workspace; the current version only (history comes with versioning).
CREATE TABLE event_definition (
    id               BIGINT PRIMARY KEY,
    workspace_id     TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    description      TEXT,
    properties_json  TEXT        NOT NULL,
    version          INTEGER     NOT NULL,
    schema_group     TEXT        NOT NULL,
    schema_version   TEXT        NOT NULL,
    schema_global_id BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT event_definition_name_unique UNIQUE (workspace_id, name)
);

-- Hibernate's pooled id generator for the entity (allocation size 50).
CREATE SEQUENCE event_definition_seq INCREMENT BY 50;
