package dev.uip.audit.messaging;

import dev.uip.schemas.DefinitionChanged;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/** Reads registry-encoded {@link DefinitionChanged} records; Kafka needs a class with a no-argument constructor. */
public class DefinitionChangedDeserializer extends SpecificAvroDeserializer<DefinitionChanged> {

    public DefinitionChangedDeserializer() {
        super(DefinitionChanged.class);
    }
}
