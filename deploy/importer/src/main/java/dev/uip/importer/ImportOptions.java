package dev.uip.importer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one {@code ./uip import} run does.
 *
 * @param edge the ingest edge's base URL
 * @param writeKey the write key, sent as the HTTP Basic user
 * @param batchCount at most this many messages per request (the edge takes 2,500)
 * @param batchBytes at most this many bytes per request body (the edge takes 500 KB)
 * @param parallel requests in flight at once
 * @param state the state file (one input) or directory (several inputs), or null for {@code stateDir}
 * @param stateDir where state files go by default, one per input
 * @param maxBatches stop after sending this many batches (a later run continues), or 0 for no limit
 * @param maxRetries how often one request is repeated while the edge is unavailable or throttling
 * @param initialBackoff the first wait before a retry (doubling up to {@code maxBackoff}) when no Retry-After says
 * @param requestTimeout how long one request may take before it counts as failed (and is retried)
 * @param terminal whether stderr is a terminal (progress bar) or not (a plain line every few seconds)
 * @param columns the terminal's width
 * @param files the inputs, in order
 */
public record ImportOptions(URI edge, String writeKey, int batchCount, int batchBytes, int parallel, Path state,
        Path stateDir, int maxBatches, int maxRetries, Duration initialBackoff, Duration maxBackoff,
        Duration requestTimeout, boolean terminal, int columns, List<Path> files) {

    /** The edge's own limits: 2,500 messages and 500 KB per request. */
    static final int EDGE_MAX_MESSAGES = 2500;
    static final int EDGE_MAX_BYTES = 500 * 1024;

    static final int DEFAULT_BATCH = 500;
    static final int DEFAULT_BATCH_BYTES = 400 * 1024;
    static final int DEFAULT_PARALLEL = 4;
    static final int DEFAULT_MAX_RETRIES = 10;
}
