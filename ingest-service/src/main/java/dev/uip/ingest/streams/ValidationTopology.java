package dev.uip.ingest.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

import dev.uip.ingest.service.EventValidator;
import dev.uip.ingest.service.VirtualEvents;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ReleaseResult;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * Routes every raw event to the validated topic or, with its reason, to the quarantine topic, once: a message whose
 * workspace and messageId were seen within the dedup window is dropped as the duplicate it is (an SDK's retry). Each
 * validated event is followed by the events that the workspace's virtual definitions derive from it. Quarantined
 * events released after a fix are validated again from a second source, at most once each.
 */
public final class ValidationTopology {

    /**
     * The topics the topology reads and writes.
     *
     * @param duplicates where dropped copies are counted (the raw event without its payload)
     * @param unplannedSamples where samples of unplanned events go whole (key workspace/event)
     */
    public record Topics(String raw, String validated, String quarantined, String duplicates,
            String unplannedSamples) {
    }

    /** The serdes of the three record types. */
    public record Serdes3(Serde<RawUsageEvent> raw, Serde<ValidatedUsageEvent> validated,
            Serde<QuarantinedUsageEvent> quarantined) {
    }

    private ValidationTopology() {
    }

    /** The name of the store of events held while the registry does not answer. */
    public static final String HELD_STORE = "registry-held";
    /** The name of the store of released message ids that passed. */
    public static final String RELEASED_STORE = "released";
    /** The name of the store of recently seen message ids. */
    public static final String DEDUP_STORE = "dedup";
    /** Longest dedup window accepted. */
    public static final Duration MAX_DEDUP_WINDOW = Duration.ofDays(7);
    /** Shortest dedup window accepted. */
    public static final Duration MIN_DEDUP_WINDOW = Duration.ofMinutes(1);

    /** Told of every message dropped as a duplicate. */
    public interface DuplicateListener {

        void duplicate(RawUsageEvent raw);
    }

    /**
     * How duplicates are dropped: a message (workspace and messageId) seen within {@code window} of an earlier one is
     * not forwarded.
     *
     * @param persistent RocksDB (production) or in memory (tests)
     * @param filterBytes heap per task for the filter that spares store lookups of new ids
     */
    public record Dedup(boolean enabled, Duration window, boolean persistent, DuplicateListener duplicates,
            long filterBytes) {

        /** Default heap per task for the filter in front of the dedup store. */
        public static final long DEFAULT_FILTER_BYTES = 16L << 20;

        public Dedup {
            if (enabled && (window.compareTo(MIN_DEDUP_WINDOW) < 0 || window.compareTo(MAX_DEDUP_WINDOW) > 0)) {
                throw new IllegalArgumentException("the dedup window must be between " + MIN_DEDUP_WINDOW + " and "
                        + MAX_DEDUP_WINDOW + ", was " + window);
            }
            if (filterBytes < 0) {
                throw new IllegalArgumentException("the dedup filter's heap must not be negative, was " + filterBytes);
            }
        }

        public Dedup(boolean enabled, Duration window, boolean persistent, DuplicateListener duplicates) {
            this(enabled, window, persistent, duplicates, DEFAULT_FILTER_BYTES);
        }
    }

    /** Told of every release answered. */
    public interface ReleaseListener {

        void released(String workspaceId, ReleaseResult outcome);
    }

    /**
     * Quarantined events released to be validated again: read from {@code topic}, answered on {@code outcomesTopic};
     * a message that passed is remembered for {@code remember}, so releasing it again within that time writes nothing.
     */
    public record Releases(String topic, String outcomesTopic, Serde<QuarantineRelease> serde,
            Serde<QuarantineReleaseOutcome> outcomeSerde, Duration remember, ReleaseListener listener) {

        public Releases {
            if (remember.compareTo(MIN_DEDUP_WINDOW) < 0 || remember.compareTo(MAX_RELEASE_MEMORY) > 0) {
                throw new IllegalArgumentException("released messages must be remembered between "
                        + MIN_DEDUP_WINDOW + " and " + MAX_RELEASE_MEMORY + ", was " + remember);
            }
        }
    }

    /** Longest time a released message is remembered. */
    public static final Duration MAX_RELEASE_MEMORY = Duration.ofDays(365);

    /**
     * How events that found the registry away are held and validated again: every {@code retryEvery}, for at most
     * {@code maxHold}, at most {@code maxHeld} at a time.
     */
    public record Hold(Duration retryEvery, Duration maxHold, long maxHeld) {
    }

    /** The topology without releases and virtual events (for topology tests of the rest). */
    public static Topology build(Topics topics, Serdes3 serdes, EventValidator validator, Dedup dedup, Hold hold) {
        return build(topics, serdes, validator, dedup, hold, null, VirtualEvents.NONE);
    }

    /** The topology without releases, where every validated event is followed by what virtual definitions derive. */
    public static Topology build(Topics topics, Serdes3 serdes, EventValidator validator, Dedup dedup, Hold hold,
            VirtualEvents virtual) {
        return build(topics, serdes, validator, dedup, hold, null, virtual);
    }

    /** The topology with releases and without virtual events. */
    public static Topology build(Topics topics, Serdes3 serdes, EventValidator validator, Dedup dedup, Hold hold,
            Releases releases) {
        return build(topics, serdes, validator, dedup, hold, releases, VirtualEvents.NONE);
    }

    /**
     * The whole topology: validation with dedup and the registry hold, derivation of virtual events, and (unless
     * {@code releases} is null) the release source, whose events that pass derive too.
     */
    public static Topology build(Topics topics, Serdes3 serdes, EventValidator validator, Dedup dedup, Hold hold,
            Releases releases, VirtualEvents virtual) {
        StreamsBuilder builder = new StreamsBuilder();
        Deserializer<RawUsageEvent> rawReader = serdes.raw().deserializer();
        String[] stores = {};
        if (dedup.enabled()) {
            // ids are kept under the start of their window-long slot; the slot before must outlive the window
            Duration retention = dedup.window().multipliedBy(3);
            WindowBytesStoreSupplier supplier = dedup.persistent()
                    ? Stores.persistentWindowStore(DEDUP_STORE, retention, dedup.window(), false)
                    : Stores.inMemoryWindowStore(DEDUP_STORE, retention, dedup.window(), false);
            builder.addStateStore(Stores.windowStoreBuilder(supplier, Serdes.Bytes(), Serdes.ByteArray())
                    // every put is written to the changelog anyway; a cache would only hold heap
                    .withCachingDisabled());
            stores = new String[]{DEDUP_STORE};
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(dedup.persistent()
                ? Stores.persistentKeyValueStore(HELD_STORE)
                : Stores.inMemoryKeyValueStore(HELD_STORE), Serdes.String(), Serdes.ByteArray()));
        KStream<String, EventValidator.Outcome> outcomes = builder
                // Read as bytes and decode in the processor: a record that cannot be decoded is quarantined.
                .stream(topics.raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-events"))
                // A tombstone carries no event; there is nothing to validate or keep.
                .filter((key, bytes) -> bytes != null, Named.as("skip-tombstones"))
                .processValues(() -> new ValidateProcessor(topics.raw(), rawReader, validator, dedup),
                        Named.as("validate"), stores)
                .process(() -> new HoldProcessor(validator, hold), Named.as("hold-while-registry-away"), HELD_STORE);
        outcomes.split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.isDuplicate(), Branched.withConsumer(copies -> copies
                        .mapValues(EventValidator.Outcome::duplicate, Named.as("unwrap-duplicate"))
                        .to(topics.duplicates(), Produced.with(Serdes.String(), serdes.raw())), "duplicate"))
                .branch((key, outcome) -> outcome.isSample(), Branched.withConsumer(samples -> samples
                        .map((key, outcome) -> KeyValue.pair(outcome.sample().getWorkspaceId() + "/"
                                + outcome.sample().getEvent(), outcome.sample()), Named.as("unwrap-sample"))
                        .to(topics.unplannedSamples(), Produced.with(Serdes.String(), serdes.raw())), "sample"))
                .branch((key, outcome) -> outcome.valid(), Branched.withConsumer(valid -> valid
                        // derived here, after dedup and hold: only what reaches validated derives, exactly once
                        .flatMapValues(virtual::withDerived, Named.as("unwrap-valid-and-derive"))
                        .to(topics.validated(), Produced.with(Serdes.String(), serdes.validated())), "valid"))
                .defaultBranch(Branched.withConsumer(invalid -> invalid
                        .mapValues(EventValidator.Outcome::quarantined, Named.as("unwrap-quarantined"))
                        .to(topics.quarantined(), Produced.with(Serdes.String(), serdes.quarantined())),
                        "quarantined"));
        if (releases != null) {
            addReleases(builder, topics, serdes, validator, dedup.persistent(), releases, virtual);
        }
        return builder.build();
    }

    /** The second source: released quarantined events, validated again, each answered with its outcome. */
    private static void addReleases(StreamsBuilder builder, Topics topics, Serdes3 serdes, EventValidator validator,
            boolean persistent, Releases releases, VirtualEvents virtual) {
        Duration retention = releases.remember().multipliedBy(3);
        builder.addStateStore(Stores.windowStoreBuilder(persistent
                ? Stores.persistentWindowStore(RELEASED_STORE, retention, releases.remember(), false)
                : Stores.inMemoryWindowStore(RELEASED_STORE, retention, releases.remember(), false),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        KStream<String, ReleaseProcessor.Step> steps = builder
                .stream(releases.topic(), Consumed.with(Serdes.String(), releases.serde()).withName("releases"))
                .filter((key, release) -> release != null, Named.as("skip-release-tombstones"))
                .processValues(() -> new ReleaseProcessor(validator, releases), Named.as("release"), RELEASED_STORE);
        steps.filter((key, step) -> step.validated() != null, Named.as("released-valid"))
                .flatMapValues(step -> virtual.withDerived(new EventValidator.Outcome(step.validated(), null)),
                        Named.as("unwrap-released-and-derive"))
                .to(topics.validated(), Produced.with(Serdes.String(), serdes.validated()));
        steps.mapValues(ReleaseProcessor.Step::outcome, Named.as("unwrap-release-outcome"))
                .to(releases.outcomesTopic(), Produced.with(Serdes.String(), releases.outcomeSerde()));
    }
}
