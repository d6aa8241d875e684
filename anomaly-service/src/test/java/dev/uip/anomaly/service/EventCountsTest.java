package dev.uip.anomaly.service;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.uip.anomaly.domain.StoreNotReadyException;
import dev.uip.anomaly.streams.TestTopologies;

/** Count queries against a topology that is not running yet answer "not ready" instead of failing. */
class EventCountsTest {

    @TempDir
    Path stateDir;

    @Test
    void aStoreThatIsNotRunningIsNotReady() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "event-counts-test");
        // Never started, so never connected.
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        var topology = TestTopologies.anomaly(false);
        try (KafkaStreams streams = new KafkaStreams(topology, config)) {
            EventCounts counts = new EventCounts(streams, bytes -> null);
            assertThrows(StoreNotReadyException.class, () -> counts.lastMinutes("ws1", "Invoice Sent", 60));
            assertThrows(StoreNotReadyException.class, () -> counts.keyEvents("ws1", 60));
        }
    }
}
