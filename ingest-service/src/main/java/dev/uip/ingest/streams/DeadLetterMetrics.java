package dev.uip.ingest.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.uip.schemas.streams.DeadLetterCounts;
import dev.uip.schemas.streams.DeadLetterStage;

/** Publishes how many records the validation topology parked on the dead-letter topic, and failed to, per stage. */
@ApplicationScoped
public class DeadLetterMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (DeadLetterStage stage : DeadLetterStage.values()) {
            FunctionCounter.builder("uip.dead.letters.parked", stage, DeadLetterCounts::parked)
                    .description("Records parked on the dead-letter topic").tag("stage", stage.name())
                    .register(registry);
            FunctionCounter.builder("uip.dead.letters.failed", stage, DeadLetterCounts::failed)
                    .description("Records that could not be parked (the stream thread stopped instead)")
                    .tag("stage", stage.name()).register(registry);
        }
    }
}
