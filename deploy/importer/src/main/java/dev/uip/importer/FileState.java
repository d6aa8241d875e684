package dev.uip.importer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How far the import of one input file has come, as saved in its state file after every acknowledged batch: the
 * last line whose fate is settled, and the counts of everything up to it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class FileState {

    /** At most this many problems (file:line and reason) are kept for the summary. */
    static final int MAX_PROBLEMS = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String file;
    long size;
    long lastAcknowledgedLine;
    boolean finished;
    long sent;
    long unreadable;
    Map<String, Long> rejected = new TreeMap<>();
    List<String> problems = new ArrayList<>();

    static FileState fresh(Path input, long size) {
        FileState state = new FileState();
        state.file = input.toAbsolutePath().normalize().toString();
        state.size = size;
        return state;
    }

    /** The saved state, or null when there is none. */
    static FileState load(Path stateFile) throws IOException {
        if (!Files.exists(stateFile)) {
            return null;
        }
        return JSON.readValue(stateFile.toFile(), FileState.class);
    }

    /** Writes the state so that a crash leaves either the old or the new one, never half of it. */
    void save(Path stateFile) throws IOException {
        Path dir = stateFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(stateFile.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        try {
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Adds what a settled stretch of lines came to. */
    void add(Tally tally) {
        sent += tally.sent;
        unreadable += tally.unreadable;
        tally.rejected.forEach((code, n) -> rejected.merge(code, n, Long::sum));
        for (String problem : tally.problems) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }

    /** The outcome of a stretch of lines that is not yet in the state (added once its batch is acknowledged). */
    static final class Tally {

        long sent;
        long unreadable;
        final Map<String, Long> rejected = new TreeMap<>();
        final List<String> problems = new ArrayList<>();

        void unreadable(String where, String reason) {
            unreadable++;
            problem(where + ": " + reason);
        }

        void rejected(String where, String code, String reason) {
            rejected.merge(code, 1L, Long::sum);
            problem(where + ": rejected " + code + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        }

        private void problem(String text) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(text);
            }
        }
    }
}
