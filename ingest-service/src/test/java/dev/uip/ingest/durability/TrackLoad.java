package dev.uip.ingest.durability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paced Segment track calls, each with a unique message id, labelled with the phase of the test they were sent in.
 * Bounded: stops sending after {@code maxRequests}.
 */
final class TrackLoad implements AutoCloseable {

    /**
     * One request's answer: its HTTP status and Retry-After header, or the client-side error (status -1), and when
     * ({@link System#nanoTime()}) it was answered.
     */
    record Outcome(String messageId, String phase, int status, String retryAfter, Throwable error, long answeredAt) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Queue<CompletableFuture<Outcome>> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final URI track;
    private final String authorization;
    private final String runId;
    private final int maxRequests;
    private volatile String phase;

    private TrackLoad(URI track, String writeKey, String runId, int maxRequests, String phase) {
        this.track = track;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.runId = runId;
        this.maxRequests = maxRequests;
        this.phase = phase;
    }

    static TrackLoad start(URI track, String writeKey, String runId, int perSecond, int maxRequests, String phase) {
        TrackLoad load = new TrackLoad(track, writeKey, runId, maxRequests, phase);
        load.ticker.scheduleAtFixedRate(load::sendOne, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        return load;
    }

    /** Requests sent from now on belong to this phase. */
    void phase(String name) {
        phase = name;
    }

    /** How many requests sent in {@code phase} were answered with {@code status} so far. */
    long answered(String phase, int status) {
        return outcomes.stream().filter(o -> o.phase().equals(phase) && o.status() == status).count();
    }

    /** Stops sending and waits for every request in flight; returns all outcomes. */
    List<Outcome> stop() throws Exception {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                .get(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        return List.copyOf(outcomes);
    }

    private void sendOne() {
        int n = sent.getAndIncrement();
        if (n >= maxRequests) {
            return;
        }
        String messageId = runId + "-" + n;
        String sentIn = phase;
        HttpRequest request = HttpRequest.newBuilder(track).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"Outage Probe\",\"userId\":\"user-" + n % 64
                        + "\",\"messageId\":\"" + messageId + "\",\"properties\":{\"n\":" + n + "}}"))
                .build();
        requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    Outcome outcome = error != null
                            ? new Outcome(messageId, sentIn, -1, null, error, System.nanoTime())
                            : new Outcome(messageId, sentIn, response.statusCode(),
                                    response.headers().firstValue("Retry-After").orElse(null), null,
                                    System.nanoTime());
                    outcomes.add(outcome);
                    return outcome;
                }));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
