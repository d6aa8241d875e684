package dev.uip.importer;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One input file read line by line: gzip recognised by its magic bytes (not its name), every line bounded in
 * length, and the file's bytes consumed so far counted for the progress bar.
 */
final class LineSource implements Closeable {

    /** Longer lines are not held in memory: they are reported as too large (the edge stores at most 32 KB). */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    /**
     * One line of the file, without its line break.
     *
     * @param number 1-based line number
     * @param bytes the line's bytes, or null when it was longer than {@link #MAX_LINE_BYTES}
     * @param length the line's length in bytes
     */
    record Line(long number, byte[] bytes, long length) {

        boolean tooLong() {
            return bytes == null;
        }
    }

    private final Counting counting;
    private final InputStream in;
    private final boolean gzip;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[1024];

    private LineSource(Counting counting, InputStream in, boolean gzip) {
        this.counting = counting;
        this.in = in;
        this.gzip = gzip;
    }

    static LineSource open(Path file) throws IOException {
        Counting counting = new Counting(Files.newInputStream(file));
        try {
            PushbackInputStream peek = new PushbackInputStream(counting, 2);
            byte[] magic = peek.readNBytes(2);
            peek.unread(magic);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            InputStream in = gzip ? new GZIPInputStream(peek, 1 << 16) : peek;
            return new LineSource(counting, in, gzip);
        } catch (IOException | RuntimeException e) {
            counting.close();
            throw e;
        }
    }

    boolean gzip() {
        return gzip;
    }

    /** Bytes of the file (compressed, for gzip) consumed so far. */
    long bytesRead() {
        return counting.count;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        int length = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (total + chunk <= MAX_LINE_BYTES) {
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(length + chunk, Math.min(line.length * 2, MAX_LINE_BYTES)));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            total += chunk;
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        lineNumber++;
        if (total > MAX_LINE_BYTES) {
            return new Line(lineNumber, null, total);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new Line(lineNumber, Arrays.copyOf(line, length), length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Counts the bytes read from the file itself. */
    private static final class Counting extends FilterInputStream {

        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
