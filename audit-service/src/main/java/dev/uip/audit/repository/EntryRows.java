package dev.uip.audit.repository;

import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

import dev.uip.audit.domain.StoredEntry;

/** The columns of audit_entry that queries read, and how a row of them becomes a {@link StoredEntry}. */
final class EntryRows {

    static final String COLUMNS = """
            sequence, change_id, workspace_id, actor, action, entity_type, entity_id, before_json, after_json,
            version, occurred_at, recorded_at, prev_hash, hash, event_name""";

    private EntryRows() {
    }

    static StoredEntry entry(Row row) {
        return new StoredEntry(row.getLong("sequence"), row.getString("change_id"), row.getString("workspace_id"),
                row.getString("actor"), row.getString("action"), row.getString("entity_type"),
                row.getString("entity_id"), row.getString("before_json"), row.getString("after_json"),
                row.getInteger("version"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getOffsetDateTime("recorded_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                row.getString("prev_hash"), row.getString("hash"), row.getString("event_name"));
    }
}
