package dev.uip.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

/**
 * Waits until the validation topology has caught up with usage-events-raw (its consumer group's lag is zero) and
 * prints how large the backlog was and how fast it drained: validation runs behind the HTTP edge, so a load run leaves
 * work that would otherwise steal CPU from the next run.
 */
public final class ValidationBacklog {

    private ValidationBacklog() {
    }

    /** {@code ValidationBacklog <bootstrap> [group] [topic] [timeout-seconds]}. */
    public static void main(String[] args) throws Exception {
        String group = args.length > 1 ? args[1] : "uip-ingest-validation";
        String topic = args.length > 2 ? args[2] : "usage-events-raw";
        long timeout = TimeUnit.SECONDS.toNanos(args.length > 3 ? Long.parseLong(args[3]) : 600);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args.length > 0 ? args[0] : "localhost:9092"))) {
            long start = System.nanoTime();
            long initial = lag(admin, group, topic);
            long lag = initial;
            while (lag > 0 && System.nanoTime() - start < timeout) {
                TimeUnit.MILLISECONDS.sleep(500);
                lag = lag(admin, group, topic);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "BACKLOG events=%d drained_in_s=%.1f events_per_s=%.0f remaining=%d%n",
                    initial, seconds, initial > 0 && lag == 0 ? initial / seconds : 0.0, lag);
        }
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        return GroupOffsets.lag(admin, group, topic).records();
    }
}
