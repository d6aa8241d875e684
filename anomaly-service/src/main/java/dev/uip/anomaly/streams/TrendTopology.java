package dev.uip.anomaly.streams;

import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.uip.anomaly.config.TrendSettings;
import dev.uip.anomaly.trend.Hit;
import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.EventStats;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * The anomaly topology: validated and quarantined events (and the copies validation dropped as duplicates, for the
 * stats) become {@link Hit}s keyed by workspace (its only
 * repartition, so every series of a workspace is counted and judged in one task), {@link TrendProcessor} counts and
 * judges them, and the alerts it forwards go to the alerts topic keyed by workspace; the registry's definitions and
 * the alert rules are global stores. The per-minute counts of {@code /v1/counts} are the TRACK series' buckets.
 */
public final class TrendTopology {

    private final TrendSettings settings;
    private final Serde<QuarantinedUsageEvent> quarantinedSerde;
    private final Serde<RawUsageEvent> duplicateSerde;
    private final Serde<AnomalyAlert> alertSerde;
    private final Serde<EventStats> statsSerde;
    private final DefinitionLookup.Decoder definitionDecoder;
    private final Function<byte[], AlertRuleState> ruleDecoder;
    private boolean inMemoryStores;

    /**
     * @param definitionDecoder reads the definitions topic's values
     * @param ruleDecoder reads the rules topic's values (throws for bytes it cannot read)
     */
    public TrendTopology(TrendSettings settings, Serde<QuarantinedUsageEvent> quarantinedSerde,
            Serde<RawUsageEvent> duplicateSerde, Serde<AnomalyAlert> alertSerde, Serde<EventStats> statsSerde,
            DefinitionLookup.Decoder definitionDecoder,
            Function<byte[], AlertRuleState> ruleDecoder) {
        this.settings = settings;
        this.quarantinedSerde = quarantinedSerde;
        this.duplicateSerde = duplicateSerde;
        this.alertSerde = alertSerde;
        this.statsSerde = statsSerde;
        this.definitionDecoder = definitionDecoder;
        this.ruleDecoder = ruleDecoder;
    }

    /** Keeps every store in memory instead of RocksDB: for topology tests, where the driver flushes after each record. */
    TrendTopology withInMemoryStores() {
        this.inMemoryStores = true;
        return this;
    }

    /**
     * The topology over {@code validatedTopic} (events windowed by {@link EventTimeExtractor}'s bounded event time),
     * the quarantined and rules topics of the settings, and {@code definitionsTopic} (EventDefinitionState records),
     * kept in the global store {@value TrendStores#DEFINITIONS}: every instance holds all of them, to know which
     * events are key events and whose. Global stores keep each record's bytes as they are on the topic (a global
     * store is restored from its topic byte for byte, so it must hold the topic's encoding); readers decode them.
     */
    public Topology build(String validatedTopic, Serde<ValidatedUsageEvent> validatedSerde, String definitionsTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ValidatedUsageEvent> validated = builder.stream(validatedTopic, Consumed.with(Serdes
                .String(), validatedSerde).withTimestampExtractor(new EventTimeExtractor()).withName(
                        "validated-events"));
        builder.globalTable(definitionsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray())
                .withName("event-definitions"),
                inMemoryStores
                        ? globalStore(Stores.inMemoryKeyValueStore(TrendStores.DEFINITIONS))
                        // As it always was (a timestamped RocksDB store): the state already on disk stays readable.
                        : Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(TrendStores.DEFINITIONS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        KStream<String, byte[]> passed = validated
                .filter((key, event) -> event != null, Named.as("trend-validated"))
                .map((key, event) -> hit(HitMapper.validated(event)), Named.as("trend-validated-hits"));
        KStream<String, byte[]> quarantined = builder
                .stream(settings.quarantinedTopic(), Consumed.with(Serdes.String(), quarantinedSerde)
                        .withTimestampExtractor(new EventTimeExtractor()).withName("quarantined-events"))
                .filter((key, event) -> event != null && event.getRaw() != null, Named.as("trend-quarantined"))
                .map((key, event) -> hit(HitMapper.quarantined(event)), Named.as("trend-quarantined-hits"));
        // Copies dropped as duplicates count only in the stats (receipt time: a retry is counted when it came).
        KStream<String, byte[]> duplicates = builder
                .stream(settings.duplicatesTopic(), Consumed.with(Serdes.String(), duplicateSerde)
                        .withName("duplicate-events"))
                .filter((key, event) -> event != null, Named.as("trend-duplicates"))
                .map((key, event) -> hit(HitMapper.duplicate(event)), Named.as("trend-duplicate-hits"));
        // Every instance holds every stored rule, as it holds every definition; the bytes are kept as on the topic.
        builder.globalTable(settings.rulesTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                .withName("alert-rules"),
                globalStore(inMemoryStores
                        ? Stores.inMemoryKeyValueStore(TrendStores.RULES)
                        : Stores.persistentKeyValueStore(TrendStores.RULES)));
        List<StoreBuilder<?>> builders = TrendStores.all(settings, inMemoryStores);
        String[] stores = new String[builders.size()];
        int i = 0;
        for (StoreBuilder<?> store : builders) {
            builder.addStateStore(store);
            stores[i++] = store.name();
        }
        KStream<String, byte[]> hits = passed.merge(quarantined, Named.as("trend-hits"))
                .merge(duplicates, Named.as("trend-hits-and-duplicates"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("by-workspace"));
        hits.process(() -> new TrendProcessor(settings, this::judge), Named.as("trends"), stores)
                .to(settings.alertsTopic(), Produced.with(Serdes.String(), alertSerde).withName("alerts"));
        builder.addStateStore(TrendStores.keyValue(TrendStores.STATS_PUBLISHED, inMemoryStores));
        hits.process(() -> new StatsPublisher(settings), Named.as("stats"), TrendStores.BUCKETS, TrendStores.SERIES,
                TrendStores.STATS_PUBLISHED)
                .to(settings.statsTopic(), Produced.with(Serdes.String(), statsSerde).withName("stats-out"));
        return builder.build();
    }

    private static Materialized<String, byte[], KeyValueStore<Bytes, byte[]>> globalStore(
            KeyValueBytesStoreSupplier store) {
        return Materialized.<String, byte[]>as(store).withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray());
    }

    private static KeyValue<String, byte[]> hit(Hit hit) {
        return KeyValue.pair(hit.series().workspaceId(), hit.encode());
    }

    private AlertRuleState rule(Object stored) {
        Object value = stored instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : stored;
        if (!(value instanceof byte[] bytes)) {
            return null;
        }
        try {
            return ruleDecoder.apply(bytes);
        } catch (RuntimeException e) {
            return null; // an unreadable rule record: the default of its kind applies
        }
    }

    private SeriesJudge judge(ProcessorContext<String, AnomalyAlert> context) {
        ReadOnlyKeyValueStore<String, ?> definitions = context.getStateStore(TrendStores.DEFINITIONS);
        ReadOnlyKeyValueStore<String, ?> rules = context.getStateStore(TrendStores.RULES);
        return new SeriesJudge(context, new DefinitionLookup(definitions, definitionDecoder),
                new RuleBook(key -> rule(rules.get(key))),
                settings.bucket().toMillis(), settings.maxCatchUpBuckets(),
                settings.resolvedAlertRetention().toMillis());
    }
}
