-- The hash chain of each workspace (see dev.uip.audit.domain.ChainHash): sequence 1, 2, ... without gaps, the hash of
-- the previous entry (64 zeros for the first) and this entry's hash. V5 chains the rows stored before, V6 makes the
-- columns mandatory.
ALTER TABLE audit_entry
    ADD COLUMN sequence  BIGINT,
    ADD COLUMN prev_hash TEXT,
    ADD COLUMN hash      TEXT;
