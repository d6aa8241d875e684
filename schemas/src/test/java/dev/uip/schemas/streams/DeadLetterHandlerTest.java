package dev.uip.schemas.streams;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.uip.stack.TestBroker;

/**
 * The handlers in a real Kafka Streams client on a real broker, exactly-once: a record that fails at any stage is
 * parked with its bytes and reason and the client goes on; when it cannot be parked, nothing after it is processed.
 */
class DeadLetterHandlerTest {

    static TestBroker broker;
    KafkaStreams streams;
    String prefix;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeStreams() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void undecodableAndFailingRecordsAreParkedAndTheExactlyOnceClientGoesOn() throws Exception {
        start(true, StreamsConfig.EXACTLY_ONCE_V2, new BoundedThreadReplacement(3, Duration.ofMinutes(1),
                Clock.systemUTC()));
        send("text", "k1", bytes("poison"));
        send("numbers", "k2", bytes("abc")); // not the 4 bytes of an integer
        send("text", "k4", bytes("fine"));
        send("numbers", "k5", new byte[]{0, 0, 0, 7});

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(Set.of("FINE", "7"),
                read(prefix + "out").stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet())));
        List<ConsumerRecord<byte[], byte[]>> parked = awaitRecords(prefix + "dead", 2);
        ConsumerRecord<byte[], byte[]> poison = only(parked, "PROCESSING");
        assertEquals("poison", new String(poison.value(), StandardCharsets.UTF_8));
        assertEquals("k1", new String(poison.key(), StandardCharsets.UTF_8));
        assertEquals("java.lang.IllegalStateException: cannot process poison",
                header(poison, DeadLetterHandler.REASON));
        assertEquals(prefix + "text", header(poison, DeadLetterHandler.SOURCE_TOPIC));
        assertEquals("0", header(poison, DeadLetterHandler.SOURCE_PARTITION));
        assertEquals("0", header(poison, DeadLetterHandler.SOURCE_OFFSET));
        assertEquals(prefix + "app", header(poison, DeadLetterHandler.APPLICATION));
        assertEquals("source", header(poison, DeadLetterHandler.PAYLOAD));
        assertTrue(header(poison, DeadLetterHandler.TASK).matches("\\d+_0"));

        ConsumerRecord<byte[], byte[]> undecodable = only(parked, "DESERIALIZATION");
        assertEquals("abc", new String(undecodable.value(), StandardCharsets.UTF_8));
        assertEquals(prefix + "numbers", header(undecodable, DeadLetterHandler.SOURCE_TOPIC));

        assertEquals(KafkaStreams.State.RUNNING, streams.state());
        assertTrue(DeadLetterCounts.parked(DeadLetterStage.PROCESSING) >= 1);
    }

    /**
     * At least once: a record the producer refuses is parked and the client goes on. (Under exactly-once, Kafka 4.1's
     * transactional producer cannot continue after such an error: the transaction fails whatever the handler answers,
     * so topologies keep their output records within what the broker accepts.)
     */
    @Test
    void anOutputRecordTheProducerRefusesIsParkedWithWhereItCameFrom() throws Exception {
        start(true, StreamsConfig.AT_LEAST_ONCE, new BoundedThreadReplacement(3, Duration.ofMinutes(1),
                Clock.systemUTC()));
        send("text", "k3", bytes("big")); // becomes a value larger than the producer may send
        send("text", "k4", bytes("fine"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of("FINE"),
                read(prefix + "out").stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList(),
                () -> streams.state() + " parked " + DeadLetterCounts.parked(DeadLetterStage.PRODUCTION) + " failed "
                        + DeadLetterCounts.failed(DeadLetterStage.PRODUCTION)));
        ConsumerRecord<byte[], byte[]> tooLarge = only(awaitRecords(prefix + "dead", 1), "PRODUCTION");
        // Kafka Streams 4.1 no longer holds the source bytes here, and the output bytes are what was refused: the
        // dead letter says where the source record is.
        assertEquals("none", header(tooLarge, DeadLetterHandler.PAYLOAD));
        assertEquals(null, tooLarge.value());
        assertEquals(prefix + "text", header(tooLarge, DeadLetterHandler.SOURCE_TOPIC));
        assertEquals("0", header(tooLarge, DeadLetterHandler.SOURCE_OFFSET));
        assertEquals(prefix + "out", header(tooLarge, DeadLetterHandler.OUTPUT_TOPIC));
        assertTrue(header(tooLarge, DeadLetterHandler.REASON).startsWith(
                "org.apache.kafka.common.errors.RecordTooLargeException"));
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
    }

    @Test
    void whenParkingFailsNothingIsSkippedAndRepeatedDeathsStopTheClient() throws Exception {
        // A dead-letter topic name the broker refuses: parking fails.
        start(false, StreamsConfig.EXACTLY_ONCE_V2,
                new BoundedThreadReplacement(1, Duration.ofMinutes(1), Clock.systemUTC()));
        long failedBefore = DeadLetterCounts.failed(DeadLetterStage.PROCESSING);
        send("text", "k1", bytes("poison"));
        send("text", "k2", bytes("fine"));

        // The thread fails on the poison, is replaced once, fails again on the same record: the client stops.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> streams.state() == KafkaStreams.State.ERROR);
        assertTrue(DeadLetterCounts.failed(DeadLetterStage.PROCESSING) >= failedBefore + 2);
        assertTrue(read(prefix + "out").isEmpty(), "the record after the poison was not processed");
        assertEquals("DOWN", StreamsHealth.liveness("streams", streams.state()).getStatus().name());
        assertEquals("DOWN", StreamsHealth.readiness("streams", streams.state()).getStatus().name());
    }

    void start(boolean parkingWorks, String guarantee, BoundedThreadReplacement uncaught) throws Exception {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "text", 1, (short) 1),
                    new NewTopic(prefix + "numbers", 1, (short) 1), new NewTopic(prefix + "out", 1, (short) 1),
                    new NewTopic(prefix + "dead", 1, (short) 1))).all().get();
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "app");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/streams-state/" + prefix);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 10_000);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(DeadLetterPublisher.TOPIC_CONFIG, parkingWorks ? prefix + "dead" : "not a valid topic!");
        config.put(DeadLetterPublisher.TIMEOUT_CONFIG, "5000");
        streams = new KafkaStreams(topology(), config);
        streams.setUncaughtExceptionHandler(uncaught);
        streams.start();
    }

    Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(prefix + "text", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (value.equals("poison")) {
                        throw new IllegalStateException("cannot process poison");
                    }
                    return value.equals("big") ? "x".repeat(20_000) : value.toUpperCase();
                })
                .to(prefix + "out", Produced.with(Serdes.String(), Serdes.String()));
        builder.stream(prefix + "numbers", Consumed.with(Serdes.String(), Serdes.Integer()))
                .mapValues(String::valueOf)
                .to(prefix + "out", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    void send(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(prefix + topic, bytes(key), value)).get();
        }
    }

    List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found.clear();
            found.addAll(read(topic));
            assertEquals(count, found.size());
        });
        return found;
    }

    List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    static ConsumerRecord<byte[], byte[]> only(List<ConsumerRecord<byte[], byte[]>> records, String stage) {
        List<ConsumerRecord<byte[], byte[]>> matching = records.stream()
                .filter(r -> stage.equals(header(r, DeadLetterHandler.STAGE))).toList();
        assertEquals(1, matching.size(), "records parked at " + stage);
        return matching.get(0);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
