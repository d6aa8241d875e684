package dev.uip.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.uip.audit.domain.ChainHash;
import dev.uip.audit.domain.ChainedContent;

/** Reads a workspace's chain straight from the database and checks it link by link, independently of the service. */
public final class Chains {

    private Chains() {
    }

    /** Asserts sequences 1..n without gaps, each prev_hash the previous hash and each hash recomputed; returns n. */
    public static int assertIntact(String database, String workspace) throws SQLException {
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (Connection c = Db.owner(database); PreparedStatement s = c.prepareStatement("""
                SELECT sequence, change_id, workspace_id, actor, action, entity_type, entity_id, before_json,
                       after_json, version, occurred_at, prev_hash, hash
                FROM audit_entry WHERE workspace_id = ? ORDER BY sequence""")) {
            s.setString(1, workspace);
            try (ResultSet rows = s.executeQuery()) {
                String previous = ChainHash.GENESIS;
                while (rows.next()) {
                    count++;
                    long sequence = rows.getLong("sequence");
                    ChainedContent content = new ChainedContent(sequence, rows.getString("change_id"),
                            rows.getString("workspace_id"), rows.getString("actor"), rows.getString("action"),
                            rows.getString("entity_type"), rows.getString("entity_id"), rows.getString("before_json"),
                            rows.getString("after_json"), rows.getInt("version"),
                            rows.getObject("occurred_at", OffsetDateTime.class).toInstant());
                    if (sequence != count) {
                        problems.add("sequence " + sequence + " where " + count + " was expected");
                    }
                    if (!previous.equals(rows.getString("prev_hash"))) {
                        problems.add("sequence " + sequence + " does not link to the previous hash");
                    }
                    String hash = ChainHash.next(previous, content);
                    if (!hash.equals(rows.getString("hash"))) {
                        problems.add("sequence " + sequence + " has another hash than its content's");
                    }
                    previous = rows.getString("hash");
                }
            }
        }
        assertEquals(List.of(), problems, "chain of " + workspace);
        return count;
    }
}
