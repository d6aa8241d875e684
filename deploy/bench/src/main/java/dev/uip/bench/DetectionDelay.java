package dev.uip.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;

/**
 * Measures how long anomaly-service takes to alert when a key event stops and when another one drops: sends both
 * steadily through the ingest edge (after an optional history sent with original timestamps), then, at a chosen
 * second of a bucket, stops the first and cuts the second's rate, and waits for the {@link AnomalyAlert}s on
 * {@code usage-alerts}. Prints one {@code ALERT} line per alert of the two events and a {@code DELAY} line per
 * change (for the stop: the first alert of any rule, and the STOPPED alert).
 */
public final class DetectionDelay {

    private final Map<String, String> options;
    private final long bucketMs;

    private DetectionDelay(Map<String, String> options) {
        this.options = options;
        this.bucketMs = Long.parseLong(option("bucket-seconds", "60")) * 1000;
    }

    /**
     * {@code --ingest URL --key KEY --workspace WS --bootstrap HOST:PORT --registry URL --stopped NAME --dropped NAME
     * [--rate PER_MINUTE] [--drop 0.8] [--history-minutes M] [--warmup-minutes M] [--change-offset-seconds S]
     * [--timeout-minutes M] [--bucket-seconds S] [--alerts-topic T]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new DetectionDelay(options).run();
        System.exit(0);
    }

    private String option(String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private void run() throws Exception {
        String workspace = option("workspace", null);
        String stopped = option("stopped", null);
        String dropped = option("dropped", null);
        double rate = Double.parseDouble(option("rate", "60"));
        double drop = Double.parseDouble(option("drop", "0.8"));
        int historyMinutes = Integer.parseInt(option("history-minutes", "60"));
        double warmupMinutes = Double.parseDouble(option("warmup-minutes", "5"));
        long offsetMs = Long.parseLong(option("change-offset-seconds", "30")) * 1000;
        long timeoutMs = (long) (Double.parseDouble(option("timeout-minutes", "6")) * 60_000);
        try (AlertListener alerts = new AlertListener(option("bootstrap", "localhost:9092"),
                option("registry", "http://localhost:8085/apis/registry/v2"),
                option("alerts-topic", "usage-alerts"), workspace);
                SteadyTraffic traffic = new SteadyTraffic(option("ingest", "http://localhost:8088"),
                        option("key", null))) {
            if (historyMinutes > 0) {
                // A series is created by its first event and first judged when the next bucket closes (15 s after
                // the minute): the history is sent right after a judging pass so that it is complete by the next.
                waitForOffset(20_000);
                Instant now = Instant.now();
                Instant from = now.minusSeconds(historyMinutes * 60L);
                traffic.backfill(stopped, from, now, rate);
                traffic.backfill(dropped, from, now, rate);
                log("sent %d minutes of history of both events (%.0f a minute each, original timestamps) in %d ms",
                        historyMinutes, rate, System.currentTimeMillis() - now.toEpochMilli());
            }
            traffic.rate(stopped, rate);
            traffic.rate(dropped, rate);
            traffic.start();
            long liveStart = System.currentTimeMillis();
            long warmupEnd = liveStart + (long) (warmupMinutes * 60_000);
            while (System.currentTimeMillis() < warmupEnd) {
                Thread.sleep(Math.min(60_000, Math.max(1, warmupEnd - System.currentTimeMillis())));
                log("live traffic for %.1f min: %d events sent, %d failed", (System.currentTimeMillis() - liveStart)
                        / 60_000.0, traffic.sent.get(), traffic.failed.get());
            }
            waitForOffset(offsetMs);
            long changeAt = System.currentTimeMillis();
            traffic.rate(stopped, 0);
            traffic.rate(dropped, rate * (1 - drop));
            log("CHANGE at %s (%d s into its bucket): %s stopped, %s down %.0f %% to %.1f a minute",
                    Instant.ofEpochMilli(changeAt), offsetMs / 1000, stopped, dropped, drop * 100,
                    rate * (1 - drop));
            Long stopDelay = null;
            Long dropDelay = null;
            String stopRule = null;
            Long stoppedRuleDelay = null;
            long deadline = changeAt + timeoutMs;
            // waits for the STOPPED alert too, even when another rule (DROP) named the stopped event first
            while (System.currentTimeMillis() < deadline && (stoppedRuleDelay == null || dropDelay == null)) {
                Thread.sleep(500);
                for (AlertListener.Received r : alerts.received()) {
                    AnomalyAlert a = r.alert();
                    if (a.getState() != AlertState.OPENED || r.receivedAt() < changeAt) {
                        continue;
                    }
                    if (stopDelay == null && a.getEvent().equals(stopped)) {
                        stopDelay = r.receivedAt() - changeAt;
                        stopRule = a.getRule();
                    }
                    if (stoppedRuleDelay == null && a.getEvent().equals(stopped) && a.getRule().equals("STOPPED")) {
                        stoppedRuleDelay = r.receivedAt() - changeAt;
                    }
                    if (dropDelay == null && a.getEvent().equals(dropped) && a.getRule().equals("DROP")) {
                        dropDelay = r.receivedAt() - changeAt;
                    }
                }
            }
            for (AlertListener.Received r : alerts.received()) {
                AnomalyAlert a = r.alert();
                double delay = (r.receivedAt() - changeAt) / 1000.0;
                System.out.printf(Locale.ROOT, "ALERT event=%s rule=%s state=%s detector=%s severity=%s owner=%s "
                        + "observed=%.0f expected=%s window=%s..%s delay_s=%.1f%s%n", a.getEvent().replace(' ', '_'),
                        a.getRule(), a.getState(), a.getDetector(), a.getSeverity(), a.getOwnerTeam(),
                        a.getObserved(), a.getExpected() == null
                                ? "-"
                                : String.format(Locale.ROOT, "%.1f",
                                        a.getExpected()),
                        a.getWindowStart(), a.getWindowEnd(), delay, delay < 0
                                ? " (BEFORE the change: a false alert)"
                                : "");
            }
            printDelay("stop", stopped, stopRule, stopDelay, timeoutMs);
            printDelay("stop-to-stopped", stopped, "STOPPED", stoppedRuleDelay, timeoutMs);
            printDelay("drop", dropped, "DROP", dropDelay, timeoutMs);
        }
    }

    /** The first alert of the event after the change (of any rule for the stop: the first a team would see). */
    private void printDelay(String change, String event, String rule, Long delayMs, long timeoutMs) {
        if (delayMs == null) {
            System.out.printf(Locale.ROOT, "DELAY change=%s event=%s rule=none delay_s=none windows=none (no alert "
                    + "within %.0f s)%n", change, event.replace(' ', '_'), timeoutMs / 1000.0);
        } else {
            System.out.printf(Locale.ROOT, "DELAY change=%s event=%s rule=%s delay_s=%.1f windows=%.2f%n", change,
                    event.replace(' ', '_'), rule, delayMs / 1000.0, delayMs / (double) bucketMs);
        }
    }

    /** Sleeps until the wall clock is {@code offsetMs} into a bucket (the next such moment). */
    private void waitForOffset(long offsetMs) throws InterruptedException {
        long now = System.currentTimeMillis();
        long target = Math.floorDiv(now, bucketMs) * bucketMs + offsetMs;
        if (target <= now) {
            target += bucketMs;
        }
        Thread.sleep(target - now);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }
}
