package dev.uip.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

/**
 * Measures how fast a new consumer group (a freshly started validation topology with its own application id) drains
 * a topic's backlog: from the moment it has worked off the first fifth of it (so start-up and the JIT compiler's
 * warm-up are not counted; system property {@code bench.warmup}, a fraction) until it is caught up. Prints
 * {@code DRAIN group=G events=N seconds=S events_per_s=R remaining=L}, followed, for each process named in the system
 * property {@code bench.pids} ({@code name=pid,...}), by the CPU it used over the same span ({@code cpu_NAME_s}) and
 * all of them together per thousand events ({@code cpu_ms_per_1k}): a figure that other load on the machine disturbs
 * far less than the rate.
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
            double warmup = Double.parseDouble(System.getProperty("bench.warmup", "0.2"));
            long backlog = lag == null ? 0 : lag;
            while (lag != null && lag > backlog * (1 - warmup) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                lag = lag(admin, group, topic);
            }
            Map<String, Double> cpuBefore = ProcessCpu.of(System.getProperty("bench.pids", ""));
            long start = System.nanoTime();
            long initial = lag == null ? 0 : lag;
            while (lag != null && lag > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
                lag = lag(admin, group, topic);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long remaining = lag == null ? -1 : lag;
            Map<String, Double> cpuAfter = ProcessCpu.of(System.getProperty("bench.pids", ""));
            StringBuilder cpu = new StringBuilder();
            double total = 0;
            for (Map.Entry<String, Double> used : cpuAfter.entrySet()) {
                double cpuSeconds = used.getValue() - cpuBefore.getOrDefault(used.getKey(), used.getValue());
                total += cpuSeconds;
                cpu.append(String.format(Locale.ROOT, " cpu_%s_s=%.1f", used.getKey(), cpuSeconds));
            }
            if (!cpuAfter.isEmpty() && initial > 0) {
                cpu.append(String.format(Locale.ROOT, " cpu_ms_per_1k=%.2f", total * 1e6 / initial));
            }
            System.out.printf(Locale.ROOT, "DRAIN group=%s events=%d seconds=%.1f events_per_s=%.0f remaining=%d%s%n",
                    group, initial, seconds, remaining == 0 && seconds > 0 ? initial / seconds : 0.0, remaining, cpu);
        }
    }

    /** Records the group has yet to read; null while it has committed nothing. */
    private static Long lag(Admin admin, String group, String topic) throws Exception {
        GroupOffsets.Lag lag = GroupOffsets.lag(admin, group, topic);
        return lag.committed() == 0 ? null : lag.records();
    }
}
