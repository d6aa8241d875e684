package dev.uip.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports one input file from where its state file says the last run stopped: reads and prepares lines, sends them
 * in batches bounded by count and bytes (several in flight), and saves the state each time the oldest batch in flight
 * is acknowledged, so that a new run continues after it.
 */
final class FileImport {

    /** The file's state after this run, and why it ended. */
    record Outcome(SegmentImport.Ending ending, FileState state, String failure) {
    }

    /** A batch sent but not yet settled, and what its stretch of lines came to besides it. */
    private record InFlight(Future<BatchSender.Result> result, FileState.Tally tally, long upToLine) {
    }

    private final ImportOptions options;
    private final BatchSender sender;
    private final ExecutorService pool;
    private final Progress progress;
    private final AtomicLong batchesLeft;

    /** @param batchesLeft batches that may still be sent in this run (shared by every file); negative: no limit */
    FileImport(ImportOptions options, BatchSender sender, ExecutorService pool, Progress progress,
            AtomicLong batchesLeft) {
        this.options = options;
        this.sender = sender;
        this.pool = pool;
        this.progress = progress;
        this.batchesLeft = batchesLeft;
    }

    Outcome run(Path input, Path stateFile, long bytesBefore) throws ImportAbortedException, InterruptedException,
            IOException {
        long size = Files.size(input);
        FileState state = FileState.load(stateFile);
        if (state == null) {
            state = FileState.fresh(input, size);
        } else if (state.file == null || !Path.of(state.file).getFileName().equals(input.getFileName())) {
            return new Outcome(SegmentImport.Ending.FAILED, FileState.fresh(input, size), stateFile
                    + " records the import of " + state.file
                    + ", not of this file; give each input its own --state");
        } else if (state.size != size) {
            return new Outcome(SegmentImport.Ending.FAILED, FileState.fresh(input, size),
                    "its size changed from " + state.size + " to " + size
                            + " bytes since " + stateFile + " was saved; delete that file to import it from the start");
        }
        if (state.finished) {
            return new Outcome(SegmentImport.Ending.SKIPPED, state, null);
        }
        if (batchesLeft.get() == 0) {
            return new Outcome(SegmentImport.Ending.STOPPED, state, null);
        }
        String name = input.getFileName().toString();
        MessagePreparer preparer = new MessagePreparer(name);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        List<MessagePreparer.Prepared> batch = new ArrayList<>();
        long batchBytes = 0;
        FileState.Tally tally = new FileState.Tally();
        long lastLine = state.lastAcknowledgedLine;
        boolean stopped = false;
        String failure = null;
        try (LineSource source = LineSource.open(input)) {
            progress.reading(name, source, bytesBefore);
            try {
                for (LineSource.Line line = source.next(); line != null; line = source.next()) {
                    if (line.number() <= state.lastAcknowledgedLine) {
                        continue; // settled by an earlier run
                    }
                    if (!line.tooLong() && blank(line.bytes())) {
                        lastLine = line.number();
                        continue;
                    }
                    String where = name + ":" + line.number();
                    MessagePreparer.Result result = preparer.prepare(line);
                    if (result instanceof MessagePreparer.Unusable unusable) {
                        if (unusable.unreadable()) {
                            tally.unreadable(where, unusable.reason());
                        } else {
                            tally.rejected(where, unusable.code(), unusable.reason() + " (not sent)");
                        }
                    } else if (result instanceof MessagePreparer.Prepared message) {
                        if (!batch.isEmpty() && (batch.size() >= options.batchCount() || EdgeClient.bodyBytes(
                                batchBytes + message.json().length, batch.size() + 1) > options.batchBytes())) {
                            submit(state, stateFile, inFlight, batch, tally, lastLine);
                            batch = new ArrayList<>();
                            batchBytes = 0;
                            tally = new FileState.Tally();
                            if (batchesLeft.get() == 0) {
                                stopped = true;
                                break;
                            }
                        }
                        batch.add(message);
                        batchBytes += message.json().length;
                    }
                    lastLine = line.number();
                }
            } catch (IOException e) {
                failure = "unreadable after line " + lastLine + ": " + e.getMessage();
            }
            if (!stopped && failure == null) {
                if (!batch.isEmpty()) {
                    submit(state, stateFile, inFlight, batch, tally, lastLine);
                } else {
                    inFlight.add(new InFlight(null, tally, lastLine));
                }
            }
            // On a read failure the lines read since the last batch are left for the next run to read again.
            while (!inFlight.isEmpty()) {
                settle(state, stateFile, inFlight);
            }
        } finally {
            for (InFlight left : inFlight) {
                if (left.result() != null) {
                    left.result().cancel(true);
                }
            }
        }
        if (failure != null) {
            state.save(stateFile);
            return new Outcome(SegmentImport.Ending.FAILED, state, failure);
        }
        if (stopped) {
            return new Outcome(SegmentImport.Ending.STOPPED, state, null);
        }
        state.finished = true;
        state.save(stateFile);
        return new Outcome(SegmentImport.Ending.FINISHED, state, null);
    }

    private void submit(FileState state, Path stateFile, Deque<InFlight> inFlight,
            List<MessagePreparer.Prepared> batch, FileState.Tally tally, long upToLine)
            throws ImportAbortedException, InterruptedException, IOException {
        progress.sending();
        batchesLeft.decrementAndGet();
        List<MessagePreparer.Prepared> messages = List.copyOf(batch);
        inFlight.add(new InFlight(pool.submit(() -> sender.send(messages)), tally, upToLine));
        while (inFlight.size() >= options.parallel()) {
            settle(state, stateFile, inFlight);
        }
    }

    /** Waits for the oldest batch in flight and saves the state up to its last line. */
    private void settle(FileState state, Path stateFile, Deque<InFlight> inFlight)
            throws ImportAbortedException, InterruptedException, IOException {
        InFlight oldest = inFlight.peekFirst();
        if (oldest.result() != null) {
            BatchSender.Result result;
            try {
                result = oldest.result().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ImportAbortedException aborted) {
                    throw aborted;
                }
                throw new IllegalStateException("sending a batch failed unexpectedly", e.getCause());
            }
            oldest.tally().sent += result.sent();
            for (BatchSender.Rejection rejection : result.rejected()) {
                oldest.tally().rejected(Path.of(state.file).getFileName() + ":" + rejection.line(), rejection.code(),
                        rejection.message());
            }
            progress.sent(result.sent());
        }
        inFlight.removeFirst();
        state.add(oldest.tally());
        state.lastAcknowledgedLine = oldest.upToLine();
        state.save(stateFile);
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
