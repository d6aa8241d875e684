package dev.uip.definition.suggestion.messaging;

import dev.uip.schemas.EventStats;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/** Reads registry-encoded {@link EventStats} records; Kafka needs a class with a no-argument constructor. */
public class EventStatsDeserializer extends SpecificAvroDeserializer<EventStats> {

    public EventStatsDeserializer() {
        super(EventStats.class);
    }
}
