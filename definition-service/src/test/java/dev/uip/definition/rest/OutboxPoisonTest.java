package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.messaging.OutboxPublisher;
import dev.uip.definition.messaging.OutboxRelay;
import dev.uip.stack.Topics;

/** Outbox records that cannot be published are parked without holding back the rest; one publisher at a time. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class OutboxPoisonTest {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxPublisher publisher;

    @Test
    void aPoisonRecordIsParkedAndTheChangesAfterItFlow() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        // Written as the owner, as a bug or a hand-made row could leave them: an unknown type, an undecodable payload.
        long unknownType = insertRaw("dev.uip.schemas.NoSuchRecord", "{\"marker\":\"" + marker + "\"}");
        long undecodable = insertRaw("dev.uip.schemas.DefinitionChanged", "not avro json " + marker);

        // The next ordinary changes of other tenants: a definition, and a write key revoked.
        String name = "After Poison " + UUID.randomUUID();
        Api.as("poison-neighbour", "editor").contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}").post("/v1/definitions").then().statusCode(201);
        String keyId = Api.as("poison-keys", "admin").contentType(ContentType.JSON).body("{\"name\":\"soon revoked\"}")
                .post("/v1/workspaces/{ws}/write-keys", "poison-keys").then().statusCode(201)
                .extract().jsonPath().getString("id");
        Api.as("poison-keys", "admin").post("/v1/workspaces/{ws}/write-keys/{id}/revoke", "poison-keys", keyId).then()
                .statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> DefinitionResourceTest.changesFor(name).size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !TopicReader.records(Topics.WRITE_KEYS, record -> keyId.equals(record.get("keyId")
                        .toString()) && Boolean.TRUE.equals(record.get("revoked"))).isEmpty());

        // Both poison records end parked after the bounded number of attempts, with the reason.
        for (long id : List.of(unknownType, undecodable)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(id) != null);
            String[] row = row(id);
            assertEquals("5", row[1], "attempts of record " + id);
            assertNotNull(row[2], "last_error of record " + id);
            assertEquals(null, row[3], "published_at of record " + id);
        }
        assertTrue(row(unknownType)[2].contains("NoSuchRecord"), row(unknownType)[2]);

        // The alert metric counts them, and the service is still ready.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> parkedMetric() >= 2);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void twoRoundsRacingPublishEachRecordOnce() throws Exception {
        for (int race = 0; race < 3; race++) {
            List<String> names = new ArrayList<>();
            relay.stop();
            try {
                for (int i = 0; i < 6; i++) {
                    String name = "Once " + race + " " + UUID.randomUUID();
                    names.add(name);
                    Api.as("outbox-race", "editor").contentType(ContentType.JSON)
                            .body("{\"name\":\"" + name + "\"}").post("/v1/definitions").then().statusCode(201);
                }
                // Two relays (as two instances would run them) start a round at the same moment.
                List<OutboxPublisher.Round> rounds = raceTwoRounds();
                int published = rounds.get(0).published() + rounds.get(1).published();
                assertTrue(published >= names.size() * 2, "every pending record published: " + rounds);
            } finally {
                relay.start();
            }
            for (String name : names) {
                assertEquals(1, DefinitionResourceTest.changesFor(name).size(), name + " published once");
                assertEquals(List.of(), OutboxRelayTest.pendingRows(name));
            }
        }
    }

    private List<OutboxPublisher.Round> raceTwoRounds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<OutboxPublisher.Round>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return publisher.round().await().atMost(Duration.ofSeconds(60));
                }));
            }
            go.countDown();
            List<OutboxPublisher.Round> rounds = new ArrayList<>();
            for (Future<OutboxPublisher.Round> future : futures) {
                rounds.add(future.get(90, TimeUnit.SECONDS));
            }
            return rounds;
        } finally {
            threads.shutdownNow();
        }
    }

    static long insertRaw(String type, String payload) throws Exception {
        try (Connection owner = Db.owner();
                PreparedStatement insert = owner.prepareStatement(
                        "insert into outbox_event (workspace_id, topic, record_key, record_type, payload)"
                                + " values ('poison-test', ?, 'poison', ?, ?) returning id")) {
            insert.setString(1, Topics.DEFINITION_CHANGES);
            insert.setString(2, type);
            insert.setString(3, payload);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static String parkedAt(long id) throws Exception {
        return row(id)[0];
    }

    /** parked_at, attempts, last_error and published_at of one outbox record. */
    static String[] row(long id) throws Exception {
        try (Connection owner = Db.owner();
                PreparedStatement select = owner.prepareStatement(
                        "select parked_at, attempts, last_error, published_at from outbox_event where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new String[]{rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)};
            }
        }
    }

    static double parkedMetric() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = Pattern.compile("(?m)^uip_outbox_parked(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }
}
