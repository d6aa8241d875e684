package dev.uip.schemas.streams;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many records this JVM's topologies parked on the dead-letter topic, and how many they failed to park, per
 * stage: services expose them as metrics (a non-zero parked count is worth an alert).
 */
public final class DeadLetterCounts {

    private static final Map<DeadLetterStage, LongAdder> PARKED = adders();
    private static final Map<DeadLetterStage, LongAdder> FAILED = adders();

    private DeadLetterCounts() {
    }

    /** Records parked at {@code stage} since the JVM started. */
    public static long parked(DeadLetterStage stage) {
        return PARKED.get(stage).sum();
    }

    /** Records that could not be parked at {@code stage} (the handler then stopped the thread). */
    public static long failed(DeadLetterStage stage) {
        return FAILED.get(stage).sum();
    }

    /** Publishes both counts per stage as {@code uip.dead.letters.parked} and {@code uip.dead.letters.failed}. */
    public static void register(MeterRegistry registry) {
        for (DeadLetterStage stage : DeadLetterStage.values()) {
            FunctionCounter.builder("uip.dead.letters.parked", stage, DeadLetterCounts::parked)
                    .description("Records parked on the dead-letter topic").tag("stage", stage.name())
                    .register(registry);
            FunctionCounter.builder("uip.dead.letters.failed", stage, DeadLetterCounts::failed)
                    .description("Records that could not be parked (the stream thread stopped instead)")
                    .tag("stage", stage.name()).register(registry);
        }
    }

    static void countParked(DeadLetterStage stage) {
        PARKED.get(stage).increment();
    }

    static void countFailed(DeadLetterStage stage) {
        FAILED.get(stage).increment();
    }

    private static Map<DeadLetterStage, LongAdder> adders() {
        Map<DeadLetterStage, LongAdder> adders = new EnumMap<>(DeadLetterStage.class);
        for (DeadLetterStage stage : DeadLetterStage.values()) {
            adders.put(stage, new LongAdder());
        }
        return Map.copyOf(adders);
    }
}
