package dev.uip.ingest.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.uip.schemas.streams.DeadLetterCounts;

/** Publishes how many records the validation topology parked on the dead-letter topic, and failed to, per stage. */
@ApplicationScoped
public class DeadLetterMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        DeadLetterCounts.register(registry);
    }
}
