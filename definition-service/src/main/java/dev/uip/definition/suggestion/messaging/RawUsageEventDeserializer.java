package dev.uip.definition.suggestion.messaging;

import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/** Reads registry-encoded {@link RawUsageEvent} records; Kafka needs a class with a no-argument constructor. */
public class RawUsageEventDeserializer extends SpecificAvroDeserializer<RawUsageEvent> {

    public RawUsageEventDeserializer() {
        super(RawUsageEvent.class);
    }
}
