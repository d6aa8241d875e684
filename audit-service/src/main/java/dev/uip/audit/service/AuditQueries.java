package dev.uip.audit.service;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.audit.domain.EntryFilter;
import dev.uip.audit.domain.StoredEntry;
import dev.uip.audit.repository.EntryQuery;

/** Answers queries over a workspace's entries: pages by sequence, a whole export batch by batch, chart markers. */
@ApplicationScoped
public class AuditQueries {

    private static final int EXPORT_BATCH = 500;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EntryQuery query;

    /** A page of matching entries below {@code before}, newest first, plus one more if there is one. */
    public Uni<List<StoredEntry>> pageWithOneMore(String workspace, EntryFilter filter, Long before, int limit) {
        return query.newestBefore(workspace, filter, before, limit + 1);
    }

    /**
     * Hands every matching entry, oldest first, to {@code sink}, one batch in memory at a time; blocks, so it is
     * called on a worker thread.
     */
    public void export(String workspace, EntryFilter filter, Consumer<StoredEntry> sink) {
        long after = 0;
        while (true) {
            List<StoredEntry> batch = query.oldestAfter(workspace, filter, after, EXPORT_BATCH).await()
                    .atMost(BATCH_TIMEOUT);
            batch.forEach(sink);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    /** The changes that touched {@code event} in the filter's time range, in order of occurrence. */
    public Uni<List<StoredEntry>> touching(String workspace, String event, EntryFilter range, int limit) {
        return query.touching(workspace, event, range, limit);
    }
}
