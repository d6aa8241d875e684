package dev.uip.audit.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.schemas.DefinitionChanged;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/**
 * What the definition-changes consumer does with records it cannot store, against the real broker and database:
 * nothing stops the channel, nothing is lost, and what can never be stored is parked on dead-letters.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class DefinitionChangeFaultsTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    static KafkaProducer<String, DefinitionChanged> avro;
    static KafkaProducer<String, byte[]> raw;

    @BeforeAll
    static void connect() {
        avro = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true));
        raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void disconnect() {
        avro.close();
        raw.close();
    }

    @AfterEach
    void serviceStaysReadyAndAlive() throws SQLException {
        // Whatever a test took away from the application role, the next one starts with it back.
        sql("GRANT INSERT ON audit_entry TO " + AuditStack.APP_ROLE);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void parksUndecodableBytesWithTheReasonAndRecordsTheNextChange() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        byte[] garbage = ("not avro at all " + workspace + " \u0000\u00ff").getBytes(StandardCharsets.UTF_8);
        // Same key, same partition: the valid change is consumed after the garbage.
        raw.send(new ProducerRecord<>(Topics.DEFINITION_CHANGES, workspace, garbage)).get();
        DefinitionChanged change = change(workspace, "CREATED", T0);
        send(change);

        await().atMost(PATIENCE).untilAsserted(() -> Calls.asViewer(workspace).get("/v1/audit")
                .then().statusCode(200).body("changeId", equalTo(List.of(change.getChangeId()))));
        ConsumerRecord<String, byte[]> parked = await().atMost(PATIENCE)
                .until(() -> DeadLetters.find(r -> Arrays.equals(garbage, r.value())), found -> found.isPresent())
                .orElseThrow();
        assertArrayEquals(garbage, parked.value());
        assertEquals(workspace, parked.key());
        assertEquals(Topics.DEFINITION_CHANGES, DeadLetters.header(parked, "dead-letter-topic"));
        assertNotNull(DeadLetters.header(parked, "dead-letter-offset"));
        assertEquals("org.apache.kafka.common.errors.RecordDeserializationException",
                DeadLetters.header(parked, "dead-letter-exception-class-name"));
        // The decoder's own words (here Apicurio's: the bytes carry no schema reference).
        String reason = DeadLetters.header(parked, "dead-letter-reason");
        assertNotNull(reason);
        assertFalse(reason.isBlank());
    }

    @Test
    void retriesWhileTheDatabaseRefusesTheInsertAndRecordsTheChangeOnceItIsAllowedAgain() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        double retriesBefore = transientRetries();
        // A real refusal by PostgreSQL (permission denied, SQLSTATE 42501), as after a botched grant or migration.
        sql("REVOKE INSERT ON audit_entry FROM " + AuditStack.APP_ROLE);
        DefinitionChanged change = change(workspace, "UPDATED", T0);
        send(change);

        await().atMost(PATIENCE).until(() -> transientRetries() >= retriesBefore + 2);
        Calls.asViewer(workspace).get("/v1/audit").then().statusCode(200).body("$", hasSize(0));
        sql("GRANT INSERT ON audit_entry TO " + AuditStack.APP_ROLE);

        await().atMost(PATIENCE).untilAsserted(() -> Calls.asViewer(workspace).get("/v1/audit")
                .then().statusCode(200).body("changeId", equalTo(List.of(change.getChangeId()))));
        assertEquals(1, rowsOf(change.getChangeId()));
        // The channel still flows after the outage.
        DefinitionChanged next = change(workspace, "PUBLISHED", T0.plusSeconds(60));
        send(next);
        await().atMost(PATIENCE).untilAsserted(() -> Calls.asViewer(workspace).get("/v1/audit")
                .then().statusCode(200).body("changeId", equalTo(List.of(next.getChangeId(),
                        change.getChangeId()))));
        assertEquals(1, rowsOf(change.getChangeId()));
    }

    @Test
    void parksAChangeTheDatabaseNeverAcceptsAndRecordsTheNextOne() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        // PostgreSQL text cannot hold NUL (SQLSTATE 22021): this change can never be stored as it is.
        DefinitionChanged poison = change(workspace, "UPDATED", T0);
        poison.setActor("mallory\u0000");
        send(poison);
        DefinitionChanged next = change(workspace, "PUBLISHED", T0.plusSeconds(60));
        send(next);

        await().atMost(PATIENCE).untilAsserted(() -> Calls.asViewer(workspace).get("/v1/audit")
                .then().statusCode(200).body("changeId", equalTo(List.of(next.getChangeId()))));
        ConsumerRecord<String, byte[]> parked = await().atMost(PATIENCE)
                .until(() -> DeadLetters.find(r -> new String(r.value(), StandardCharsets.UTF_8)
                        .contains(poison.getChangeId())), found -> found.isPresent())
                .orElseThrow();
        assertEquals(workspace, parked.key());
        assertEquals(Topics.DEFINITION_CHANGES, DeadLetters.header(parked, "dead-letter-topic"));
        assertEquals("3", DeadLetters.header(parked, "uip-attempts"));
        assertTrue(DeadLetters.header(parked, "dead-letter-reason").contains("22021"),
                DeadLetters.header(parked, "dead-letter-reason"));
        assertEquals(0, rowsOf(poison.getChangeId()));
        Calls.asViewer(workspace).get("/v1/audit").then()
                .body("changeId", hasItem(next.getChangeId()));
    }

    static double transientRetries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("uip_audit_store_retries_total")
                && l.contains("failure=\"transient\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static int rowsOf(String changeId) throws SQLException {
        try (Connection c = owner();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE change_id = ?")) {
            s.setString(1, changeId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Connection owner() throws SQLException {
        return DriverManager.getConnection(RealStack.get().postgres().jdbcUrl(AuditStack.DATABASE), "postgres", "");
    }

    static DefinitionChanged change(String workspace, String action, Instant occurredAt) {
        return DefinitionChanged.newBuilder().setChangeId(UUID.randomUUID().toString()).setWorkspaceId(workspace)
                .setActor("alice").setAction(action).setEntityType("EVENT_DEFINITION").setEntityId("Invoice Sent")
                .setBefore("{}").setAfter("{}").setVersion(1).setOccurredAt(occurredAt).build();
    }

    static void send(DefinitionChanged change) throws Exception {
        avro.send(new ProducerRecord<>(Topics.DEFINITION_CHANGES, change.getWorkspaceId(), change)).get();
    }
}
