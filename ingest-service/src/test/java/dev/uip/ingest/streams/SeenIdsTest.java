package dev.uip.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SeenIds} over a real window store in a test driver, told what to do by the records it reads: "keep id at",
 * "seen id at" (answers true or false), "restart filterBytes" (a new SeenIds over the same store, as a task that
 * starts again over its restored store).
 */
class SeenIdsTest {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final long NOW = 1_795_000_000_000L;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> commands;
    private TestOutputTopic<String, String> answers;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "commands");
        topology.addProcessor("seen", Driven::new, "in");
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("seen", WINDOW.multipliedBy(3), WINDOW, false), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled(), "seen");
        topology.addSink("out", "answers", new StringSerializer(), new StringSerializer(), "seen");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "seen-ids-test");
        driver = new TopologyTestDriver(topology, props);
        commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
        answers = driver.createOutputTopic("answers", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static final class Driven implements Processor<String, String, String, String> {

        private ProcessorContext<String, String> context;
        private SeenIds seen;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            seen = new SeenIds(context.getStateStore("seen"), WINDOW, 1 << 20);
        }

        @Override
        public void process(Record<String, String> record) {
            String[] words = record.value().split(" ");
            switch (words[0]) {
                case "keep" -> seen.keep(SeenIds.key(words[1]), Long.parseLong(words[2]));
                case "seen" -> context.forward(record.withValue(
                        String.valueOf(seen.seen(SeenIds.key(words[1]), Long.parseLong(words[2])))));
                case "restart" -> seen = new SeenIds(context.getStateStore("seen"), WINDOW,
                        Long.parseLong(words[1]));
                case "heap" -> context.forward(record.withValue(String.valueOf(seen.filterBytes())));
                default -> throw new IllegalArgumentException(record.value());
            }
        }
    }

    private void tell(String command) {
        commands.pipeInput("k", command);
    }

    private boolean seen(String id, long at) {
        tell("seen " + id + " " + at);
        return Boolean.parseBoolean(answers.readValue());
    }

    @Test
    void aRestartedTaskLearnsTheIdsItsStoreAlreadyHolds() {
        for (int i = 0; i < 1_000; i++) {
            tell("keep ws/m-" + i + " " + (NOW + i));
        }
        // a new task over the restored store: its filter must not answer "never seen" for what the store holds
        tell("restart " + (1 << 20));
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            if (!seen("ws/m-" + i, NOW + 5_000)) {
                missed.add("m-" + i);
            }
        }
        assertEquals(List.of(), missed);
        assertFalse(seen("ws/m-1000", NOW + 5_000));
    }

    @Test
    void anIdKeptInTheSlotBeforeIsSeenWithinTheWindowAndNotAfter() {
        long lateInSlot = NOW - NOW % WINDOW.toMillis() + WINDOW.toMillis() - 1_000;
        tell("keep ws/late " + lateInSlot);
        // the next slot starts a second later: the id is found in the slot before, also after a restart
        tell("keep ws/other " + (lateInSlot + 2_000));
        assertTrue(seen("ws/late", lateInSlot + 2_000));
        tell("restart " + (1 << 20));
        assertTrue(seen("ws/late", lateInSlot + 2_000));
        assertFalse(seen("ws/late", lateInSlot + WINDOW.toMillis() + 1));
    }

    @Test
    void withoutAFilterEveryCheckAsksTheStore() {
        tell("restart 0");
        tell("keep ws/a " + NOW);
        assertTrue(seen("ws/a", NOW + 1));
        assertFalse(seen("ws/b", NOW + 1));
        tell("heap");
        assertEquals("0", answers.readValue());
    }
}
