package db.migration;

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

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("ALTER TABLE audit_entry ADD COLUMN event_name TEXT");
        }
        EntryRewrite.run(context.getConnection(),
                "SELECT id, entity_type, entity_id, before_json, after_json FROM audit_entry",
                "UPDATE audit_entry SET event_name = ? WHERE id = ?", (rows, write) -> {
                    String name = EventNames.of(rows.getString("entity_type"), rows.getString("entity_id"),
                            rows.getString("before_json"), rows.getString("after_json"));
                    if (name == null) {
                        return false;
                    }
                    write.setString(1, name);
                    write.setLong(2, rows.getLong("id"));
                    return true;
                });
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("CREATE INDEX audit_entry_event ON audit_entry (workspace_id, event_name, sequence)");
            ddl.execute("CREATE INDEX audit_entry_entity ON audit_entry (workspace_id, entity_type, entity_id, "
                    + "sequence)");
            ddl.execute("CREATE INDEX audit_entry_actor ON audit_entry (workspace_id, actor, sequence)");
            ddl.execute("CREATE INDEX audit_entry_occurred ON audit_entry (workspace_id, occurred_at)");
        }
    }
}
