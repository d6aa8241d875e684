package dev.uip.audit.repository;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.audit.Changes;
import dev.uip.audit.Db;
import dev.uip.schemas.DefinitionChanged;

/**
 * audit_entry is append-only on the real PostgreSQL: the application role may not UPDATE, DELETE or TRUNCATE it
 * (permission denied), and the owner is refused by the table's triggers.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class AppendOnlyTest {

    static final List<String> CHANGES = List.of(
            "UPDATE audit_entry SET actor = 'mallory' WHERE change_id = '%s'",
            "DELETE FROM audit_entry WHERE change_id = '%s'",
            "TRUNCATE audit_entry");

    @Test
    void refusesEveryChangeToAStoredEntryToTheAppRoleAndTheOwner() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        DefinitionChanged change = Changes.of(workspace, "CREATED", Instant.parse("2026-11-23T12:00:00Z"));
        Changes.send(change);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Calls.asViewer(workspace).get("/v1/audit")
                .then().statusCode(200).body("changeId", equalTo(List.of(change.getChangeId()))));

        for (String template : CHANGES) {
            String statement = template.formatted(change.getChangeId());
            try (Connection app = Db.app(); Statement s = app.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(statement), statement);
                assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
            }
            try (Connection owner = Db.owner(); Statement s = owner.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(statement), statement);
                assertEquals("23000", refused.getSQLState(), statement + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("audit_entry is append-only"), refused.getMessage());
            }
        }
        assertEquals(1, Db.number("SELECT count(*) FROM audit_entry WHERE change_id = ? AND actor = 'alice'",
                change.getChangeId()));
    }
}
