package dev.uip.audit.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Chains;
import dev.uip.audit.Db;
import dev.uip.stack.RealStack;

/**
 * Entries stored before the hash chain existed are chained by the migration (per workspace, in arrival order), on a
 * database of their own in the real PostgreSQL, and the table is append-only again afterwards. A Quarkus test only so
 * that it shares the JVM's one real stack with the others (a plain test would start a second one).
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class ChainMigrationTest {

    static final String DATABASE = "uip_audit_migration";

    @Test
    void chainsTheEntriesOfEachWorkspaceInArrivalOrder() throws Exception {
        RealStack.get().postgres().ensureDatabase(DATABASE);
        try (Connection c = Db.owner(DATABASE); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS audit_entry, flyway_schema_history CASCADE");
            s.execute("DROP FUNCTION IF EXISTS audit_entry_refuse_change()");
        }
        Flyway before = flyway("4");
        before.migrate();
        Instant t0 = Instant.parse("2026-11-23T12:00:00Z");
        try (Connection c = Db.owner(DATABASE); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO audit_entry (change_id, workspace_id, actor, action, entity_type, entity_id, before_json,
                    after_json, version, occurred_at) VALUES (?, ?, 'alice', 'UPDATED', 'EVENT_DEFINITION', ?, ?, ?,
                    ?, ?)""")) {
            for (int i = 0; i < 7; i++) {
                insert.setString(1, "change-" + i);
                insert.setString(2, i % 2 == 0 ? "acme" : "globex");
                insert.setString(3, "Event \"" + i + "\"");
                insert.setString(4, i == 0 ? null : "{\"step\":" + (i - 1) + "}");
                insert.setString(5, "{\"step\":" + i + ",\"note\":\"line\\nbreak\"}");
                insert.setInt(6, i + 1);
                // Arrival order is not the order of occurrence: the chain follows arrival.
                insert.setTimestamp(7, Timestamp.from(t0.minusSeconds(i)));
                insert.executeUpdate();
            }
        }

        flyway(null).migrate();

        assertEquals(4, Chains.assertIntact(DATABASE, "acme"));
        assertEquals(3, Chains.assertIntact(DATABASE, "globex"));
        assertEquals(3, Db.numberIn(DATABASE, "SELECT sequence FROM audit_entry WHERE change_id = 'change-5'"));
        // the later migration (V7) fills the event name of the entries stored before it, all seven definitions here
        assertEquals(7, Db.numberIn(DATABASE, "SELECT count(*) FROM audit_entry WHERE event_name = entity_id"));
        try (Connection c = Db.owner(DATABASE); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute("UPDATE audit_entry SET actor = 'mallory'"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    static Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(RealStack.get().postgres().jdbcUrl(DATABASE), "postgres", "")
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", AuditStack.APP_ROLE, "appPassword", AuditStack.APP_PASSWORD));
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
