package dev.uip.audit.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.schemas.DefinitionChanged;
import dev.uip.stack.AuthorizationMatrix;
import dev.uip.stack.AuthorizationMatrix.Rule;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/**
 * Every route of audit-service, as its OpenAPI document lists them, answers only the gateway's service token: 401
 * without a valid one, viewers and above of the token's workspace only, and nothing of workspace A (which has an
 * audit entry first) for another workspace's admin: a 404 for A's trail by path or query, A's entries in no list.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class AuthorizationMatrixTest {

    @Test
    void everyRouteAnswersOnlyItsRolesOfItsWorkspace() throws Exception {
        String a = "ws-a-" + UUID.randomUUID();
        String b = "ws-b-" + UUID.randomUUID();
        String entity = "Matrix Event " + UUID.randomUUID();
        DefinitionChanged change = DefinitionChanged.newBuilder().setChangeId(UUID.randomUUID().toString())
                .setWorkspaceId(a).setActor("user:" + UUID.randomUUID()).setAction("CREATED")
                .setEntityType("EVENT_DEFINITION").setEntityId(entity).setBefore(null).setAfter("{}").setVersion(1)
                .setOccurredAt(AuditTrailTest.T0).build();
        try (KafkaProducer<String, DefinitionChanged> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true))) {
            producer.send(new ProducerRecord<>(Topics.DEFINITION_CHANGES, a, change)).get();
        }
        await().atMost(AuditTrailTest.PATIENCE).untilAsserted(() -> Calls.asViewer(a).get("/v1/audit").then()
                .statusCode(200).body("entityId", equalTo(List.of(entity))));

        Map<String, Rule> table = Map.of(
                "GET /v1/audit", Rule.own("viewer", Map.of()),
                "GET /v1/audit/{workspace}", Rule.of("viewer", Map.of("workspace", a)),
                "GET /v1/audit/{workspace}/verify", Rule.of("viewer", Map.of("workspace", a)),
                "GET /v1/audit/{workspace}/entries", Rule.of("viewer", Map.of("workspace", a)),
                "GET /v1/audit/{workspace}/export", Rule.of("viewer", Map.of("workspace", a)).withQuery("format=csv"),
                "GET /v1/audit/{workspace}/markers", Rule.of("viewer", Map.of("workspace", a)).withQuery(
                        "event=Matrix"));
        new AuthorizationMatrix(URI.create("http://localhost:" + RestAssured.port + "/"), a, b).check(table,
                List.of(a, entity, change.getChangeId(), change.getActor()));

        // the query parameter of old cannot name another workspace either
        Calls.as(b, "admin").queryParam("workspace", a).get("/v1/audit").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }
}
