package dev.uip.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/**
 * Consumes {@code usage-alerts} from its end, as a subscribing team would (committed records only, values decoded
 * with the registry's Avro deserializer the services use), and keeps each alert of one workspace with the wall-clock
 * time at which it was received.
 */
final class AlertListener implements AutoCloseable {

    /** An alert and when this listener received it (epoch millis). */
    record Received(AnomalyAlert alert, long receivedAt) {
    }

    private final KafkaConsumer<String, AnomalyAlert> consumer;
    private final String workspace;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    AlertListener(String bootstrap, String registryUrl, String topic, String workspace) {
        this.workspace = workspace;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        SpecificAvroDeserializer<AnomalyAlert> values = new SpecificAvroDeserializer<>(AnomalyAlert.class);
        values.configure(Map.of("apicurio.registry.url", registryUrl), false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, before the benchmark's traffic starts
        thread = new Thread(this::poll, "alert-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, AnomalyAlert> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.currentTimeMillis();
                    AnomalyAlert alert = record.value();
                    if (alert != null && workspace.equals(alert.getWorkspaceId())) {
                        received.add(new Received(alert, now));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Every alert of the workspace received so far, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
