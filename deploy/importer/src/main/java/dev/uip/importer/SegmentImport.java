package dev.uip.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./uip import}: loads Segment exports through the ingest edge, file after file, and reports what became of
 * every line. Exit 0 when every file is imported and nothing was refused, 1 when a line was rejected or unreadable
 * (or the import had to stop), 2 for a usage error, 3 when it stopped after {@code --max-batches} as asked.
 */
public final class SegmentImport {

    private final ImportOptions options;
    private final PrintStream out;
    private final PrintStream err;

    /** How the import of one file ended in this run. */
    public enum Ending {
        /** Every line is settled (now or by an earlier run). */
        FINISHED,
        /** Finished by an earlier run: nothing was read. */
        SKIPPED,
        /** Stopped after the number of batches asked for; a new run continues. */
        STOPPED,
        /** The file could not be read to its end, changed since its state was saved, or the import had to stop. */
        FAILED
    }

    /** The outcome of a whole run, file by file. */
    public record Report(List<FileReport> files, long sentThisRun, double seconds, long retries, String aborted) {

        public long sent() {
            return files.stream().mapToLong(FileReport::sent).sum();
        }

        public long rejected() {
            return files.stream().mapToLong(f -> f.rejected().values().stream().mapToLong(Long::longValue).sum())
                    .sum();
        }

        public long unreadable() {
            return files.stream().mapToLong(FileReport::unreadable).sum();
        }

        public boolean complete() {
            return aborted == null && files.stream().allMatch(f -> f.ending() == Ending.FINISHED
                    || f.ending() == Ending.SKIPPED);
        }

        public int exitCode() {
            boolean failed = files.stream().anyMatch(f -> f.ending() == Ending.FAILED);
            if (aborted != null || failed || rejected() > 0 || unreadable() > 0) {
                return 1;
            }
            return complete() ? 0 : 3;
        }
    }

    /**
     * One input's outcome; its counts include earlier runs that imported part of it.
     *
     * @param lastAcknowledgedLine every line up to this one is settled (sent, rejected or unreadable)
     * @param rejected messages refused by the edge (or not sent because it would refuse them), by reason
     * @param unreadable lines that are not a JSON object
     * @param problems the first few problems as {@code file:line: reason}
     * @param failure why the file is not finished, or null
     */
    public record FileReport(Path file, Path stateFile, Ending ending, long lastAcknowledgedLine, long sent,
            Map<String, Long> rejected, long unreadable, List<String> problems, String failure) {

        static FileReport of(Path file, Path stateFile, Ending ending, FileState state, String failure) {
            return new FileReport(file, stateFile, ending, state.lastAcknowledgedLine, state.sent,
                    Map.copyOf(state.rejected), state.unreadable, List.copyOf(state.problems), failure);
        }
    }

    public SegmentImport(ImportOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        ImportOptions options;
        try {
            options = ImportArguments.parse(args, System.getenv("UIP_WRITE_KEY"));
        } catch (ImportArguments.HelpRequested help) {
            System.out.print(ImportArguments.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("uip import: " + e.getMessage());
            System.err.println("usage: ./uip import [--write-key KEY] [--url URL] [--batch N] [--state FILE] FILE..."
                    + " (./uip import --help)");
            System.exit(2);
            return;
        }
        Report report = new SegmentImport(options, System.out, System.err).run();
        printSummary(report, System.out);
        System.exit(report.exitCode());
    }

    /** Prints what the run came to: per file, totals, rejection reasons and the first problems by file:line. */
    public static void printSummary(Report report, PrintStream out) {
        new Summary(out).print(report);
    }

    /** Imports every input in order; stops early only when the edge refuses the key or stays unavailable. */
    public Report run() {
        long totalBytes = 0;
        for (Path file : options.files()) {
            totalBytes += size(file);
        }
        EdgeClient edge = new EdgeClient(options.edge(), options.writeKey(), options.requestTimeout());
        BatchSender sender = new BatchSender(edge, options.maxRetries(), options.initialBackoff(),
                options.maxBackoff());
        AtomicLong batchesLeft = new AtomicLong(options.maxBatches() > 0 ? options.maxBatches() : -1);
        List<FileReport> reports = new ArrayList<>();
        String aborted = null;
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
            Thread t = new Thread(r, "import-sender");
            t.setDaemon(true);
            return t;
        });
        Progress progress = new Progress(err, options.terminal(), options.columns(), totalBytes);
        try {
            FileImport importer = new FileImport(options, sender, pool, progress, batchesLeft);
            long before = 0;
            for (Path file : options.files()) {
                Path stateFile = stateFile(file);
                try {
                    FileImport.Outcome outcome = importer.run(file, stateFile, before);
                    reports.add(FileReport.of(file, stateFile, outcome.ending(), outcome.state(),
                            outcome.failure()));
                } catch (ImportAbortedException e) {
                    aborted = e.getMessage();
                    reports.add(FileReport.of(file, stateFile, Ending.FAILED, loadQuietly(file,
                            stateFile), "stopped: " + e.getMessage()));
                    break;
                } catch (IOException e) {
                    reports.add(FileReport.of(file, stateFile, Ending.FAILED, loadQuietly(file,
                            stateFile), e.toString()));
                }
                before += size(file);
                // A skipped or finished file counts as read.
                progress.reading(file.getFileName().toString(), null, before);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = "interrupted";
        } finally {
            progress.close();
            pool.shutdownNow();
        }
        return new Report(reports, progress.sentThisRun(), progress.elapsed().toNanos() / 1e9, sender.retries(),
                aborted);
    }

    /** The state file of an input: {@code --state} itself for one input, else one per input in a directory. */
    Path stateFile(Path input) {
        Path state = options.state();
        if (state != null && options.files().size() == 1 && !Files.isDirectory(state)) {
            return state;
        }
        Path dir = state != null ? state : options.stateDir();
        String absolute = input.toAbsolutePath().normalize().toString();
        return dir.resolve(input.getFileName() + "." + shortHash(absolute) + ".state.json");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static FileState loadQuietly(Path file, Path stateFile) {
        try {
            FileState state = FileState.load(stateFile);
            return state != null ? state : FileState.fresh(file, size(file));
        } catch (IOException e) {
            return FileState.fresh(file, size(file));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
