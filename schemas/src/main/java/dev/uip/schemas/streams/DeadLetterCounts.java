package dev.uip.schemas.streams;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

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
