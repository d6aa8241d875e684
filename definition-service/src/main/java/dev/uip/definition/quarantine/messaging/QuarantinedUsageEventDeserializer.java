package dev.uip.definition.quarantine.messaging;

import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/** Reads registry-encoded {@link QuarantinedUsageEvent} records; Kafka needs a class with a no-argument constructor. */
public class QuarantinedUsageEventDeserializer extends SpecificAvroDeserializer<QuarantinedUsageEvent> {

    public QuarantinedUsageEventDeserializer() {
        super(QuarantinedUsageEvent.class);
    }
}
