-- Write keys of a workspace. Only the SHA-256 of a key is stored; the key itself is shown once, when issued.
CREATE TABLE write_key (
    id             TEXT        PRIMARY KEY,
    workspace_id   TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    key_hash       CHAR(64)    NOT NULL UNIQUE,
    display_prefix TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL,
    revoked_at     TIMESTAMPTZ,
    replaced_by    TEXT
);
CREATE INDEX write_key_workspace ON write_key (workspace_id);
