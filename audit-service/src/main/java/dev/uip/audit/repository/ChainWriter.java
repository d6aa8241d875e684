package dev.uip.audit.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.audit.domain.ChainHash;
import dev.uip.audit.domain.ChainHead;
import dev.uip.audit.domain.ChainedContent;
import dev.uip.audit.domain.EventNames;

/**
 * Appends entries to their workspace's hash chain: one transaction per entry, under a lock of the workspace (a
 * transaction-scoped advisory lock), so that two consumers or instances never give two entries the same sequence nor
 * fork the chain; a change id that is already stored is not appended again.
 */
@ApplicationScoped
public class ChainWriter {

    // First key of the two-key advisory lock: keeps the audit chain's locks apart from any other use of advisory locks.
    private static final int LOCK_CLASS = 0x41554454;

    private static final String INSERT = """
            INSERT INTO audit_entry (change_id, workspace_id, actor, action, entity_type, entity_id, before_json,
                after_json, version, occurred_at, sequence, prev_hash, hash, event_name)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (change_id) DO NOTHING
            RETURNING recorded_at""";

    @Inject
    Pool pool;

    /**
     * Appends the change (its fields in {@code content}; the sequence there is ignored) as the workspace's next entry
     * and emits the new chain head, or nothing when the change id is already stored.
     */
    public Uni<Optional<ChainHead>> append(ChainedContent content) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .execute(Tuple.of(LOCK_CLASS, content.workspace()))
                .chain(() -> connection.preparedQuery("SELECT 1 FROM audit_entry WHERE change_id = $1")
                        .execute(Tuple.of(content.changeId())))
                .chain(stored -> stored.size() > 0
                        ? Uni.createFrom().item(Optional.<ChainHead>empty())
                        : appendAfterHead(connection, content)));
    }

    private Uni<Optional<ChainHead>> appendAfterHead(SqlConnection connection, ChainedContent change) {
        return connection.preparedQuery("""
                SELECT sequence, hash FROM audit_entry WHERE workspace_id = $1 ORDER BY sequence DESC LIMIT 1""")
                .execute(Tuple.of(change.workspace()))
                .chain(head -> {
                    long sequence = head.size() == 0 ? 1 : head.iterator().next().getLong("sequence") + 1;
                    String previous = head.size() == 0 ? ChainHash.GENESIS : head.iterator().next().getString("hash");
                    ChainedContent content = change.at(sequence);
                    String hash = ChainHash.next(previous, content);
                    Tuple values = Tuple.tuple().addString(content.changeId()).addString(content.workspace())
                            .addString(content.actor()).addString(content.action()).addString(content.entityType())
                            .addString(content.entityId()).addString(content.before()).addString(content.after())
                            .addInteger(content.version())
                            .addOffsetDateTime(OffsetDateTime.ofInstant(content.occurredAt(), ZoneOffset.UTC))
                            .addLong(sequence).addString(previous).addString(hash)
                            .addString(EventNames.of(content.entityType(), content.entityId(), content.before(),
                                    content.after()));
                    return connection.preparedQuery(INSERT).execute(values).map(inserted -> inserted.size() == 0
                            ? Optional.<ChainHead>empty()
                            : Optional.of(new ChainHead(content.workspace(), sequence, hash,
                                    inserted.iterator().next().getOffsetDateTime("recorded_at").toInstant())));
                });
    }
}
