package dev.uip.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends Segment track calls or batches for a fixed time and prints throughput and latency. One thread drives every
 * connection through a selector (HTTP/1.1 keep-alive, no pipelining), so the generator costs little CPU next to the
 * server it measures on the same machine. Closed loop by default ({@code concurrency} requests in flight); with
 * {@code --rate} open loop at a fixed request rate, latency measured from each request's scheduled time so that a
 * stalled server cannot hide its delay.
 */
public final class LoadGenerator {

    private final Map<String, String> options;
    private final RequestFactory requests;
    private final Latencies latencies = new Latencies(16_000_000);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final InetSocketAddress address;

    private LoadGenerator(Map<String, String> options) {
        this.options = options;
        URI url = URI.create(options.get("url"));
        this.address = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((options.getOrDefault("key", "none") + ":").getBytes(StandardCharsets.UTF_8));
        this.requests = new RequestFactory(url, authorization, Integer.parseInt(options.getOrDefault("batch", "1")));
    }

    /** {@code --url U --key K [--batch N] [--concurrency C] [--duration S] [--rate R] [--label L]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("url")) {
            System.err.println("usage: LoadGenerator --url URL --key KEY [--batch N] [--concurrency C] "
                    + "[--duration SECONDS] [--rate REQUESTS_PER_SECOND] [--label NAME] [--warmup SECONDS]");
            System.exit(2);
        }
        new LoadGenerator(options).run();
    }

    private void run() throws IOException {
        int seconds = Integer.parseInt(options.getOrDefault("duration", "20"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", String.valueOf(Math.min(10, seconds))));
        List<Connection> connections = new ArrayList<>(concurrency);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < concurrency; i++) {
                Connection connection = new Connection(address);
                connection.open(selector);
                connections.add(connection);
            }
            // Warm up connections and the server's JIT first; those results are discarded.
            drive(selector, connections, 0, warmup, false);
            latencies.clear();
            statuses.clear();
            long start = System.nanoTime();
            drive(selector, connections, rate, seconds, true);
            report((System.nanoTime() - start) / 1e9);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * Runs one phase: closed loop (rate 0: every connection sends again as soon as it has its answer) or open loop (a
     * request is due every 1/rate seconds and goes out on the next idle connection; it waits in line otherwise).
     */
    private void drive(Selector selector, List<Connection> connections, double rate, int seconds, boolean record)
            throws IOException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        long issued = 0;
        ArrayDeque<Connection> idle = new ArrayDeque<>(connections);
        ArrayDeque<Long> due = new ArrayDeque<>();
        int busy = 0;
        while (true) {
            long now = System.nanoTime();
            if (rate > 0) {
                while (now < end && start + issued * interval <= now) {
                    due.add(start + issued++ * interval);
                }
                while (!due.isEmpty() && !idle.isEmpty()) {
                    idle.poll().send(requests.next(), due.poll());
                    busy++;
                }
            } else if (now < end) {
                while (!idle.isEmpty()) {
                    idle.poll().send(requests.next(), now);
                    busy++;
                }
            }
            if (now >= end && busy == 0) {
                return;
            }
            if (now >= end + TimeUnit.SECONDS.toNanos(30)) {
                throw new IOException(busy + " requests still unanswered 30 s after the end of the run");
            }
            long waitMillis = rate > 0 ? Math.max(0, (start + issued * interval - System.nanoTime()) / 1_000_000) : 100;
            if (waitMillis == 0) {
                selector.selectNow();
            } else {
                selector.select(Math.min(waitMillis, 100));
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                int status = connection.read(selector);
                if (status != 0) {
                    if (record) {
                        statuses.merge(status, 1L, Long::sum);
                        latencies.add(System.nanoTime() - connection.dueAt);
                    }
                    busy--;
                    idle.add(connection);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void report(double seconds) {
        long ok = statuses.getOrDefault(200, 0L);
        long all = statuses.values().stream().mapToLong(Long::longValue).sum();
        long[] sorted = latencies.sorted();
        System.out.printf(Locale.ROOT,
                "RESULT label=%s requests=%d ok=%d req_per_s=%.0f events_per_s=%.0f p50_ms=%.2f p99_ms=%.2f "
                        + "statuses=%s%n",
                options.getOrDefault("label", "run"), all, ok, ok / seconds, ok * requests.batchSize() / seconds,
                Latencies.percentile(sorted, 0.50), Latencies.percentile(sorted, 0.99), statuses);
    }
}
