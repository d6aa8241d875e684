package dev.uip.anomaly.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One series read from a {@code timestamp,value} CSV with a header row: timestamps as {@code yyyy-MM-dd HH:mm:ss}
 * (UTC), ISO-8601 with {@code T} and an optional offset, or epoch seconds; strictly increasing; values finite
 * numbers. The bucket width is the smallest step between rows (1 second to 1 day). Anything else is refused with
 * a {@link BadSeriesException} naming the line.
 *
 * @param stamps the timestamps as written (what the alerts file repeats)
 * @param epochSeconds the timestamps in epoch seconds
 * @param values the bucket values
 * @param bucketSeconds the inferred bucket width
 */
public record SeriesCsv(List<String> stamps, long[] epochSeconds, double[] values, long bucketSeconds) {

    /** Most rows read from one file, and most buckets its time span may cover. */
    public static final int MAX_ROWS = 10_000_000;
    private static final long MAX_BUCKET_SECONDS = 86_400;
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A series file that cannot be backtested. */
    public static final class BadSeriesException extends Exception {

        private static final long serialVersionUID = 1L;

        BadSeriesException(String message) {
            super(message);
        }
    }

    public static SeriesCsv read(Path file) throws IOException, BadSeriesException {
        List<String> stamps = new ArrayList<>();
        List<Long> epochs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || header.split(",", -1).length != 2) {
                throw bad(file, 1, "expected a header row of two columns (timestamp,value)");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (stamps.size() == MAX_ROWS) {
                    throw bad(file, number, "more than " + MAX_ROWS + " rows");
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 2) {
                    throw bad(file, number, "expected two columns, found " + cells.length);
                }
                String stamp = cells[0].trim();
                Long epoch = epoch(stamp);
                if (epoch == null) {
                    throw bad(file, number, "unreadable timestamp '" + clip(stamp)
                            + "' (use yyyy-MM-dd HH:mm:ss, ISO-8601 or epoch seconds)");
                }
                double value = value(cells[1].trim());
                if (!Double.isFinite(value)) {
                    throw bad(file, number, "value '" + clip(cells[1].trim()) + "' is not a finite number");
                }
                if (!epochs.isEmpty() && epoch <= epochs.get(epochs.size() - 1)) {
                    throw bad(file, number,
                            "timestamps must increase ('" + clip(stamp) + "' is not after the row above)");
                }
                stamps.add(stamp);
                epochs.add(epoch);
                values.add(value);
            }
        }
        if (stamps.size() < 2) {
            throw bad(file, 0, "needs at least two rows to infer the bucket width, has " + stamps.size());
        }
        long bucket = Long.MAX_VALUE;
        for (int i = 1; i < epochs.size(); i++) {
            bucket = Math.min(bucket, epochs.get(i) - epochs.get(i - 1));
        }
        if (bucket > MAX_BUCKET_SECONDS) {
            throw bad(file, 0, "buckets of " + bucket + " seconds are wider than a day");
        }
        long span = (epochs.get(epochs.size() - 1) - epochs.get(0)) / bucket + 1;
        if (span > MAX_ROWS) {
            throw bad(file, 0, "spans " + span + " buckets of " + bucket + " seconds, more than " + MAX_ROWS);
        }
        return new SeriesCsv(List.copyOf(stamps), epochs.stream().mapToLong(Long::longValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray(), bucket);
    }

    /** Epoch seconds of a timestamp, or null when it is not one of the accepted forms. */
    private static Long epoch(String stamp) {
        try {
            if (stamp.matches("-?\\d{1,12}")) {
                return Long.parseLong(stamp);
            }
            if (stamp.length() == 19 && stamp.charAt(10) == ' ') {
                return LocalDateTime.parse(stamp, SPACED).toEpochSecond(ZoneOffset.UTC);
            }
            if (stamp.endsWith("Z") || stamp.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(stamp).toEpochSecond();
            }
            return LocalDateTime.parse(stamp).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static double value(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static BadSeriesException bad(Path file, int line, String message) {
        return new BadSeriesException(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
