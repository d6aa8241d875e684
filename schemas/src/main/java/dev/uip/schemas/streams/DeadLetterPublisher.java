package dev.uip.schemas.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Sends parked records to the dead-letter topic through a small idempotent {@code acks=all} producer of its own, built
 * from the Streams configuration (so bootstrap servers, SASL and TLS settings and {@code producer.*} overrides carry
 * over). It is not part of the Streams transaction: a record can be parked twice if its task is retried, never lost.
 * One producer per Streams configuration, created on the first record parked.
 */
final class DeadLetterPublisher {

    /** Streams config key naming the dead-letter topic. */
    static final String TOPIC_CONFIG = "dead-letters.topic";
    /** Streams config key bounding how long parking one record may block the stream thread, in ms. */
    static final String TIMEOUT_CONFIG = "dead-letters.send.timeout.ms";
    static final String DEFAULT_TOPIC = "dead-letters";
    static final long DEFAULT_TIMEOUT_MS = 10_000;

    private static final System.Logger LOG = System.getLogger(DeadLetterPublisher.class.getName());
    private static final Map<Map<String, Object>, Producer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private final Map<String, Object> producerConfig;
    private final String topic;
    private final Duration timeout;

    private DeadLetterPublisher(Map<String, Object> producerConfig, String topic, Duration timeout) {
        this.producerConfig = producerConfig;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** A publisher for the topology configured with {@code streamsConfig} (what Kafka Streams passes to handlers). */
    static DeadLetterPublisher of(Map<String, ?> streamsConfig) {
        Object topic = streamsConfig.get(TOPIC_CONFIG);
        Object timeout = streamsConfig.get(TIMEOUT_CONFIG);
        return new DeadLetterPublisher(producerConfig(streamsConfig),
                topic == null ? DEFAULT_TOPIC : topic.toString(),
                Duration.ofMillis(timeout == null ? DEFAULT_TIMEOUT_MS : Long.parseLong(timeout.toString())));
    }

    String topic() {
        return topic;
    }

    /**
     * Sends the record and waits for the broker's acknowledgement.
     *
     * @return whether the broker stored it within the timeout
     */
    boolean send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer().send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(System.Logger.Level.ERROR, "Interrupted while parking a record on " + topic);
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.log(System.Logger.Level.ERROR, "Could not park a record on " + topic + ": " + cause);
            return false;
        }
    }

    private Producer<byte[], byte[]> producer() {
        return PRODUCERS.computeIfAbsent(producerConfig,
                config -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    private static Map<String, Object> producerConfig(Map<String, ?> streamsConfig) {
        StreamsConfig streams = new StreamsConfig(streamsConfig);
        String applicationId = streams.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        Map<String, Object> config = new HashMap<>(streams.getProducerConfigs(applicationId + "-dead-letters"));
        // Parking is not part of the topology's transaction, and must not share its producer's transactional id.
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return java.util.Collections.unmodifiableMap(config);
    }
}
