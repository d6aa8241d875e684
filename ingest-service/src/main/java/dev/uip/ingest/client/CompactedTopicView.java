package dev.uip.ingest.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.uip.schemas.serde.SpecificAvroDeserializer;

/**
 * The latest value per key of a compacted topic, held in memory and followed continuously by one background thread
 * (every instance reads the whole topic; no consumer group offsets). A tombstone removes the key. A record it cannot
 * decode is skipped, counted and logged: these compacted state topics are written only by definition-service's outbox
 * relay, so such a record is a bug or a foreign writer, and holding back every later change (or reading the topic
 * again from its start, forever) would be worse than missing it. If reading fails otherwise, it starts over after a
 * second, keeping what it had.
 */
public final class CompactedTopicView<V extends SpecificRecord> {

    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);

    private final String topic;
    private final Class<V> type;
    private final String bootstrapServers;
    private final String registryUrl;
    private final Map<String, V> byKey = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, V> consumer;
    private final AtomicLong skipped = new AtomicLong();
    private volatile BiConsumer<String, V> listener = (key, value) -> {
    };

    public CompactedTopicView(String topic, Class<V> type, String bootstrapServers, String registryUrl) {
        this.topic = topic;
        this.type = type;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /**
     * Tells {@code listener} of every record taken in (value null for a tombstone), on the follower thread, after the
     * view holds it. Set before {@link #start}.
     */
    public CompactedTopicView<V> onChange(BiConsumer<String, V> listener) {
        this.listener = listener;
        return this;
    }

    /** Starts following the topic on a daemon thread named after it. */
    public CompactedTopicView<V> start() {
        Thread follower = new Thread(this::follow, topic + "-view");
        follower.setDaemon(true);
        follower.start();
        return this;
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Whether everything on the topic when this view started has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public int size() {
        return byKey.size();
    }

    /** Records skipped because they could not be decoded. */
    public long skipped() {
        return skipped.get();
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, V> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, V> kafka = newConsumer()) {
                consumer = kafka;
                List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (partitions.isEmpty()) {
                    LOG.warnf("Topic %s does not exist yet; retrying", topic);
                    pause();
                    continue;
                }
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, V> record : poll(kafka)) {
                        if (record.value() == null) {
                            byKey.remove(record.key());
                        } else {
                            byKey.put(record.key(), record.value());
                        }
                        listener.accept(record.key(), record.value());
                    }
                    if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= ends.get(p))) {
                        caughtUp = true;
                        LOG.infof("Read %s: %d entries", topic, byKey.size());
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Reading %s failed, retrying: %s", topic, e.toString());
                    pause();
                }
            }
        }
    }

    /** The next records; an undecodable one is stepped over (the records before it come with the next poll). */
    private Iterable<ConsumerRecord<String, V>> poll(KafkaConsumer<String, V> kafka) {
        try {
            return kafka.poll(Duration.ofMillis(250));
        } catch (RecordDeserializationException e) {
            skipped.incrementAndGet();
            LOG.errorf("Skipped record %s@%d of %s that cannot be decoded (%d skipped so far): %s",
                    e.topicPartition(), e.offset(), topic, skipped.get(), String.valueOf(e.getCause()));
            kafka.seek(e.topicPartition(), e.offset() + 1);
            return List.of();
        }
    }

    private static void pause() {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
    }

    private KafkaConsumer<String, V> newConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "uip-ingest-view-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("apicurio.registry.url", registryUrl);
        SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>(type);
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }
}
