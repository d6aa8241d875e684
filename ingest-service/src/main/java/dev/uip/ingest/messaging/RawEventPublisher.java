package dev.uip.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.uip.ingest.config.PublisherConfig;
import dev.uip.ingest.domain.BrokerBackloggedException;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.CachedAvroSerializer;

/**
 * Publishes accepted messages to usage-events-raw with an idempotent acks=all producer; a request's future completes
 * when the broker acknowledged all its events. Sends run on one dedicated thread, because the Kafka producer blocks
 * the caller while it has no metadata or its buffer is full, and the HTTP event loop must never block. At most
 * {@link PublisherConfig#maxPendingEvents()} events wait for acknowledgement; beyond that a request is refused at once.
 */
@ApplicationScoped
public class RawEventPublisher {

    public static final String WORKSPACE_HEADER = "uip-workspace";
    /** Copied by the validation topology to its outputs, so receipts can be matched without decoding records. */
    public static final String MESSAGE_ID_HEADER = "uip-message-id";

    @Inject
    PublisherConfig config;

    private KafkaProducer<String, RawUsageEvent> producer;
    private ExecutorService sender;
    private final AtomicInteger pending = new AtomicInteger();

    @PostConstruct
    void start() {
        Map<String, Object> settings = new HashMap<>(config.producer());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "uip-ingest-raw-events");
        settings.put("apicurio.registry.url", config.registryUrl());
        settings.put("apicurio.registry.auto-register", config.autoRegisterSchemas());
        settings.put("apicurio.registry.find-latest", true);
        CachedAvroSerializer<RawUsageEvent> values = new CachedAvroSerializer<>();
        values.configure(settings, false);
        producer = new KafkaProducer<>(settings, new StringSerializer(), values);
        sender = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "raw-event-sender"));
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** @return completes once the broker acknowledged every event, or fails with the first error */
    public CompletableFuture<Void> publish(List<RawUsageEvent> events) {
        if (pending.addAndGet(events.size()) > config.maxPendingEvents()) {
            pending.addAndGet(-events.size());
            return CompletableFuture.failedFuture(new BrokerBackloggedException(config.maxPendingEvents()));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger waiting = new AtomicInteger(events.size());
        try {
            sender.execute(() -> send(events, done, waiting));
        } catch (RuntimeException e) {
            pending.addAndGet(-events.size());
            done.completeExceptionally(e);
        }
        return done;
    }

    private void send(List<RawUsageEvent> events, CompletableFuture<Void> done, AtomicInteger waiting) {
        for (int i = 0; i < events.size(); i++) {
            try {
                producer.send(record(events.get(i)), (metadata, failure) -> {
                    pending.decrementAndGet();
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else if (waiting.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                // Not handed to the producer (no metadata in time, buffer full, serialization): nothing more of
                // this request is sent; what was sent stays sent and is acknowledged or fails on its own.
                pending.addAndGet(-(events.size() - i));
                done.completeExceptionally(e);
                return;
            }
        }
    }

    private ProducerRecord<String, RawUsageEvent> record(RawUsageEvent event) {
        String identity = event.getUserId() != null ? event.getUserId() : event.getAnonymousId();
        RecordHeaders headers = new RecordHeaders();
        headers.add(WORKSPACE_HEADER, event.getWorkspaceId().getBytes(StandardCharsets.UTF_8));
        headers.add(MESSAGE_ID_HEADER, event.getMessageId().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(config.topic(), null, event.getWorkspaceId() + "/" + identity, event, headers);
    }
}
