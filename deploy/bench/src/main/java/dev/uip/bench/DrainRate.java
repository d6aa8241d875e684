package dev.uip.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

/**
 * Measures how fast a new consumer group (a freshly started validation topology with its own application id) drains
 * a topic's backlog: from its first committed offsets (so start-up is not counted) until it is caught up. Prints
 * {@code DRAIN group=G events=N seconds=S events_per_s=R remaining=L}.
 */
public final class DrainRate {

    private DrainRate() {
    }

    /** {@code BOOTSTRAP GROUP [TOPIC] [TIMEOUT_SECONDS]}. */
    public static void main(String[] args) throws Exception {
        String group = args[1];
        String topic = args.length > 2 ? args[2] : "usage-events-raw";
        long timeout = TimeUnit.SECONDS.toNanos(args.length > 3 ? Long.parseLong(args[3]) : 900);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            long deadline = System.nanoTime() + timeout;
            Long lag = null;
            while (lag == null && System.nanoTime() < deadline) {
                lag = lag(admin, group, topic); // null until the group has committed
                TimeUnit.MILLISECONDS.sleep(100);
            }
            long start = System.nanoTime();
            long initial = lag == null ? 0 : lag;
            while (lag != null && lag > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
                lag = lag(admin, group, topic);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long remaining = lag == null ? -1 : lag;
            System.out.printf(Locale.ROOT, "DRAIN group=%s events=%d seconds=%.1f events_per_s=%.0f remaining=%d%n",
                    group, initial, seconds, remaining == 0 && seconds > 0 ? initial / seconds : 0.0, remaining);
        }
    }

    /** Records the group has yet to read; null while it has committed nothing. */
    private static Long lag(Admin admin, String group, String topic) throws Exception {
        GroupOffsets.Lag lag = GroupOffsets.lag(admin, group, topic);
        return lag.committed() == 0 ? null : lag.records();
    }
}
