package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.uip.audit.domain.ChainHash;
import dev.uip.audit.domain.ChainedContent;

/**
 * Chains the entries stored before the hash chain existed: per workspace in id (arrival) order, with the same
 * {@link ChainHash} the service appends with. The append-only row trigger is off for this transaction only (the
 * owner runs migrations); it is on again when the migration commits.
 */
public class V5__chain_existing_entries extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        }
        try (Statement read = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE audit_entry SET sequence = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            String workspace = null;
            long sequence = 0;
            String previous = ChainHash.GENESIS;
            int pending = 0;
            try (ResultSet rows = read.executeQuery("""
                    SELECT id, change_id, workspace_id, actor, action, entity_type, entity_id, before_json,
                           after_json, version, occurred_at
                    FROM audit_entry ORDER BY workspace_id, id""")) {
                while (rows.next()) {
                    if (!rows.getString("workspace_id").equals(workspace)) {
                        workspace = rows.getString("workspace_id");
                        sequence = 0;
                        previous = ChainHash.GENESIS;
                    }
                    sequence++;
                    ChainedContent content = new ChainedContent(sequence, rows.getString("change_id"), workspace,
                            rows.getString("actor"), rows.getString("action"), rows.getString("entity_type"),
                            rows.getString("entity_id"), rows.getString("before_json"), rows.getString("after_json"),
                            rows.getInt("version"), rows.getObject("occurred_at", OffsetDateTime.class).toInstant());
                    String hash = ChainHash.next(previous, content);
                    write.setLong(1, sequence);
                    write.setString(2, previous);
                    write.setString(3, hash);
                    write.setLong(4, rows.getLong("id"));
                    write.addBatch();
                    previous = hash;
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
        }
    }
}
