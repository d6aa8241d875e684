package dev.uip.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line on stderr: events sent, events per second, share of the input bytes read and the time left; a
 * bar redrawn in place on a terminal, a plain line every few seconds otherwise.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final boolean terminal;
    private final int columns;
    private final long totalBytes;
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private volatile long settledBytes;
    private volatile LineSource current;
    private volatile String fileName = "";
    private volatile long startNanos;
    private volatile long startBytes;

    Progress(PrintStream out, boolean terminal, int columns, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.columns = Math.max(40, columns);
        this.totalBytes = Math.max(1, totalBytes);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 250 : 5000;
        ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    /** A file is being read from now on; {@code bytesBefore} is the size of every file before it. */
    void reading(String name, LineSource source, long bytesBefore) {
        fileName = name;
        settledBytes = bytesBefore;
        current = source;
    }

    /** Sending starts now: rates count from here, not from lines skipped because an earlier run sent them. */
    void sending() {
        if (startNanos == 0) {
            startBytes = bytes();
            startNanos = System.nanoTime();
        }
    }

    void sent(long events) {
        sent.addAndGet(events);
    }

    long sentThisRun() {
        return sent.get();
    }

    Duration elapsed() {
        return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private long bytes() {
        LineSource source = current;
        return Math.min(totalBytes, settledBytes + (source == null ? 0 : source.bytesRead()));
    }

    private synchronized void print() {
        String line = render();
        if (terminal) {
            out.print("\r" + line + "\033[K");
        } else {
            out.println("uip import: " + line);
        }
        out.flush();
    }

    String render() {
        long bytes = bytes();
        double fraction = (double) bytes / totalBytes;
        double seconds = elapsed().toNanos() / 1e9;
        long events = sent.get();
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%,.0f events/s", events / seconds) : "- events/s";
        String eta = "ETA -";
        if (seconds > 1 && bytes > startBytes) {
            double bytesPerSecond = (bytes - startBytes) / seconds;
            eta = "ETA " + duration(Duration.ofSeconds((long) ((totalBytes - bytes) / bytesPerSecond)));
        }
        String figures = String.format(Locale.ROOT, "%5.1f%%  %,d events sent  %s  %s", fraction * 100, events,
                rate, eta);
        if (!terminal) {
            return figures + "  " + fileName;
        }
        // The figures come first; the bar gets what room is left beside them, the file name what remains after.
        int width = Math.min(30, columns - figures.length() - 4);
        String line = figures;
        if (width >= 5) {
            int filled = (int) Math.round(fraction * width);
            line = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + figures;
        }
        line = line + "  " + fileName;
        return line.length() < columns ? line : line.substring(0, columns - 1);
    }

    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** Stops the ticker and leaves the final figures on their own line. */
    @Override
    public void close() {
        ticker.shutdownNow();
        print();
        if (terminal) {
            out.println();
        }
    }
}
