package dev.uip.anomaly.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.stack.AuthorizationMatrix;
import dev.uip.stack.AuthorizationMatrix.Rule;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * Every route of anomaly-service, as its OpenAPI document lists them, answers only the gateway's service token:
 * 401 without a valid one, 403 below the route's role, and 404 to another workspace's admin for workspace A's
 * trends, counts and key events (A has a key event with a count first).
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
class AuthorizationMatrixTest {

    @Test
    void everyRouteAnswersOnlyItsRolesOfItsWorkspace() throws Exception {
        String a = "ws-a-" + UUID.randomUUID();
        String b = "ws-b-" + UUID.randomUUID();
        String event = "Matrix Event " + UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaProducer<String, Object> producer = CountEndToEndTest.producer()) {
            producer.send(new ProducerRecord<>(Topics.EVENT_DEFINITIONS, a + "/" + event, CountEndToEndTest.state(a,
                    event, true, DefinitionStatus.ACTIVE, "critical"))).get();
            producer.send(new ProducerRecord<>(Topics.VALIDATED, a, ValidatedUsageEvent.newBuilder()
                    .setWorkspaceId(a).setMessageId(UUID.randomUUID().toString()).setType(MessageType.TRACK)
                    .setEvent(event).setUserId("user-1").setTimestamp(now).setReceivedAt(now).build())).get();
        }
        await().atMost(CountEndToEndTest.PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> Calls
                .asViewer(a).get("/v1/key-events/{workspace}", a).then().statusCode(200)
                .body("total", equalTo(List.of(1))));

        Map<String, String> ws = Map.of("workspace", a);
        String series = "event=" + event.replace(" ", "%20");
        Map<String, Rule> table = Map.of(
                "GET /v1/counts/{workspace}/{event}", Rule.of("viewer", Map.of("workspace", a, "event", event)),
                "GET /v1/key-events/{workspace}", Rule.of("viewer", ws),
                "GET /v1/trends/{workspace}/series", Rule.of("viewer", ws).withQuery(series),
                "GET /v1/trends/{workspace}/stats", Rule.of("viewer", ws).withQuery(series),
                "GET /v1/trends/{workspace}/events", Rule.of("viewer", ws),
                "GET /v1/trends/{workspace}/alerts", Rule.of("viewer", ws).withQuery("state=all"),
                "GET /v1/trends/{workspace}/critical-gap-rate", Rule.of("viewer", ws),
                // a replay of stored history: no writes, but CPU, so editors only
                "POST /v1/trends/{workspace}/preview", Rule.of("editor", ws).withBody("{\"event\":\"" + event
                        + "\",\"kind\":\"ABOVE\",\"rule\":{\"threshold\":5,\"windowMinutes\":5}}"));

        new AuthorizationMatrix(URI.create("http://localhost:" + RestAssured.port + "/"), a, b).check(table,
                List.of(a, event));
    }
}
