package dev.uip.ingest.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.importer.ImportArguments;
import dev.uip.importer.SegmentImport;
import dev.uip.ingest.messaging.InFlightBudget;
import dev.uip.ingest.messaging.RawEventPublisher;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * {@code ./uip import} against the real edge: a Segment export, plain and gzip, with bad lines, arrives on
 * usage-events-raw once per messageId with its original timestamps, and a stopped import resumes where it stopped.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class SegmentImportTest {

    @TestHTTPResource("/")
    URI edge;

    @Inject
    RawEventPublisher publisher;

    @Inject
    MeterRegistry metrics;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    SegmentImport.Report importing(String... args) {
        SegmentImport importer = new SegmentImport(ImportArguments.parse(args, null), System.out,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        SegmentImport.Report report = importer.run();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        SegmentImport.printSummary(report, new PrintStream(summary, true, StandardCharsets.UTF_8));
        System.out.print(summary.toString(StandardCharsets.UTF_8));
        lastSummary = summary.toString(StandardCharsets.UTF_8);
        return report;
    }

    private String lastSummary = "";

    static Map<String, Integer> countsById(List<RawUsageEvent> events) {
        return events.stream().collect(Collectors.toMap(RawUsageEvent::getMessageId, e -> 1, Integer::sum));
    }

    @Test
    void aPlainAndAGzipExportArriveOncePerMessageIdWithTheirOriginalTimestampsAndBadLinesAreReported()
            throws IOException {
        String workspace = "import-" + UUID.randomUUID().toString().substring(0, 8);
        String key = AllOrNothingBatchTest.freshKey(workspace);
        SegmentExport first = new SegmentExport().events(700, 7);
        first.raw("{\"type\":\"track\",\"event\":\"Cut Off\",\"userId\":");
        int truncated = first.lastLine();
        first.events(700, 7).raw("").raw("[1, 2, 3]");
        int array = first.lastLine();
        first.raw("{\"type\":\"track\",\"event\":\"Nobody\",\"messageId\":\"nobody-" + first.run + "\"}");
        int anonymous = first.lastLine();
        first.events(100, 7);
        SegmentExport second = new SegmentExport().events(1200, 7).raw("not json at all")
                .raw("{\"type\":\"track\",\"userId\":\"u\",\"messageId\":\"no-event-" + first.run + "\"}")
                .events(300, 7).raw("{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"} trailing");
        Path plain = SegmentExport.writePlain(dir.resolve("export-a.ndjson"), first.lines);
        // No .gz in the name: gzip is told by its magic bytes.
        Path gzip = SegmentExport.writeGzip(dir.resolve("export-b.part"), second.lines);

        SegmentImport.Report report = importing("--write-key", key, "--url", edge.toString(), "--batch", "200",
                "--state", dir.resolve("state").toString(), plain.toString(), gzip.toString());

        assertEquals(1, report.exitCode(), "rejected and unreadable lines make the exit status 1");
        assertTrue(report.complete());
        assertEquals(3000, report.sent());
        assertEquals(4, report.unreadable());
        assertEquals(2, report.rejected());
        Map<String, Long> reasons = new HashMap<>();
        report.files().forEach(f -> f.rejected().forEach((code, n) -> reasons.merge(code, n, Long::sum)));
        assertEquals(Map.of("MISSING_IDENTITY", 1L, "MISSING_EVENT", 1L), reasons);
        List<String> problems = report.files().stream().flatMap(f -> f.problems().stream()).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("export-a.ndjson:" + truncated + ": not valid JSON")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("export-a.ndjson:" + array + ": not a JSON object")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("export-a.ndjson:" + anonymous
                + ": rejected MISSING_IDENTITY")), problems.toString());
        assertTrue(lastSummary.contains("MISSING_EVENT 1, MISSING_IDENTITY 1"), lastSummary);
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("100.0%"), progress.toString());

        List<RawUsageEvent> stored = SegmentExport.stored(workspace);
        Map<String, Integer> perId = countsById(stored);
        assertEquals(3000, perId.size());
        assertTrue(perId.values().stream().allMatch(n -> n == 1), "every messageId stored exactly once");
        Map<String, RawUsageEvent> byUser = stored.stream()
                .collect(Collectors.toMap(RawUsageEvent::getUserId, Function.identity()));
        Map<String, java.time.Instant> expected = new HashMap<>(first.expected);
        expected.putAll(second.expected);
        assertEquals(expected.keySet(), byUser.keySet());
        expected.forEach((user, time) -> {
            RawUsageEvent event = byUser.get(user);
            assertEquals(time, event.getTimestamp(), user + ": the export's timestamp, not one corrected to now");
            assertTrue(event.getFlags().contains("BEYOND_BACKFILL_HORIZON"), user + " " + event.getFlags());
        });
        List<String> idless = new ArrayList<>(first.withoutMessageId);
        idless.addAll(second.withoutMessageId);
        assertEquals(430, idless.size());
        idless.forEach(user -> assertTrue(byUser.get(user).getMessageId().startsWith("imp-"), user));
        assertEquals(Map.of("TRACK", 500L, "IDENTIFY", 500L, "PAGE", 500L, "SCREEN", 500L, "GROUP", 500L, "ALIAS",
                500L), stored.stream().collect(Collectors.groupingBy(e -> e.getType().name(), Collectors.counting())));
    }

    @Test
    void aStoppedImportResumesAfterItsLastAcknowledgedBatchAndAFinishedFileIsSkipped() throws IOException {
        String workspace = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        String key = AllOrNothingBatchTest.freshKey(workspace);
        SegmentExport export = new SegmentExport().events(2000, 5);
        Path file = SegmentExport.writePlain(dir.resolve("resume.ndjson"), export.lines);
        Path state = dir.resolve("resume.state.json");
        String[] args = {"--write-key", key, "--url", edge.toString(), "--batch", "100", "--parallel", "3",
                "--state", state.toString(), file.toString()};

        List<String> stopping = new ArrayList<>(List.of(args));
        stopping.addAll(0, List.of("--max-batches", "5"));
        SegmentImport.Report stopped = importing(stopping.toArray(String[]::new));
        assertEquals(SegmentImport.Ending.STOPPED, stopped.files().get(0).ending());
        assertEquals(3, stopped.exitCode());
        assertEquals(500, stopped.files().get(0).lastAcknowledgedLine());
        assertEquals(500, stopped.sentThisRun());
        assertEquals(500, SegmentExport.stored(workspace).size());
        Path afterStop = Files.copy(state, dir.resolve("state-after-stop.json"));

        SegmentImport.Report resumed = importing(args);
        assertEquals(SegmentImport.Ending.FINISHED, resumed.files().get(0).ending());
        assertEquals(0, resumed.exitCode());
        assertEquals(1500, resumed.sentThisRun(), "only what the stopped run had not sent");
        assertEquals(2000, resumed.sent());
        List<RawUsageEvent> stored = SegmentExport.stored(workspace);
        Map<String, Integer> perId = countsById(stored);
        assertEquals(2000, perId.size());
        assertTrue(perId.values().stream().allMatch(n -> n == 1), "no acknowledged batch was sent again");
        assertEquals(export.expected.keySet(), stored.stream().map(RawUsageEvent::getUserId)
                .collect(Collectors.toSet()));

        SegmentImport.Report again = importing(args);
        assertEquals(SegmentImport.Ending.SKIPPED, again.files().get(0).ending());
        assertEquals(0, again.sentThisRun());

        // A run killed after sending but before saving its state sends those lines again: with the same ids, also
        // the ones derived for lines without a messageId.
        Files.copy(afterStop, state, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1500, importing(args).sentThisRun());
        Map<String, Integer> twice = countsById(SegmentExport.stored(workspace));
        assertEquals(perId.keySet(), twice.keySet(), "the same 2,000 messageIds");
        assertEquals(1500, twice.values().stream().filter(n -> n == 2).count());
        // validation drops each second copy as a duplicate, counted without its payload (not parked as a failure)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<RawUsageEvent> copies = SegmentExport.stored(Topics.DUPLICATES, workspace);
            assertEquals(1500, copies.size());
            assertTrue(copies.stream().allMatch(c -> c.getPayload().isEmpty()), "payloads are left out");
            assertEquals(twice.keySet().stream().filter(id -> twice.get(id) == 2).collect(Collectors.toSet()),
                    copies.stream().map(RawUsageEvent::getMessageId).collect(Collectors.toSet()));
        });
    }

    @Test
    void anEdgeAskingToRetryLaterIsWaitedForAsItsRetryAfterSays() throws IOException {
        String workspace = "backlog-" + UUID.randomUUID().toString().substring(0, 8);
        String key = AllOrNothingBatchTest.freshKey(workspace);
        SegmentExport export = new SegmentExport().events(300, 0);
        Path file = SegmentExport.writePlain(dir.resolve("backlog.ndjson"), export.lines);
        // Stands for a broker that has not acknowledged 16 MB of this workspace's events: 503 + Retry-After: 5.
        InFlightBudget.Lease backlog = publisher.budget().acquire(workspace, 1, 16L * 1024 * 1024);
        CompletableFuture<SegmentImport.Report> running;
        try {
            running = CompletableFuture.supplyAsync(() -> importing("--write-key", key, "--url", edge.toString(),
                    "--parallel", "1", "--state", dir.resolve("backlog.state").toString(), file.toString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> backlogged(workspace) >= 1);
        } finally {
            backlog.settle(1);
        }
        SegmentImport.Report report = running.join();
        assertEquals(0, report.exitCode(), lastSummary);
        assertEquals(300, report.sent());
        assertEquals(1, report.retries());
        assertEquals(1, backlogged(workspace), "one 503, then the retry waited as long as asked and succeeded");
        assertTrue(report.seconds() >= 4.5, "waited for Retry-After (5 s), not the first backoff: " + report.seconds());
        assertEquals(300, countsById(SegmentExport.stored(workspace)).size());
    }

    private double backlogged(String workspace) {
        Counter counter = metrics.find("uip.ingest.requests.rejected").tag("workspace", workspace)
                .tag("reason", "BROKER_BACKLOGGED").counter();
        return counter == null ? 0 : counter.count();
    }
}
