package dev.uip.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code ./uip import}'s command line into {@link ImportOptions}, refusing anything out of bounds. */
public final class ImportArguments {

    static final String USAGE = """
            usage: ./uip import [options] FILE...

            Loads Segment exports (NDJSON: one Segment message per line; plain or gzip, told apart by content)
            through the ingest edge's /v1/batch, keeping each event's original timestamp. A message without a
            messageId gets one derived from the file name and line, so a resumed import sends the same id again.
            Resumable: a state file per input records the last acknowledged line; running the same command again
            continues after it, and a finished file is skipped.

              --write-key KEY   the workspace's write key (default: $UIP_WRITE_KEY)
              --url URL         the ingest edge (default http://localhost:8088)
              --batch N         at most N messages per request (default 500, at most 2500)
              --batch-bytes N   at most N bytes per request body (default 409600, at most 512000)
              --parallel N      requests in flight at once (default 4, at most 32)
              --state PATH      the state file (one input) or a directory of state files (several inputs);
                                default: one file per input under .uip/import/
              --max-batches N   stop after sending N batches (a later run continues from there)
              --max-retries N   repeat a request up to N times while the edge answers 503/429 or cannot be
                                reached, waiting as Retry-After says or backing off (default 10)

            Exit status: 0 all imported; 1 a line was rejected by the edge or is not valid JSON, a file could not
            be read, or the import had to stop (re-run to continue); 2 usage error; 3 stopped by --max-batches.
            """;

    /** {@code --help}: print the usage, exit 0. */
    static final class HelpRequested extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private ImportArguments() {
    }

    /**
     * @param writeKeyFromEnvironment UIP_WRITE_KEY, used when {@code --write-key} is not given
     * @throws IllegalArgumentException with a message for the user
     */
    public static ImportOptions parse(String[] args, String writeKeyFromEnvironment) {
        String writeKey = writeKeyFromEnvironment;
        String url = "http://localhost:8088";
        int batch = ImportOptions.DEFAULT_BATCH;
        int batchBytes = ImportOptions.DEFAULT_BATCH_BYTES;
        int parallel = ImportOptions.DEFAULT_PARALLEL;
        int maxBatches = 0;
        int maxRetries = ImportOptions.DEFAULT_MAX_RETRIES;
        Path state = null;
        List<Path> files = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("--")) {
                files.add(Path.of(arg));
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help")) {
                throw new HelpRequested();
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--write-key" -> writeKey = value;
                case "--url" -> url = value;
                case "--batch" -> batch = number(name, value, 1, ImportOptions.EDGE_MAX_MESSAGES);
                case "--batch-bytes" -> batchBytes = number(name, value, 1024, ImportOptions.EDGE_MAX_BYTES);
                case "--parallel" -> parallel = number(name, value, 1, 32);
                case "--state" -> state = Path.of(value);
                case "--max-batches" -> maxBatches = number(name, value, 1, Integer.MAX_VALUE);
                case "--max-retries" -> maxRetries = number(name, value, 0, 100);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (writeKey == null || writeKey.isBlank()) {
            throw new IllegalArgumentException("no write key: pass --write-key KEY or set UIP_WRITE_KEY");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input file given");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(
                        "cannot read " + file + (Files.exists(file) ? "" : ": no such file"));
            }
        }
        if (state != null && files.size() > 1 && Files.exists(state) && !Files.isDirectory(state)) {
            throw new IllegalArgumentException("--state " + state + " is a file, but with several inputs it must be"
                    + " a directory (one state file per input)");
        }
        return new ImportOptions(edge(url), writeKey.trim(), batch, batchBytes, parallel, state,
                Path.of(System.getProperty("uip.import.state-dir", ".uip/import")), maxBatches, maxRetries,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Boolean.parseBoolean(System.getProperty("uip.import.terminal", "false")),
                Integer.getInteger("uip.import.columns", 100), List.copyOf(files));
    }

    private static URI edge(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--url must be an http(s) URL such as http://localhost:8088: "
                        + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a URL: " + url);
        }
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must lie between " + min + " and " + max + ": " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value);
        }
    }
}
