package dev.uip.anomaly.service;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.uip.anomaly.domain.StoreNotReadyException;
import dev.uip.anomaly.streams.AvroBinarySerde;
import dev.uip.anomaly.streams.EventCountTopology;
import dev.uip.schemas.ValidatedUsageEvent;

/** Queries against a topology that is not running yet answer "not ready" instead of failing. */
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
        var topology = new EventCountTopology("validated", new AvroBinarySerde<>(ValidatedUsageEvent.class),
                Duration.ofMinutes(1)).withDefinitions("definitions").build();
        try (KafkaStreams streams = new KafkaStreams(topology, config)) {
            EventCounts counts = new EventCounts(streams, "definitions", "http://localhost:9/apis/registry/v2");
            assertThrows(StoreNotReadyException.class, () -> counts.lastMinutes("ws1", "Invoice Sent", 60));
            assertThrows(StoreNotReadyException.class, () -> counts.keyEvents("ws1", 60));
        }
    }
}
