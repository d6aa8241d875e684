package dev.uip.anomaly.backtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.uip.anomaly.detection.AlertGate;
import dev.uip.anomaly.detection.RuleAlert;
import dev.uip.anomaly.detection.SeriesMonitor;
import dev.uip.anomaly.detection.WatcherSettings;

/**
 * Runs a {@link SeriesMonitor} with the default STOPPED, DROP and SPIKE rules (the code the streaming path runs)
 * causally over a {@link SeriesCsv} and writes the timestamp of every row at which an incident opened (an alert
 * opened while none of the series was open). Rows missing between two rows are fed as zero buckets, as the
 * streaming path feeds silent buckets. Usage: {@code Backtest --input SERIES.csv --output ALERTS.csv},
 * {@code Backtest INPUT.csv OUTPUT.csv}, or {@code Backtest --dir DATA_DIR ALERTS_DIR SERIES...} (paths relative
 * to the directories); {@code --set NAME=VALUE} overrides one {@link WatcherSettings} field (for holdout
 * experiments). A file that cannot be read exits with status 2 and a message naming file and line.
 */
public final class Backtest {

    private static final String USAGE = "usage: Backtest --input SERIES.csv --output ALERTS.csv | Backtest INPUT.csv "
            + "OUTPUT.csv | Backtest --dir DATA_DIR ALERTS_DIR SERIES...  (each form takes --set NAME=VALUE options "
            + "that override a detector setting, for experiments)";

    private Backtest() {
    }

    public static void main(String[] arguments) {
        List<String> sets = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].equals("--set") && i + 1 < arguments.length) {
                sets.add(arguments[++i]);
            } else {
                rest.add(arguments[i]);
            }
        }
        String[] args = rest.toArray(String[]::new);
        try {
            WatcherSettings settings = SettingsOverrides.apply(sets);
            if (args.length >= 3 && args[0].equals("--dir")) {
                Path data = Path.of(args[1]);
                Path alerts = Path.of(args[2]);
                for (int i = 3; i < args.length; i++) {
                    run(data.resolve(args[i]), alerts.resolve(args[i]), settings);
                }
            } else if (args.length == 4 && args[0].equals("--input") && args[2].equals("--output")) {
                run(Path.of(args[1]), Path.of(args[3]), settings);
            } else if (args.length == 4 && args[0].equals("--output") && args[2].equals("--input")) {
                run(Path.of(args[3]), Path.of(args[1]), settings);
            } else if (args.length == 2 && !args[0].startsWith("--")) {
                run(Path.of(args[0]), Path.of(args[1]), settings);
            } else {
                fail(USAGE);
            }
        } catch (SeriesCsv.BadSeriesException e) {
            fail("Backtest: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            fail("Backtest: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            fail("Backtest: " + e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    /** Backtests one series file into one alerts file and returns the number of incidents written. */
    public static int run(Path input, Path output) throws IOException, SeriesCsv.BadSeriesException {
        return run(input, output, WatcherSettings.defaults());
    }

    /** Backtests one series file with the given detector settings. */
    public static int run(Path input, Path output, WatcherSettings settings)
            throws IOException, SeriesCsv.BadSeriesException {
        List<String> opened = incidents(SeriesCsv.read(input), settings);
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
        return opened.size();
    }

    /** The timestamps (as given) of the rows at which an incident opened. */
    public static List<String> incidents(SeriesCsv series) {
        return incidents(series, WatcherSettings.defaults());
    }

    /** The rows at which an incident opened, with the given detector settings. */
    public static List<String> incidents(SeriesCsv series, WatcherSettings settings) {
        List<String> opened = new ArrayList<>();
        long bucket = series.bucketSeconds();
        SeriesMonitor monitor = SeriesMonitor.create(bucket, SeriesMonitor.defaultRules(""), settings);
        long[] epochs = series.epochSeconds();
        for (int i = 0; i < epochs.length; i++) {
            boolean quiet = !monitor.anyOpen();
            List<RuleAlert> changes = new ArrayList<>();
            if (i > 0) {
                // silent buckets between rows are zeros (SeriesCsv bounds the span); what opens there is reported
                // at the next row
                for (long t = epochs[i - 1] + bucket; t < epochs[i]; t += bucket) {
                    changes.addAll(monitor.observe(t, 0));
                }
            }
            changes.addAll(monitor.observe(epochs[i], series.values()[i]));
            if (quiet && changes.stream().anyMatch(c -> c.transition() == AlertGate.Transition.OPENED)) {
                opened.add(series.stamps().get(i));
            }
        }
        return opened;
    }
}
