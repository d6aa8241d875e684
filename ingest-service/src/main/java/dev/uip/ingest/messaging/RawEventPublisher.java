package dev.uip.ingest.messaging;

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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.uip.ingest.config.PublisherConfig;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.CachedAvroSerializer;

/**
 * Publishes a request's events to usage-events-raw with an idempotent acks=all producer, all or nothing: every event is
 * encoded before any is sent, and the request's future completes when the broker acknowledged all of them. The Kafka
 * producer blocks its caller while it has no metadata or its buffer is full (and encoding blocks until the envelope
 * schema was resolved once), and the HTTP event loop must never block: events are encoded and sent inline only while
 * none of this can happen (see {@link #recentlyAcknowledged()}), through one dedicated sender thread otherwise. What
 * waits for acknowledgement is bounded by an {@link InFlightBudget}; beyond it a request is refused at once.
 */
@ApplicationScoped
public class RawEventPublisher {

    public static final String WORKSPACE_HEADER = "uip-workspace";
    /** Copied by the validation topology to its outputs, so receipts can be matched without decoding records. */
    public static final String MESSAGE_ID_HEADER = "uip-message-id";

    @Inject
    PublisherConfig config;

    private KafkaProducer<String, byte[]> producer;
    private CachedAvroSerializer<RawUsageEvent> values;
    private RawRecords records;
    private InFlightBudget budget;
    private ExecutorService sender;
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
        // The envelope schema changes only with a new build of this service: resolve it once, never again on an
        // encoding (a refresh would be a registry call on the event loop).
        settings.putIfAbsent("apicurio.registry.check-period-ms", String.valueOf(TimeUnit.DAYS.toMillis(365)));
        long bufferMemory = Long.parseLong(String.valueOf(settings.getOrDefault(ProducerConfig.BUFFER_MEMORY_CONFIG,
                32L * 1024 * 1024)));
        inlineByteLimit = bufferMemory / 4;
        values = new CachedAvroSerializer<>();
        values.configure(settings, false);
        records = new RawRecords(config.topic(), values);
        budget = new InFlightBudget(config.maxPendingEvents(), config.maxInFlightPerWorkspace().asLongValue());
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
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
        values.close();
    }

    /**
     * @param events the events of one request, all of one workspace
     * @return completes once the broker acknowledged every event; fails with the first error, with
     *         {@link dev.uip.ingest.domain.UnencodableEventException} (nothing sent) when an event cannot be encoded,
     *         or with {@link dev.uip.ingest.domain.BrokerBackloggedException} (nothing sent) beyond the budget
     */
    public CompletableFuture<Void> publish(List<RawUsageEvent> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (events.isEmpty()) {
            done.complete(null);
            return done;
        }
        long bytes = 0;
        for (RawUsageEvent event : events) {
            bytes += estimatedSize(event);
        }
        InFlightBudget.Lease lease;
        try {
            // Taken before anything is queued for the sender thread, so a slow broker cannot make that queue grow.
            lease = budget.acquire(events.get(0).getWorkspaceId(), events.size(), bytes);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return done;
        }
        if (recentlyAcknowledged()) {
            encodeAndSend(events, lease, done, true);
            return done;
        }
        try {
            sender.execute(() -> encodeAndSend(events, lease, done, false));
        } catch (RuntimeException e) {
            lease.settle(events.size());
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The budget of events waiting for acknowledgement (for tests and metrics). */
    public InFlightBudget budget() {
        return budget;
    }

    /**
     * Whether the broker acknowledged something recently: then the producer has the topic's metadata and the
     * envelope schema was resolved (off the event loop), so neither encoding nor sending waits for a remote call.
     */
    private boolean recentlyAcknowledged() {
        return System.nanoTime() - lastAck <= RECENT_ACK_NANOS;
    }

    /** Bytes an event takes in the producer's buffer, near enough for budgeting: its payload and its envelope. */
    private static long estimatedSize(RawUsageEvent event) {
        return 192L + event.getPayload().length();
    }

    private void encodeAndSend(List<RawUsageEvent> events, InFlightBudget.Lease lease, CompletableFuture<Void> done,
            boolean inline) {
        List<ProducerRecord<String, byte[]>> encoded;
        try {
            encoded = records.encode(events);
        } catch (RuntimeException e) {
            lease.settle(events.size());
            done.completeExceptionally(e);
            return;
        }
        // Far below the producer's buffer it cannot block on memory; closer to it the sender thread takes the risk.
        if (!inline || budget.bytes() <= inlineByteLimit) {
            send(encoded, lease, done);
            return;
        }
        try {
            sender.execute(() -> send(encoded, lease, done));
        } catch (RuntimeException e) {
            lease.settle(encoded.size());
            done.completeExceptionally(e);
        }
    }

    private void send(List<ProducerRecord<String, byte[]>> encoded, InFlightBudget.Lease lease,
            CompletableFuture<Void> done) {
        AtomicInteger waiting = new AtomicInteger(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            try {
                producer.send(encoded.get(i), (metadata, failure) -> {
                    lease.settle(1);
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
                // Not handed to the producer (no metadata in time, buffer full): nothing more of this request is
                // sent; what was sent stays sent and is acknowledged or fails on its own (the client retries all).
                lease.settle(encoded.size() - i);
                done.completeExceptionally(e);
                return;
            }
        }
    }
}
