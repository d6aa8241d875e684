package dev.uip.definition.quarantine.messaging;

import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/** Reads registry-encoded {@link QuarantineReleaseOutcome} records; Kafka needs a no-argument constructor. */
public class ReleaseOutcomeDeserializer extends SpecificAvroDeserializer<QuarantineReleaseOutcome> {

    public ReleaseOutcomeDeserializer() {
        super(QuarantineReleaseOutcome.class);
    }
}
