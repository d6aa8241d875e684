package dev.uip.definition.alerting.messaging;

import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/** Reads registry-encoded {@link AnomalyAlert} records; Kafka needs a class with a no-argument constructor. */
public class AnomalyAlertDeserializer extends SpecificAvroDeserializer<AnomalyAlert> {

    public AnomalyAlertDeserializer() {
        super(AnomalyAlert.class);
    }
}
