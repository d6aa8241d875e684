package dev.uip.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends Segment track calls or batches for a fixed time and prints throughput and latency. Closed loop by default
 * ({@code concurrency} requests in flight); with {@code --rate} open loop at a fixed request rate, latency measured
 * from each request's scheduled time so that a stalled server cannot hide its delay.
 */
public final class LoadGenerator {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> options;
    private final String authorization;
    private final int batchSize;
    private final Latencies latencies = new Latencies(8_000_000);
    private final Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();

    private LoadGenerator(Map<String, String> options) {
        this.options = options;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((options.getOrDefault("key", "none") + ":").getBytes(StandardCharsets.UTF_8));
        this.batchSize = Integer.parseInt(options.getOrDefault("batch", "1"));
    }

    /** {@code --url U --key K [--batch N] [--concurrency C] [--duration S] [--rate R] [--label L]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("url")) {
            System.err.println("usage: LoadGenerator --url URL --key KEY [--batch N] [--concurrency C] "
                    + "[--duration SECONDS] [--rate REQUESTS_PER_SECOND] [--label NAME]");
            System.exit(2);
        }
        new LoadGenerator(options).run();
    }

    private void run() throws InterruptedException {
        int seconds = Integer.parseInt(options.getOrDefault("duration", "20"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        // Warm up connections and the JIT for up to 10 s first; those results are discarded.
        closedLoop(concurrency, Math.min(10, seconds), false);
        latencies.clear();
        statuses.clear();
        long start = System.nanoTime();
        if (rate > 0) {
            openLoop(rate, seconds);
        } else {
            closedLoop(concurrency, seconds, true);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        report(elapsed);
    }

    private void closedLoop(int concurrency, int seconds, boolean record) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            next(end, done, record);
        }
        done.await();
    }

    private void next(long end, CountDownLatch done, boolean record) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        http.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (record) {
                count(response == null ? -1 : response.statusCode(), System.nanoTime() - sent);
            }
            next(end, done, record);
        });
    }

    private void openLoop(double rate, int seconds) throws InterruptedException {
        long total = (long) (rate * seconds);
        long intervalNanos = (long) (1e9 / rate);
        Semaphore inFlight = new Semaphore(2048);
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            http.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                count(response == null ? -1 : response.statusCode(), System.nanoTime() - due);
                inFlight.release();
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
    }

    private void count(int status, long nanos) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        latencies.add(nanos);
    }

    private HttpRequest request() {
        String body;
        if (batchSize <= 1) {
            body = message("track");
        } else {
            StringBuilder batch = new StringBuilder(batchSize * 200).append("{\"batch\":[");
            for (int i = 0; i < batchSize; i++) {
                batch.append(i == 0 ? "" : ",").append(message("track"));
            }
            body = batch.append("],\"sentAt\":\"2026-11-23T12:00:00Z\",\"context\":{\"library\":{\"name\":\"bench\"}}}")
                    .toString();
        }
        return HttpRequest.newBuilder(URI.create(options.get("url"))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String message(String type) {
        return "{\"type\":\"" + type + "\",\"event\":\"Report Exported\",\"userId\":\"user-"
                + (System.nanoTime() % 1000) + "\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"properties\":{\"format\":\"csv\",\"rows\":120},\"context\":{\"app\":{\"version\":\"1.2.3\"}}}";
    }

    private void report(double seconds) {
        long ok = statuses.getOrDefault(200, new AtomicLong()).get();
        long all = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        long[] sorted = latencies.sorted();
        System.out.printf(java.util.Locale.ROOT,
                "RESULT label=%s requests=%d ok=%d req_per_s=%.0f events_per_s=%.0f p50_ms=%.2f p99_ms=%.2f statuses=%s%n",
                options.getOrDefault("label", "run"), all, ok, ok / seconds, ok * batchSize / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), statuses);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** A bounded, thread-safe list of latencies in nanoseconds. */
    private static final class Latencies {

        private final long[] values;
        private final AtomicLong size = new AtomicLong();

        Latencies(int capacity) {
            values = new long[capacity];
        }

        void add(long nanos) {
            long index = size.getAndIncrement();
            if (index < values.length) {
                values[(int) index] = nanos;
            }
        }

        void clear() {
            size.set(0);
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, (int) Math.min(size.get(), values.length));
            Arrays.sort(copy);
            return copy;
        }
    }
}
