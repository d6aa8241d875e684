package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.uip.audit.domain.EventNames;

/**
 * Adds the event name each entry touches (not part of the hash chain: derived from the entry by {@link EventNames}),
 * fills it for the entries stored before, with the append-only row trigger off for this transaction only, and indexes
 * the columns queries filter by.
 */
public class V7__event_name extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE audit_entry ADD COLUMN event_name TEXT");
            ddl.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        }
        try (Statement read = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE audit_entry SET event_name = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery(
                    "SELECT id, entity_type, entity_id, before_json, after_json FROM audit_entry")) {
                while (rows.next()) {
                    String name = EventNames.of(rows.getString("entity_type"), rows.getString("entity_id"),
                            rows.getString("before_json"), rows.getString("after_json"));
                    if (name == null) {
                        continue;
                    }
                    write.setString(1, name);
                    write.setLong(2, rows.getLong("id"));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            ddl.execute("CREATE INDEX audit_entry_event ON audit_entry (workspace_id, event_name, sequence)");
            ddl.execute("CREATE INDEX audit_entry_entity ON audit_entry (workspace_id, entity_type, entity_id, "
                    + "sequence)");
            ddl.execute("CREATE INDEX audit_entry_actor ON audit_entry (workspace_id, actor, sequence)");
            ddl.execute("CREATE INDEX audit_entry_occurred ON audit_entry (workspace_id, occurred_at)");
        }
    }
}
