package dev.uip.audit.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.audit.domain.StoredEntry;

/** Reads stored audit entries: the newest of a workspace, and its chain in sequence order, one batch at a time. */
@ApplicationScoped
public class EntryReader {

    @Inject
    Pool pool;

    /** The newest entries of a workspace by the time their change occurred, newest first. */
    public Uni<List<StoredEntry>> newest(String workspace, int limit) {
        return pool.preparedQuery("SELECT " + EntryRows.COLUMNS
                + " FROM audit_entry WHERE workspace_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2")
                .execute(Tuple.of(workspace, limit)).map(EntryReader::entries);
    }

    /** Up to {@code limit} entries of the workspace's chain after {@code afterSequence}, in sequence order. */
    public Uni<List<StoredEntry>> chain(String workspace, long afterSequence, int limit) {
        return pool.preparedQuery("SELECT " + EntryRows.COLUMNS
                + " FROM audit_entry WHERE workspace_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3")
                .execute(Tuple.of(workspace, afterSequence, limit)).map(EntryReader::entries);
    }

    /** The entries of the workspace whose previous hash is {@code previousHash} (one, in an intact chain). */
    public Uni<List<StoredEntry>> linkedTo(String workspace, String previousHash) {
        return pool.preparedQuery("SELECT " + EntryRows.COLUMNS
                + " FROM audit_entry WHERE workspace_id = $1 AND prev_hash = $2 ORDER BY sequence LIMIT 10")
                .execute(Tuple.of(workspace, previousHash)).map(EntryReader::entries);
    }

    static List<StoredEntry> entries(Iterable<Row> rows) {
        List<StoredEntry> entries = new ArrayList<>();
        rows.forEach(row -> entries.add(EntryRows.entry(row)));
        return entries;
    }
}
