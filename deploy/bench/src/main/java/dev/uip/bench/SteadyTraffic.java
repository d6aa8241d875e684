package dev.uip.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends track events of a few named series through the real ingest edge: history in batches with original
 * timestamps (as an import does), then live, one request per event, each series at its own steady rate that can be
 * changed (or set to zero) at any moment.
 */
final class SteadyTraffic implements AutoCloseable {

    private static final int BATCH = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    /** Live events the edge accepted, and live or history requests it refused or did not answer. */
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    private static final class Series {

        volatile double perMinute;
        long nextDue;
    }

    SteadyTraffic(String ingestUrl, String writeKey) {
        this.base = URI.create(ingestUrl);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code perMinute} events a minute of {@code event}, evenly spaced, timestamped in [from, to). */
    void backfill(String event, Instant from, Instant to, double perMinute) throws IOException, InterruptedException {
        long step = (long) (60_000 / perMinute);
        List<String> messages = new ArrayList<>(BATCH);
        for (long t = from.toEpochMilli(); t < to.toEpochMilli(); t += step) {
            messages.add(message(event, Instant.ofEpochMilli(t)));
            if (messages.size() == BATCH) {
                postHistory(messages);
                messages.clear();
            }
        }
        if (!messages.isEmpty()) {
            postHistory(messages);
        }
    }

    /** A batch of history; refused ones (e.g. 429 from the per-key rate limit) are retried a few times. */
    private void postHistory(List<String> messages) throws IOException, InterruptedException {
        String body = "{\"batch\": [" + String.join(",", messages) + "]}";
        for (int attempt = 1; !post("/v1/batch", body); attempt++) {
            if (attempt == 5) {
                throw new IOException("the edge refused a batch of history 5 times");
            }
            Thread.sleep(1_000);
        }
    }

    /** Starts (or changes) the live rate of {@code event}; 0 stops it. */
    void rate(String event, double perMinute) {
        Series s = series.computeIfAbsent(event, e -> {
            Series created = new Series();
            created.nextDue = System.currentTimeMillis();
            return created;
        });
        s.perMinute = perMinute;
    }

    /** Starts sending live traffic at the rates set with {@link #rate}. */
    void start() {
        clock.scheduleAtFixedRate(this::tick, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        series.forEach((event, s) -> {
            double perMinute = s.perMinute;
            if (perMinute <= 0) {
                s.nextDue = now;
                return;
            }
            long step = (long) (60_000 / perMinute);
            s.nextDue = Math.max(s.nextDue, now - step); // after a stop, start again without a burst
            while (s.nextDue <= now) {
                try {
                    if (post("/v1/track", message(event, null))) {
                        sent.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                s.nextDue += step;
            }
        });
    }

    private static String message(String event, Instant timestamp) {
        return "{\"type\": \"track\", \"event\": \"" + event + "\", \"userId\": \"u-" + (System.nanoTime() % 97)
                + "\", \"messageId\": \"" + UUID.randomUUID() + "\"" + (timestamp == null
                        ? ""
                        : ", \"timestamp\": \"" + timestamp + "\"")
                + ", \"properties\": {\"plan\": \"pro\"}, \"context\": {\"app\": {\"version\": \"2.4.1\"},"
                + " \"os\": {\"name\": \"iOS\"}, \"library\": {\"name\": \"analytics-ios\"}}}";
    }

    /** @return whether the edge accepted the request (200) */
    private boolean post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            failed.incrementAndGet();
            System.err.println("bench: ingest answered " + answer.statusCode() + " " + answer.body());
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
