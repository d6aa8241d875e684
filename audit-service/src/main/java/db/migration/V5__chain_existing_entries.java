package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Override
    public void migrate(Context context) throws Exception {
        EntryRewrite.run(context.getConnection(), """
                SELECT id, change_id, workspace_id, actor, action, entity_type, entity_id, before_json,
                       after_json, version, occurred_at
                FROM audit_entry ORDER BY workspace_id, id""",
                "UPDATE audit_entry SET sequence = ?, prev_hash = ?, hash = ? WHERE id = ?", new Chaining());
    }

    /** Walks the rows in workspace and id order, restarting the chain at each workspace. */
    private static final class Chaining implements EntryRewrite.Row {

        private String workspace;
        private long sequence;
        private String previous = ChainHash.GENESIS;

        @Override
        public boolean fill(ResultSet rows, PreparedStatement write) throws SQLException {
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
            previous = hash;
            return true;
        }
    }
}
