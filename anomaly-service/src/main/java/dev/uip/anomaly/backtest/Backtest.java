package dev.uip.anomaly.backtest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.uip.anomaly.detection.AlertGate;
import dev.uip.anomaly.detection.SeriesMonitor;

/**
 * Runs a {@link SeriesMonitor} with the default STOPPED, DROP and SPIKE rules causally over a
 * {@code timestamp,value} CSV (one row per bucket, bucket width inferred from the first two rows) and writes the timestamp of every bucket at which an alert opened.
 * Usage: {@code Backtest INPUT.csv OUTPUT.csv}, or {@code Backtest --dir DATA_DIR ALERTS_DIR SERIES...} to run
 * several series (paths relative to the directories).
 */
public final class Backtest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Backtest() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("--dir")) {
            Path data = Path.of(args[1]);
            Path alerts = Path.of(args[2]);
            for (int i = 3; i < args.length; i++) {
                run(data.resolve(args[i]), alerts.resolve(args[i]));
            }
        } else if (args.length == 2) {
            run(Path.of(args[0]), Path.of(args[1]));
        } else {
            System.err.println("usage: Backtest INPUT.csv OUTPUT.csv | Backtest --dir DATA_DIR ALERTS_DIR SERIES...");
            System.exit(2);
        }
    }

    /** Backtests one series file into one alerts file. */
    public static void run(Path input, Path output) throws IOException {
        List<String> stamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                stamps.add(line.substring(0, comma).trim());
                values.add(Double.parseDouble(line.substring(comma + 1).trim()));
            }
        }
        List<String> opened = alertsOpened(stamps, values);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write("timestamp\n");
            for (String stamp : opened) {
                writer.write(stamp);
                writer.write('\n');
            }
        }
    }

    /** The timestamps (as given) of the buckets at which at least one alert opened. */
    public static List<String> alertsOpened(List<String> stamps, List<Double> values) {
        List<String> opened = new ArrayList<>();
        if (stamps.isEmpty()) {
            return opened;
        }
        long bucket = stamps.size() > 1 ? Math.max(1, epoch(stamps.get(1)) - epoch(stamps.get(0))) : 60;
        SeriesMonitor monitor = SeriesMonitor.create(bucket, SeriesMonitor.defaultRules(""));
        for (int i = 0; i < stamps.size(); i++) {
            boolean quiet = !monitor.anyOpen();
            var changes = monitor.observe(epoch(stamps.get(i)), values.get(i));
            if (quiet && changes.stream().anyMatch(c -> c.transition() == AlertGate.Transition.OPENED)) {
                opened.add(stamps.get(i));
            }
        }
        return opened;
    }

    private static long epoch(String stamp) {
        return LocalDateTime.parse(stamp.substring(0, 19), STAMP).toEpochSecond(ZoneOffset.UTC);
    }
}
