package dev.uip.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints what a run came to: per file, the totals, the reasons for rejections, and the first problems by line. */
final class Summary {

    private static final int PROBLEMS_SHOWN = 20;

    private final PrintStream out;

    Summary(PrintStream out) {
        this.out = out;
    }

    void print(SegmentImport.Report report) {
        out.println("uip import: summary (a resumed file's counts include its earlier runs)");
        Map<String, Long> reasons = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (SegmentImport.FileReport file : report.files()) {
            long rejected = file.rejected().values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "  %s: %s; %,d lines settled: %,d sent, %,d rejected, %,d not valid JSON%s%n",
                    file.file(), ending(file.ending()), file.lastAcknowledgedLine(), file.sent(), rejected,
                    file.unreadable(), file.failure() == null ? "" : "; " + file.failure());
            file.rejected().forEach((code, n) -> reasons.merge(code, n, Long::sum));
            problems.addAll(file.problems());
        }
        out.printf(Locale.ROOT, "  sent in this run: %,d events in %.1f s (%,.0f events/s), %,d retried requests%n",
                report.sentThisRun(), report.seconds(),
                report.seconds() > 0 ? report.sentThisRun() / report.seconds() : 0.0, report.retries());
        out.printf(Locale.ROOT, "  total: %,d sent, %,d rejected%s, %,d lines not valid JSON%n", report.sent(),
                report.rejected(), reasons.isEmpty()
                        ? ""
                        : " (" + reasons.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")",
                report.unreadable());
        if (!problems.isEmpty()) {
            long total = report.rejected() + report.unreadable();
            out.printf(Locale.ROOT, "  problems (%s):%n", total > PROBLEMS_SHOWN && problems.size() > PROBLEMS_SHOWN
                    ? "the first " + PROBLEMS_SHOWN + " of " + total
                    : "all " + total);
            problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> out.println("    " + p));
        }
        if (report.aborted() != null) {
            out.println("  stopped: " + report.aborted() + "; run the same command again to continue");
        } else if (report.files().stream().anyMatch(f -> f.ending() == SegmentImport.Ending.STOPPED)) {
            out.println("  not finished: run the same command again to continue");
        }
    }

    private static String ending(SegmentImport.Ending ending) {
        return switch (ending) {
            case FINISHED -> "finished";
            case SKIPPED -> "finished earlier (skipped)";
            case STOPPED -> "stopped as asked (--max-batches)";
            case FAILED -> "NOT finished";
        };
    }
}
