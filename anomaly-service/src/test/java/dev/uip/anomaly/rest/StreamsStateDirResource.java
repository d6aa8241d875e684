package dev.uip.anomaly.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test run an empty Kafka Streams state directory: local state left by an earlier run belongs to a broker
 * that no longer exists.
 */
public class StreamsStateDirResource implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("uip-anomaly-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka-streams.state.dir", dir.toString());
    }

    @Override
    public void stop() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
