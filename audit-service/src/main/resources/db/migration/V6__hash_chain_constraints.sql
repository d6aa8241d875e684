-- Every entry has its place in its workspace's chain; two entries can never claim the same place (no fork even if the
-- per-workspace lock of the writer were bypassed).
ALTER TABLE audit_entry
    ALTER COLUMN sequence SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_entry_hash_format CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT audit_entry_sequence_positive CHECK (sequence > 0),
    ADD CONSTRAINT audit_entry_workspace_sequence_unique UNIQUE (workspace_id, sequence);

-- The verifier looks up which entry links to a hash when it classifies a break.
CREATE INDEX audit_entry_workspace_prev_hash ON audit_entry (workspace_id, prev_hash);
