-- The gateway's accounts: people, their roles per workspace, sessions, invitations, API tokens, failed sign-ins and
-- the one-time setup token. No secret is stored in the clear: session ids, invitation, API and setup tokens are
-- stored as their SHA-256, passwords as Argon2id hashes.

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    -- lower-cased when stored, so that one address is one account
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT app_user_email_unique UNIQUE (email)
);

-- The workspaces the gateway created (at sign-up or set-up) and their display names.
CREATE TABLE workspace (
    id         TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE membership (
    workspace_id TEXT        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role         TEXT        NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX membership_of_user ON membership (user_id, created_at);

CREATE TABLE session (
    id_hash         TEXT PRIMARY KEY,
    user_id         UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- null when the user belongs to no workspace (any more)
    workspace_id    TEXT,
    csrf_token      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    idle_expires_at TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_of_user ON session (user_id);
CREATE INDEX session_expiry ON session (expires_at);

CREATE TABLE invitation (
    id           UUID PRIMARY KEY,
    workspace_id TEXT        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    email        TEXT        NOT NULL,
    role         TEXT        NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    token_hash   TEXT        NOT NULL,
    invited_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ,
    CONSTRAINT invitation_token_unique UNIQUE (token_hash)
);
CREATE INDEX invitation_of_workspace ON invitation (workspace_id, created_at);

CREATE TABLE api_token (
    id             UUID PRIMARY KEY,
    workspace_id   TEXT        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id        UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name           TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    token_hash     TEXT        NOT NULL,
    display_prefix TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at   TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_token_of_workspace ON api_token (workspace_id, user_id);

-- Failed sign-ins per address, for the rate limit that every gateway instance shares.
CREATE TABLE signin_failure (
    id        BIGSERIAL PRIMARY KEY,
    email     TEXT        NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX signin_failure_of_email ON signin_failure (email, failed_at);
CREATE INDEX signin_failure_age ON signin_failure (failed_at);

-- The first-run link's token: made when the gateway starts with no user at all, used once.
CREATE TABLE setup_token (
    token_hash TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
