package dev.uip.anomaly.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime START = LocalDateTime.of(2015, 3, 2, 0, 0, 0);

    /** Five-minute buckets, a steady 40 per bucket, then nothing from bucket 500. */
    private static List<String> stoppingSeries() {
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        for (int i = 0; i < 600; i++) {
            lines.add(START.plusMinutes(5L * i).format(STAMP) + "," + (i < 500 ? 40 + i % 3 : 0));
        }
        return lines;
    }

    @Test
    void writesTheTimestampOfTheBucketWhereTheAlertOpened(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in/series.csv");
        Files.createDirectories(input.getParent());
        Files.write(input, stoppingSeries());
        Path output = dir.resolve("out/nested/series.csv");

        assertEquals(1, Backtest.run(input, output));

        // the first empty bucket is already an extreme drop from a steady 40; the "stopped firing" alert a bucket
        // later joins the open incident and is not written again; the file has the scorer's header
        assertEquals(List.of("timestamp", START.plusMinutes(5L * 500).format(STAMP)), Files.readAllLines(output));
    }

    @Test
    void missingRowsAreZeroBucketsAndAnOpeningInsideAGapIsReportedAtTheNextRow(@TempDir Path dir) throws Exception {
        // ISO timestamps; rows 500..519 missing: the stop is seen inside the gap and reported at row 520
        List<String> lines = new ArrayList<>(List.of("time,count"));
        for (int i = 0; i < 600; i++) {
            if (i < 500 || i >= 520) {
                lines.add(START.plusMinutes(5L * i) + "Z," + (i < 500 ? 40 + i % 3 : 40));
            }
        }
        Path input = dir.resolve("gappy.csv");
        Files.write(input, lines);
        SeriesCsv series = SeriesCsv.read(input);
        assertEquals(300, series.bucketSeconds());
        assertEquals(List.of(START.plusMinutes(5L * 520) + "Z"), Backtest.incidents(series));
    }

    @Test
    void aShortRarityPeriodSetOnTheCommandLineStillLetsAnIncidentThrough(@TempDir Path dir) throws Exception {
        // half-hour buckets and a one-day false-alarm budget: the rarity history (four days = 192 windows) must
        // still outlive the 288 windows of minimum history, else nothing could ever alert
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        for (int i = 0; i < 1000; i++) {
            lines.add(START.plusMinutes(30L * i).format(STAMP) + "," + (i == 800 ? 1000 : 100 + i % 7));
        }
        Path input = dir.resolve("steady.csv");
        Files.write(input, lines);
        assertEquals(List.of(START.plusMinutes(30L * 800).format(STAMP)), Backtest.incidents(SeriesCsv.read(input),
                SettingsOverrides.apply(List.of("rarityPeriodSeconds=86400"))));
        assertThrows(IllegalArgumentException.class, () -> SettingsOverrides.apply(List.of("nope=1")));
        assertThrows(IllegalArgumentException.class, () -> SettingsOverrides.apply(List.of("clearBuckets=x")));
    }

    @Test
    void badFilesAreRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        assertBad(dir, List.of(), "header row");
        assertBad(dir, List.of("timestamp,value", "2015-03-02 00:00:00,1"), "at least two rows");
        assertBad(dir, List.of("timestamp,value", "2015-03-02 00:00:00,1", "yesterday,2"), ":3: unreadable timestamp");
        assertBad(dir, List.of("timestamp,value", "2015-03-02 00:00:00,1", "2015-03-02 00:05:00,NaN"),
                ":3: value 'NaN' is not a finite number");
        assertBad(dir, List.of("timestamp,value", "2015-03-02 00:05:00,1", "2015-03-02 00:00:00,1"),
                ":3: timestamps must increase");
        assertBad(dir, List.of("timestamp,value", "2015-03-02 00:00:00,1,7"), ":2: expected two columns");
        assertBad(dir, List.of("timestamp,value", "0,1", "172800,2"), "wider than a day");
        assertBad(dir, List.of("timestamp,value", "0,1", "1,1", "999999999,1"), "more than 10000000");
    }

    private static void assertBad(Path dir, List<String> lines, String message) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.write(file, lines);
        SeriesCsv.BadSeriesException e = assertThrows(SeriesCsv.BadSeriesException.class, () -> SeriesCsv.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void commandLineWritesAlertsOrExitsWithTwoOnABadFile(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("series.csv");
        Files.write(input, stoppingSeries());
        Path output = dir.resolve("alerts.csv");
        assertEquals(0, java(dir, "--input", input.toString(), "--output", output.toString()));
        assertEquals(2, Files.readAllLines(output).size());

        Path bad = dir.resolve("bad.csv");
        Files.write(bad, List.of("timestamp,value", "2015-03-02 00:00:00,1", "2015-03-02 00:05:00,many"));
        assertEquals(2, java(dir, "--input", bad.toString(), "--output", dir.resolve("x.csv").toString()));
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertTrue(err.contains(bad + ":3: value 'many' is not a finite number"), err);
        assertEquals(2, java(dir, "--input", input.toString()));
        assertTrue(Files.readString(dir.resolve("stderr.txt")).startsWith("usage: Backtest --input"));
    }

    /** Runs the backtest's main in its own JVM (it exits) and returns the exit status. */
    private static int java(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Backtest.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "backtest did not finish");
        return process.exitValue();
    }
}
