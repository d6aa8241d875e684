package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rewrites stored audit entries from a migration, the only place that may: the append-only row trigger is off for the
 * migration's transaction only, rows are read with a fetch size and written in batches.
 */
final class EntryRewrite {

    /** Fills the update for one row read; false leaves the row as it is. */
    interface Row {

        boolean fill(ResultSet row, PreparedStatement update) throws SQLException;
    }

    private static final int BATCH = 500;

    private EntryRewrite() {
    }

    static void run(Connection connection, String select, String update, Row row) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        }
        try (Statement read = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(update)) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery(select)) {
                while (rows.next()) {
                    if (row.fill(rows, write)) {
                        write.addBatch();
                        if (++pending == BATCH) {
                            write.executeBatch();
                            pending = 0;
                        }
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
