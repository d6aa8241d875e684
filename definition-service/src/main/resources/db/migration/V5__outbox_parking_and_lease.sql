-- The outbox relay parks what it cannot publish, and only one relay publishes at a time.
--
-- A record whose publication fails is tried again on later rounds (attempts, last_error); after the relay's bound
-- (uip.outbox.max-attempts) it is parked (parked_at) and every later record flows again. Parked records are kept
-- until someone looks at them: to try one again, as the owner,
--   UPDATE outbox_event SET parked_at = NULL, attempts = 0 WHERE id = ...;
--
-- One publisher: a round runs in one transaction that first takes a transaction-scoped advisory lock (the lease,
-- released by commit, rollback or a lost connection). A relay that does not get it publishes nothing that round, so
-- two instances never publish the same record twice nor out of order.

ALTER TABLE outbox_event
    ADD COLUMN attempts   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN parked_at  TIMESTAMPTZ;

DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (id) WHERE parked_at IS NOT NULL;

-- V4's reader took no lease: removed, so that a relay of an older version cannot publish beside a newer one.
DROP FUNCTION uip_outbox_pending(INTEGER);

-- Takes the relay's lease for the calling transaction and returns the next records to publish, oldest first, locked;
-- returns nothing when another transaction holds the lease.
CREATE FUNCTION uip_outbox_claim(max_rows INTEGER)
    RETURNS TABLE (id BIGINT, topic TEXT, record_key TEXT, record_type TEXT, payload TEXT, attempts INTEGER)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- 7_450_001: this relay's lease key; any constant shared by every instance would do.
    IF NOT pg_try_advisory_xact_lock(7450001) THEN
        RETURN;
    END IF;
    -- A new statement, so it sees every record committed by the lease's previous holder.
    RETURN QUERY
        SELECT o.id, o.topic, o.record_key, o.record_type, o.payload, o.attempts
        FROM public.outbox_event o
        WHERE o.published_at IS NULL AND o.parked_at IS NULL
        ORDER BY o.id LIMIT max_rows
        FOR UPDATE;
END;
$$;

-- Counts a failed attempt at publishing a record and parks it once it reached max_attempts; returns whether it is
-- parked now.
CREATE FUNCTION uip_outbox_failed(record_id BIGINT, reason TEXT, max_attempts INTEGER)
    RETURNS BOOLEAN
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    parked BOOLEAN;
BEGIN
    UPDATE public.outbox_event o
    SET attempts   = o.attempts + 1,
        last_error = left(reason, 2000),
        parked_at  = CASE WHEN o.attempts + 1 >= max_attempts THEN now() END
    WHERE o.id = record_id AND o.published_at IS NULL AND o.parked_at IS NULL
    RETURNING o.parked_at IS NOT NULL INTO parked;
    RETURN coalesce(parked, false);
END;
$$;

-- How many records are parked, across all workspaces.
CREATE FUNCTION uip_outbox_parked_count()
    RETURNS BIGINT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM public.outbox_event o WHERE o.parked_at IS NOT NULL;
$$;

ALTER FUNCTION uip_outbox_claim(INTEGER) OWNER TO uip_system;
ALTER FUNCTION uip_outbox_failed(BIGINT, TEXT, INTEGER) OWNER TO uip_system;
ALTER FUNCTION uip_outbox_parked_count() OWNER TO uip_system;
REVOKE ALL ON FUNCTION uip_outbox_claim(INTEGER), uip_outbox_failed(BIGINT, TEXT, INTEGER), uip_outbox_parked_count()
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION uip_outbox_claim(INTEGER), uip_outbox_failed(BIGINT, TEXT, INTEGER),
    uip_outbox_parked_count() TO ${appRole};
