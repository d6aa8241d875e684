package dev.uip.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.CachedAvroSerializer;

/**
 * Keeps many series active for anomaly-service: writes {@link ValidatedUsageEvent}s straight to
 * {@code usage-events-validated} (registry Avro, as the validation topology writes them, bypassing the ingest edge),
 * {@code series} distinct event names spread over {@code workspaces} workspaces, each series firing
 * {@code per-minute} times a minute, evenly spread, for {@code minutes}. Prints one {@code LOAD} line a minute.
 */
public final class SeriesLoad {

    private static final String CONTEXT = "{\"app\": {\"version\": \"%s\"}, \"os\": {\"name\": \"%s\"}, "
            + "\"library\": {\"name\": \"analytics-java\"}}";
    private static final String[] VERSIONS = {"2.4.1", "2.4.0", "2.3.9"};
    private static final String[] PLATFORMS = {"iOS", "Android", "Windows", "macOS"};

    private SeriesLoad() {
    }

    /**
     * {@code --bootstrap HOST:PORT --registry URL [--topic T] [--series N] [--workspaces W] [--prefix P]
     * [--per-minute R] [--minutes M]}; event i is named {@code "Series Event i"} in workspace {@code P-(i mod W)}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = AvroProducers.options(args);
        int series = Integer.parseInt(options.getOrDefault("series", "10000"));
        int workspaces = Integer.parseInt(options.getOrDefault("workspaces", "4"));
        String prefix = options.getOrDefault("prefix", "bench-series");
        double perMinute = Double.parseDouble(options.getOrDefault("per-minute", "2"));
        double minutes = Double.parseDouble(options.getOrDefault("minutes", "10"));
        String topic = options.getOrDefault("topic", "usage-events-validated");

        Map<String, Object> config = AvroProducers.config(options);
        Properties properties = new Properties();
        properties.putAll(config);
        CachedAvroSerializer<ValidatedUsageEvent> values = new CachedAvroSerializer<>();
        values.configure(config, false);

        List<String> names = new ArrayList<>(series);
        for (int i = 0; i < series; i++) {
            names.add("Series Event " + i);
        }
        long intervalMs = (long) (60_000 / perMinute);
        long start = System.currentTimeMillis();
        long end = start + (long) (minutes * 60_000);
        long sent = 0;
        long nextReport = start + 60_000;
        try (KafkaProducer<String, ValidatedUsageEvent> producer = new KafkaProducer<>(properties,
                new StringSerializer(), values)) {
            // Series i fires at start + (i / series + k) * interval: every series once per interval, evenly spread.
            long due = 0; // events due so far across all series
            while (true) {
                long now = System.currentTimeMillis();
                if (now >= end) {
                    break;
                }
                long target = (long) ((now - start) / (double) intervalMs * series);
                for (; due < target; due++) {
                    int i = (int) (due % series);
                    String workspace = prefix + "-" + (i % workspaces);
                    ValidatedUsageEvent event = ValidatedUsageEvent.newBuilder().setWorkspaceId(workspace)
                            .setMessageId(UUID.randomUUID().toString()).setType(MessageType.TRACK)
                            .setEvent(names.get(i)).setUserId("u-" + (due % 1000))
                            .setTimestamp(Instant.ofEpochMilli(now)).setReceivedAt(Instant.ofEpochMilli(now))
                            .setContext(String.format(CONTEXT, VERSIONS[(int) (due % VERSIONS.length)],
                                    PLATFORMS[i % PLATFORMS.length]))
                            .setPropertiesJson("{\"plan\": \"pro\"}").setFlags(List.of("UNPLANNED_EVENT"))
                            .build();
                    producer.send(new ProducerRecord<>(topic, null, now, workspace, event));
                    sent++;
                }
                if (now >= nextReport) {
                    System.out.printf(Locale.ROOT, "LOAD minute=%.0f events=%d events_per_s=%.0f%n",
                            (now - start) / 60_000.0, sent, sent * 1000.0 / (now - start));
                    nextReport += 60_000;
                }
                Thread.sleep(100);
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "LOAD done series=%d workspaces=%d per_minute=%.1f events=%d%n", series,
                workspaces, perMinute, sent);
    }
}
