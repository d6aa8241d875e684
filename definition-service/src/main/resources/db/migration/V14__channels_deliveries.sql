-- Notify (issue 13): channels of a workspace (webhook, Slack-compatible webhook, email), the deliveries of each
-- notification to its channels with every attempt, change subscriptions and their daily digests. Row-level security
-- as V4 set it up; the router and the delivery worker serve every workspace through the SECURITY DEFINER functions
-- below, owned by uip_system (as V4 and V7 do).

CREATE TABLE channel (
    workspace_id         TEXT        NOT NULL,
    id                   TEXT        NOT NULL,
    name                 TEXT        NOT NULL,
    kind                 TEXT        NOT NULL CHECK (kind IN ('WEBHOOK', 'SLACK', 'EMAIL')),
    -- The owner team whose notifications it receives; null: a default channel of the workspace.
    team                 TEXT,
    -- Also receives every notification with page=true (of its team, or of any team when it has none).
    paging               BOOLEAN     NOT NULL DEFAULT false,
    -- The webhook or Slack URL, AES-GCM encrypted (it embeds tokens), and what views show of it.
    target_sealed        TEXT,
    target_masked        TEXT,
    recipients           TEXT[]      NOT NULL DEFAULT '{}',
    -- A webhook's signing secret is derived from the notify key and this version, never stored.
    secret_version       INTEGER     NOT NULL DEFAULT 1,
    status               TEXT        NOT NULL DEFAULT 'HEALTHY' CHECK (status IN ('HEALTHY', 'FAILING')),
    status_since         TIMESTAMPTZ NOT NULL DEFAULT now(),
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    last_error           TEXT,
    version              INTEGER     NOT NULL DEFAULT 1,
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at           TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX channel_name ON channel (workspace_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX channel_team ON channel (workspace_id, lower(team)) WHERE deleted_at IS NULL;

-- Explicit channels of a notification (a channel test, a subscription naming its channel): routed there only.
CREATE TABLE notification_target (
    workspace_id    TEXT NOT NULL,
    notification_id TEXT NOT NULL,
    channel_id      TEXT NOT NULL,
    PRIMARY KEY (workspace_id, notification_id, channel_id)
);

CREATE TABLE delivery (
    id               TEXT        PRIMARY KEY,
    workspace_id     TEXT        NOT NULL,
    notification_id  TEXT        NOT NULL,
    channel_id       TEXT        NOT NULL,
    status           TEXT        NOT NULL
        CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD', 'SUPPRESSED', 'CANCELLED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    -- A worker's claim: nobody else sends it before lease_until; only the claim's token may record the attempt.
    lease_until      TIMESTAMPTZ,
    lease_token      TEXT,
    last_status_code INTEGER,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, channel_id, notification_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_notification ON delivery (workspace_id, notification_id);
CREATE INDEX delivery_channel ON delivery (workspace_id, channel_id, created_at DESC);

CREATE TABLE delivery_attempt (
    delivery_id  TEXT        NOT NULL,
    workspace_id TEXT        NOT NULL,
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_code  INTEGER,
    error        TEXT,
    duration_ms  INTEGER,
    PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE subscription (
    workspace_id    TEXT        NOT NULL,
    id              TEXT        NOT NULL,
    scope           TEXT        NOT NULL CHECK (scope IN ('WORKSPACE', 'TEAM', 'EVENT')),
    team            TEXT,
    event_name      TEXT,
    key_events_only BOOLEAN     NOT NULL DEFAULT false,
    -- The change actions it hears about; empty: all.
    actions         TEXT[]      NOT NULL DEFAULT '{}',
    -- Its channel; null: routed by team (its team, else the changed definition's owner team).
    channel_id      TEXT,
    digest          TEXT        NOT NULL DEFAULT 'NONE' CHECK (digest IN ('NONE', 'DAILY')),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, id)
);

-- The changes a DAILY subscription collected, until its digest of that day is written.
CREATE TABLE digest_item (
    workspace_id    TEXT        NOT NULL,
    subscription_id TEXT        NOT NULL,
    change_id       TEXT        NOT NULL,
    day             DATE        NOT NULL,
    line            TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, subscription_id, change_id)
);
CREATE INDEX digest_item_day ON digest_item (day);

-- Leases of scheduled jobs (the daily digest), so that of several instances one does the job.
CREATE TABLE notify_lease (
    name   TEXT        PRIMARY KEY,
    holder TEXT        NOT NULL,
    until  TIMESTAMPTZ NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON channel, delivery TO ${appRole};
GRANT SELECT ON delivery_attempt TO ${appRole};
GRANT SELECT, INSERT ON notification_target TO ${appRole};
GRANT SELECT, INSERT, DELETE ON subscription, digest_item TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON notify_lease TO ${appRole};
GRANT SELECT, UPDATE ON channel TO uip_system;
GRANT SELECT, INSERT, UPDATE ON delivery TO uip_system;
GRANT SELECT, INSERT ON delivery_attempt TO uip_system;
GRANT SELECT ON notification_target, digest_item TO uip_system;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['channel', 'notification_target', 'delivery', 'delivery_attempt', 'subscription',
                             'digest_item'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I '
                       'USING (workspace_id = current_setting(''uip.workspace'', true)) '
                       'WITH CHECK (workspace_id = current_setting(''uip.workspace'', true))', t);
        EXECUTE format('CREATE POLICY system_notify ON %I TO uip_system USING (true)', t);
    END LOOP;
END;
$$;

-- Routes up to max_rows unrouted notifications (oldest first; rows another router holds are skipped): one delivery
-- per target channel, SUPPRESSED when the notification is suppressed, then stamps them routed. Targets: its explicit
-- channels if it has any; else the channels of its team, or the workspace's default channels (no team) when the team
-- has none or it names no team; with page=true also the paging channels of its team or of no team.
CREATE FUNCTION uip_notify_route(max_rows INTEGER)
    RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n       RECORD;
    routed  INTEGER := 0;
    initial TEXT;
BEGIN
    FOR n IN SELECT x.workspace_id, x.id, x.team, x.page, x.suppressed_reason FROM public.notification x
             WHERE x.routed_at IS NULL ORDER BY x.created_at LIMIT max_rows FOR UPDATE SKIP LOCKED LOOP
        initial := CASE WHEN n.suppressed_reason IS NULL THEN 'PENDING' ELSE 'SUPPRESSED' END;
        IF EXISTS (SELECT 1 FROM public.notification_target t
                   WHERE t.workspace_id = n.workspace_id AND t.notification_id = n.id) THEN
            INSERT INTO public.delivery (id, workspace_id, notification_id, channel_id, status, next_attempt_at)
            SELECT gen_random_uuid()::text, n.workspace_id, n.id, c.id, initial, now()
            FROM public.notification_target t
            JOIN public.channel c ON c.workspace_id = t.workspace_id AND c.id = t.channel_id AND c.deleted_at IS NULL
            WHERE t.workspace_id = n.workspace_id AND t.notification_id = n.id
            ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO public.delivery (id, workspace_id, notification_id, channel_id, status, next_attempt_at)
            SELECT gen_random_uuid()::text, n.workspace_id, n.id, c.id, initial, now()
            FROM public.channel c
            WHERE c.workspace_id = n.workspace_id AND c.deleted_at IS NULL
              AND ((n.team IS NOT NULL AND lower(c.team) = lower(n.team))
                   OR (c.team IS NULL AND NOT EXISTS (
                        SELECT 1 FROM public.channel o
                        WHERE o.workspace_id = n.workspace_id AND o.deleted_at IS NULL AND n.team IS NOT NULL
                          AND lower(o.team) = lower(n.team)))
                   OR (n.page AND c.paging AND (c.team IS NULL OR lower(c.team) = lower(n.team))))
            ON CONFLICT DO NOTHING;
        END IF;
        UPDATE public.notification SET routed_at = now() WHERE workspace_id = n.workspace_id AND id = n.id;
        routed := routed + 1;
    END LOOP;
    RETURN routed;
END;
$$;

-- Claims up to max_rows due PENDING deliveries (rows another worker holds are skipped) for lease_seconds, under token,
-- with what sending them takes.
CREATE FUNCTION uip_notify_claim(max_rows INTEGER, lease_seconds INTEGER, token TEXT)
    RETURNS TABLE (delivery_id TEXT, workspace_id TEXT, notification_id TEXT, channel_id TEXT, attempts INTEGER,
                   kind TEXT, title TEXT, body_text TEXT, payload TEXT, channel_kind TEXT, target_sealed TEXT,
                   recipients TEXT[], secret_version INTEGER)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH due AS (
        SELECT d.id FROM public.delivery d
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
          AND (d.lease_until IS NULL OR d.lease_until < now())
        ORDER BY d.next_attempt_at LIMIT max_rows FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE public.delivery d SET lease_until = now() + make_interval(secs => lease_seconds), lease_token = token
        FROM due WHERE d.id = due.id
        RETURNING d.id, d.workspace_id, d.notification_id, d.channel_id, d.attempts
    )
    SELECT c.id, c.workspace_id, c.notification_id, c.channel_id, c.attempts, n.kind, n.title, n.body_text,
           n.payload::text, ch.kind, ch.target_sealed, ch.recipients, ch.secret_version
    FROM claimed c
    JOIN public.notification n ON n.workspace_id = c.workspace_id AND n.id = c.notification_id
    JOIN public.channel ch ON ch.workspace_id = c.workspace_id AND ch.id = c.channel_id;
$$;

-- Records one attempt of a claimed delivery (only under the claim's token): outcome DELIVERED, RETRY (at next_at)
-- or DEAD; logs it and keeps the channel's health (FAILING after failing_after consecutive failures, HEALTHY again
-- on a success). False when the claim was lost (the lease ran out and another worker took it).
CREATE FUNCTION uip_notify_attempt(p_delivery TEXT, p_token TEXT, p_outcome TEXT, p_status_code INTEGER,
                                   p_error TEXT, p_next_at TIMESTAMPTZ, p_duration_ms INTEGER, p_failing_after INTEGER)
    RETURNS BOOLEAN
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ws      TEXT;
    ch      TEXT;
    attempt INTEGER;
BEGIN
    UPDATE public.delivery d
    SET attempts = d.attempts + 1,
        status = CASE p_outcome WHEN 'DELIVERED' THEN 'DELIVERED' WHEN 'DEAD' THEN 'DEAD' ELSE 'PENDING' END,
        next_attempt_at = CASE WHEN p_outcome = 'RETRY' THEN p_next_at END,
        lease_until = NULL, lease_token = NULL, last_status_code = p_status_code, last_error = p_error,
        delivered_at = CASE WHEN p_outcome = 'DELIVERED' THEN now() END, updated_at = now()
    WHERE d.id = p_delivery AND d.lease_token = p_token AND d.status = 'PENDING'
    RETURNING d.workspace_id, d.channel_id, d.attempts INTO ws, ch, attempt;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO public.delivery_attempt (delivery_id, workspace_id, attempt, status_code, error, duration_ms)
    VALUES (p_delivery, ws, attempt, p_status_code, p_error, p_duration_ms);
    IF p_outcome = 'DELIVERED' THEN
        UPDATE public.channel c
        SET consecutive_failures = 0, status = 'HEALTHY',
            status_since = CASE WHEN c.status = 'HEALTHY' THEN c.status_since ELSE now() END
        WHERE c.workspace_id = ws AND c.id = ch;
    ELSE
        UPDATE public.channel c
        SET consecutive_failures = c.consecutive_failures + 1, last_error = p_error,
            status = CASE WHEN c.consecutive_failures + 1 >= p_failing_after THEN 'FAILING' ELSE c.status END,
            status_since = CASE WHEN c.status = 'HEALTHY' AND c.consecutive_failures + 1 >= p_failing_after
                                THEN now() ELSE c.status_since END
        WHERE c.workspace_id = ws AND c.id = ch;
    END IF;
    RETURN true;
END;
$$;

-- The (workspace, subscription, day) digests due: collected changes of days up to through.
CREATE FUNCTION uip_notify_digests_due(through DATE)
    RETURNS TABLE (workspace_id TEXT, subscription_id TEXT, day DATE)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT DISTINCT i.workspace_id, i.subscription_id, i.day FROM public.digest_item i WHERE i.day <= through
    ORDER BY i.day, i.workspace_id, i.subscription_id;
$$;

ALTER FUNCTION uip_notify_route(INTEGER) OWNER TO uip_system;
ALTER FUNCTION uip_notify_claim(INTEGER, INTEGER, TEXT) OWNER TO uip_system;
ALTER FUNCTION uip_notify_attempt(TEXT, TEXT, TEXT, INTEGER, TEXT, TIMESTAMPTZ, INTEGER, INTEGER) OWNER TO uip_system;
ALTER FUNCTION uip_notify_digests_due(DATE) OWNER TO uip_system;
REVOKE ALL ON FUNCTION uip_notify_route(INTEGER), uip_notify_claim(INTEGER, INTEGER, TEXT),
    uip_notify_attempt(TEXT, TEXT, TEXT, INTEGER, TEXT, TIMESTAMPTZ, INTEGER, INTEGER), uip_notify_digests_due(DATE)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION uip_notify_route(INTEGER), uip_notify_claim(INTEGER, INTEGER, TEXT),
    uip_notify_attempt(TEXT, TEXT, TEXT, INTEGER, TEXT, TIMESTAMPTZ, INTEGER, INTEGER), uip_notify_digests_due(DATE)
    TO ${appRole};
