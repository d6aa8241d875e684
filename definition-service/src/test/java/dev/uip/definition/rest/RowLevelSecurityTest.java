package dev.uip.definition.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;

/** Row-level security on real PostgreSQL: workspace B cannot see workspace A's rows, even with unfiltered SQL. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class RowLevelSecurityTest {

    @Test
    void anotherWorkspaceSeesNothingEvenUnfiltered() throws SQLException {
        String a = "rls-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "rls-b-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Secret Event";
        Api.as(a, "editor").contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"properties\":[{\"name\":\"x\",\"type\":\"string\"}]}")
                .post("/v1/definitions").then().statusCode(201);
        Api.as(a, "admin").contentType(ContentType.JSON).body("{\"name\":\"k\"}")
                .post("/v1/workspaces/{ws}/write-keys", a).then().statusCode(201);
        Api.as(a, "editor").contentType(ContentType.JSON).body("{}")
                .put("/v1/events/{event}/rules/drop", name).then().statusCode(201);

        // The API answers 404 for another workspace's definition.
        Api.as(b, "viewer").get("/v1/definitions/{name}", name).then().statusCode(404);

        try (Connection owner = Db.owner()) {
            // The rows exist (the superuser of the test server is not subject to row-level security).
            assertEquals(1, workspacesSeen(owner, "select workspace_id from event_definition where workspace_id = '"
                    + a + "'").size());
        }
        try (Connection app = Db.app()) {
            app.setAutoCommit(false);
            String[] tables = {"event_definition", "event_definition_version", "write_key", "outbox_event",
                    "alert_rule", "alert_rule_version"};
            // Without a workspace setting, the application role sees no row at all.
            for (String table : tables) {
                assertEquals(List.of(), workspacesSeen(app, "select workspace_id from " + table), table);
            }
            try (Statement statement = app.createStatement()) {
                statement.execute("select set_config('uip.workspace', '" + b + "', true)");
            }
            for (String table : tables) {
                assertTrue(workspacesSeen(app, "select workspace_id from " + table).stream().noneMatch(a::equals),
                        table);
            }
            assertEquals(List.of(), workspacesSeen(app, "select id from workspace where id = '" + a + "'"));
            app.rollback();

            // Under A's setting the same unfiltered query finds A's definition: the setting, not the query, filters.
            try (Statement statement = app.createStatement()) {
                statement.execute("select set_config('uip.workspace', '" + a + "', true)");
            }
            assertEquals(List.of(a), workspacesSeen(app, "select workspace_id from event_definition"));
            assertEquals(List.of(a), workspacesSeen(app, "select workspace_id from alert_rule"));
            // Writing into another workspace under A's setting is refused by the policy's check.
            assertThrows(SQLException.class, () -> execute(app, "insert into workspace (id, name) values ('" + b
                    + "', 'x')"));
            app.rollback();
        }
    }

    @Test
    void theOldManagementCredentialsAuthenticateNoOne() throws SQLException {
        // The gateway issues API tokens now: the application role may not read the old table, and the lookup across
        // workspaces by hash is gone.
        try (Connection app = Db.app()) {
            app.setAutoCommit(true);
            assertThrows(SQLException.class, () -> execute(app, "select key_hash from api_credential"));
            assertThrows(SQLException.class, () -> execute(app, "select * from uip_credential_by_hash('x')"));
        }
    }

    @Test
    void theApplicationRoleCannotBypassSecurityOrRewriteHistory() throws SQLException {
        Api.as("rls-history", "editor").contentType(ContentType.JSON)
                .body("{\"name\":\"History " + UUID.randomUUID() + "\"}").post("/v1/definitions").then()
                .statusCode(201);
        Api.as("rls-history", "editor").contentType(ContentType.JSON).body("{}")
                .put("/v1/calls/group/rules/stopped").then().statusCode(201);
        try (Connection app = Db.app()) {
            app.setAutoCommit(true);
            assertThrows(SQLException.class, () -> execute(app, "alter table event_definition disable row level"
                    + " security"));
            assertThrows(SQLException.class, () -> execute(app, "alter table event_definition no force row level"
                    + " security"));
            assertThrows(SQLException.class, () -> execute(app, "drop policy workspace_isolation on event_definition"));
            assertThrows(SQLException.class, () -> execute(app, "set role postgres"));
            assertThrows(SQLException.class, () -> execute(app, "set session authorization postgres"));
            assertThrows(SQLException.class, () -> execute(app, "delete from event_definition_version"));
            assertThrows(SQLException.class, () -> execute(app, "update event_definition_version set breaking = true"));
            assertThrows(SQLException.class, () -> execute(app, "delete from event_definition"));
            assertThrows(SQLException.class, () -> execute(app, "update outbox_event set published_at = now()"));
            assertThrows(SQLException.class, () -> execute(app, "delete from alert_rule"));
            assertThrows(SQLException.class, () -> execute(app, "delete from alert_rule_version"));
            assertThrows(SQLException.class, () -> execute(app, "update alert_rule_version set deleted = true"));
        }
        // Not even the owner may change a version: the trigger refuses.
        try (Connection owner = Db.owner()) {
            assertThrows(SQLException.class, () -> execute(owner, "update event_definition_version set breaking ="
                    + " breaking"));
            assertThrows(SQLException.class, () -> execute(owner, "update alert_rule_version set deleted = deleted"));
            assertThrows(SQLException.class, () -> execute(owner, "delete from alert_rule_version"));
        }
    }

    static List<String> workspacesSeen(Connection connection, String sql) throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                seen.add(rows.getString(1));
            }
        }
        return seen;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
