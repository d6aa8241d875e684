package dev.uip.ingest.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.uip.schemas.WriteKeyState;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/**
 * Every write key's state, read from the compacted write-keys topic into memory so that a request needs no lookup
 * anywhere else. It follows the topic continuously: a revocation takes effect as soon as it is published.
 */
@ApplicationScoped
public class WriteKeyDirectory {

    private static final Logger LOG = Logger.getLogger(WriteKeyDirectory.class);

    private final Map<String, WriteKeyState> byHash = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, WriteKeyState> consumer;
    private Thread follower;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @ConfigProperty(name = "uip.ingest.write-keys-topic", defaultValue = "write-keys")
    String topic;

    void start(@Observes StartupEvent event) {
        follower = new Thread(this::follow, "write-key-directory");
        follower.setDaemon(true);
        follower.start();
    }

    /** The state of the key with this SHA-256, if the key was ever issued. */
    public Optional<WriteKeyState> find(String keyHash) {
        return Optional.ofNullable(byHash.get(keyHash));
    }

    /** Whether every key issued before this instance started has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public int size() {
        return byHash.size();
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, WriteKeyState> kafka = newConsumer()) {
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
                    for (ConsumerRecord<String, WriteKeyState> record : kafka.poll(Duration.ofMillis(250))) {
                        if (record.value() == null) {
                            byHash.remove(record.key());
                        } else {
                            byHash.put(record.value().getKeyHash(), record.value());
                        }
                    }
                    if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= ends.get(p))) {
                        caughtUp = true;
                        LOG.infof("Write keys loaded: %d", byHash.size());
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

    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
    }

    private KafkaConsumer<String, WriteKeyState> newConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "uip-ingest-keys-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("apicurio.registry.url", registryUrl);
        SpecificAvroDeserializer<WriteKeyState> values = new SpecificAvroDeserializer<>(WriteKeyState.class);
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, WriteKeyState> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
