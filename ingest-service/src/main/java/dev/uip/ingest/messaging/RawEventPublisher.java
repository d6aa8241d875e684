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
import java.util.concurrent.atomic.AtomicLong;

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
 * when the broker acknowledged all its events. The Kafka producer blocks its caller while it has no metadata or its
 * buffer is full, and the HTTP event loop must never block: events go to the producer directly only while neither
 * can happen (see {@link #cannotBlock(long)}), through one dedicated sender thread otherwise. At most
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
    /** Estimated bytes handed to the producer and not yet acknowledged. */
    private final AtomicLong pendingBytes = new AtomicLong();
    private static final long RECENT_ACK_NANOS = TimeUnit.SECONDS.toNanos(3);
    private volatile long lastAck = System.nanoTime() - 2 * RECENT_ACK_NANOS;
    private long inlineByteLimit;

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
        // The envelope schema changes only with a new build of this service: resolve it once, never again on a send
        // (a refresh would be a registry call inside producer.send).
        settings.putIfAbsent("apicurio.registry.check-period-ms", String.valueOf(TimeUnit.DAYS.toMillis(365)));
        long bufferMemory = Long.parseLong(String.valueOf(settings.getOrDefault(ProducerConfig.BUFFER_MEMORY_CONFIG,
                32L * 1024 * 1024)));
        inlineByteLimit = bufferMemory / 4;
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
        long bytes = 0;
        for (RawUsageEvent event : events) {
            bytes += estimatedSize(event);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger waiting = new AtomicInteger(events.size());
        if (cannotBlock(bytes)) {
            send(events, done, waiting);
            return done;
        }
        try {
            long handedOver = bytes;
            sender.execute(() -> send(events, done, waiting));
            pendingBytes.addAndGet(handedOver);
        } catch (RuntimeException e) {
            pending.addAndGet(-events.size());
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * Whether the producer can take these events without blocking the caller: it blocks only while it has no
     * metadata for the topic or no room in its buffer. Metadata is there while the broker acknowledged something
     * recently (and the record's schema was resolved then, off the event loop), and the bytes not yet acknowledged
     * stay far below the buffer. Otherwise the dedicated sender thread takes the risk.
     */
    private boolean cannotBlock(long bytes) {
        if (System.nanoTime() - lastAck > RECENT_ACK_NANOS) {
            return false;
        }
        if (pendingBytes.addAndGet(bytes) > inlineByteLimit) {
            pendingBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    private static long estimatedSize(RawUsageEvent event) {
        return 256L + event.getPayload().length() * 2L;
    }

    private void send(List<RawUsageEvent> events, CompletableFuture<Void> done, AtomicInteger waiting) {
        for (int i = 0; i < events.size(); i++) {
            long size = estimatedSize(events.get(i));
            try {
                producer.send(record(events.get(i)), (metadata, failure) -> {
                    pending.decrementAndGet();
                    pendingBytes.addAndGet(-size);
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        lastAck = System.nanoTime();
                        if (waiting.decrementAndGet() == 0) {
                            done.complete(null);
                        }
                    }
                });
            } catch (RuntimeException e) {
                // Not handed to the producer (no metadata in time, buffer full, serialization): nothing more of
                // this request is sent; what was sent stays sent and is acknowledged or fails on its own.
                pending.addAndGet(-(events.size() - i));
                for (int j = i; j < events.size(); j++) {
                    pendingBytes.addAndGet(-estimatedSize(events.get(j)));
                }
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
