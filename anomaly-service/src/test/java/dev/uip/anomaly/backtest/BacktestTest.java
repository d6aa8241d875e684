package dev.uip.anomaly.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void writesTheTimestampOfTheBucketWhereTheAlertOpened(@TempDir Path dir) throws IOException {
        // five-minute buckets, a steady 40 per bucket, then nothing from bucket 500
        LocalDateTime start = LocalDateTime.of(2015, 3, 2, 0, 0, 0);
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        for (int i = 0; i < 600; i++) {
            lines.add(start.plusMinutes(5L * i).format(STAMP) + "," + (i < 500 ? 40 + i % 3 : 0));
        }
        Path input = dir.resolve("in/series.csv");
        Files.createDirectories(input.getParent());
        Files.write(input, lines);
        Path output = dir.resolve("out/nested/series.csv");

        Backtest.run(input, output);

        // the first empty bucket is already an extreme drop from a steady 40; the later "stopped firing" alert
        // joins the open incident and is not written again; the file has the scorer's header
        assertEquals(List.of("timestamp", start.plusMinutes(5L * 500).format(STAMP)), Files.readAllLines(output));
    }
}
