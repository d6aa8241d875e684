package dev.uip.definition.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.messaging.OutboxRelay;
import dev.uip.stack.Topics;

/** The transactional outbox: a change committed while nothing publishes is published, as written, on recovery. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Test
    void aChangeCommittedWhileTheRelayIsDownArrivesAfterRecovery() throws Exception {
        String name = "Crash Survivor " + UUID.randomUUID();
        relay.stop();
        try {
            // The "crash": the database commits, nothing is published.
            Api.as("outbox-test", "editor", "user:dave").contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"keyEvent\":true}").post("/v1/definitions").then()
                    .statusCode(201);
            List<String[]> pending = pendingRows(name);
            assertEquals(2, pending.size(), "a DefinitionChanged and an EventDefinitionState wait in the outbox");
            assertEquals(List.of(), DefinitionResourceTest.changesFor(name));
        } finally {
            relay.start();
        }

        // Recovery: both records arrive, exactly as written in the outbox.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> DefinitionResourceTest.changesFor(name)
                .size() == 1);
        GenericRecord change = DefinitionResourceTest.changesFor(name).get(0);
        String written = publishedPayload(name, "dev.uip.schemas.DefinitionChanged");
        assertTrue(written.contains("\"changeId\":\"" + change.get("changeId") + "\""), written);
        assertEquals("CREATED", change.get("action").toString());
        assertEquals("user:dave", change.get("actor").toString());

        GenericRecord state = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<GenericRecord> states = TopicReader.records(Topics.EVENT_DEFINITIONS,
                    record -> name.equals(record.get("name").toString()));
            return states.isEmpty() ? null : states.get(0);
        }, found -> found != null);
        assertEquals("ACTIVE", state.get("status").toString());
        assertEquals(true, state.get("keyEvent"));
        assertEquals("outbox-test", state.get("workspaceId").toString());
        assertEquals(List.of(), pendingRows(name));
    }

    static List<String[]> pendingRows(String name) throws Exception {
        return rows("select record_type, payload from outbox_event where published_at is null and payload like ?",
                name);
    }

    static String publishedPayload(String name, String type) throws Exception {
        return rows("select record_type, payload from outbox_event where published_at is not null and payload like ?",
                name).stream().filter(row -> row[0].equals(type)).findFirst().orElseThrow()[1];
    }

    static List<String[]> rows(String sql, String name) throws Exception {
        List<String[]> found = new ArrayList<>();
        try (Connection owner = Db.owner(); PreparedStatement statement = owner.prepareStatement(sql)) {
            statement.setString(1, "%" + name + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        return found;
    }
}
