-- Definitions per call type: besides track events, page and screen names (their properties) and the workspace's
-- identify traits (one definition named 'identify'). A name is unique per workspace and call type, so a track event
-- and a page may share one. Existing definitions are TRACK; virtual definitions stay track-only.

ALTER TABLE event_definition
    ADD COLUMN call_type TEXT NOT NULL DEFAULT 'TRACK' CHECK (call_type IN ('TRACK', 'PAGE', 'SCREEN', 'IDENTIFY'));

ALTER TABLE event_definition
    DROP CONSTRAINT event_definition_name_unique,
    ADD CONSTRAINT event_definition_name_unique UNIQUE (workspace_id, call_type, name),
    ADD CONSTRAINT event_definition_virtual_track CHECK (kind = 'TRACKED' OR call_type = 'TRACK'),
    ADD CONSTRAINT event_definition_identify_name CHECK (call_type <> 'IDENTIFY' OR name = 'identify');

-- Definition states still waiting in the outbox were encoded without the new field, which Avro's JSON decoder
-- requires: they get it last, where the schema has it, as null (a track definition; see DefinitionKeys#callType).
UPDATE outbox_event
SET payload = regexp_replace(payload, '\}\s*$', ',"callType":null}')
WHERE record_type = 'dev.uip.schemas.EventDefinitionState' AND published_at IS NULL;
