-- Virtual definitions: a definition of kind VIRTUAL has no properties or schema of its own but a rule over incoming
-- events (JSON, checked by dev.uip.schemas.virtual.RuleParser); matching events derive an event named after it.
-- Existing definitions are TRACKED. The rule is part of each version's definition_json as well.

ALTER TABLE event_definition
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'TRACKED' CHECK (kind IN ('TRACKED', 'VIRTUAL')),
    ADD COLUMN virtual_rule TEXT CHECK (length(virtual_rule) <= 20000);

ALTER TABLE event_definition
    ADD CONSTRAINT event_definition_virtual_rule CHECK ((kind = 'VIRTUAL') = (virtual_rule IS NOT NULL));
