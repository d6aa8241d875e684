package dev.uip.definition.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.rest.AlertKafka;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;

/**
 * The whole way from the detector to a person: an alert on the real usage-alerts topic opens an incident, whose
 * notification reaches the owner team's webhook signed, and the inbox lists where it went; while a maintenance window
 * covers the event, the resolution is recorded as suppressed and nothing is sent.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AlertDeliveryEndToEndTest {

    @Test
    void anAlertReachesItsOwnerTeamsWebhookAndIsHeldBackInAMaintenanceWindow() throws Exception {
        String ws = "al-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        AlertKafka.define(ws, "Checkout Completed", true, "high", "payments");
        try (Receiver payments = Receiver.ok(); Receiver others = Receiver.ok()) {
            JsonPath channel = Notify.channel(ws, "{\"name\":\"payments hook\",\"kind\":\"WEBHOOK\",\"team\":"
                    + "\"payments\",\"url\":\"" + payments.url("/hooks/payments") + "\"}");
            Notify.webhook(ws, "default hook", null, others.url("/hooks/default"));

            AlertKafka.send(AlertKafka.alert(ws, "e2e-1", "Checkout Completed", AlertState.OPENED,
                    AlertSeverity.MEDIUM, 12, 70.0).build());
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> payments.received().size() == 1);
            Receiver.Received opened = payments.received().get(0);
            Notify.assertSigned(channel.getString("signingSecret"), opened);
            assertEquals("ALERT_OPENED", opened.header("X-UIP-Kind"));
            JsonPath body = JsonPath.from(opened.body());
            String incident = Api.as(ws, "viewer").get("/v1/alerts").then().statusCode(200).extract().jsonPath()
                    .getString("items[0].id");
            assertTrue(opened.body().contains(incident), "the payload names the incident: " + opened.body());
            assertTrue(opened.body().contains("Checkout Completed"), opened.body());
            assertTrue(body.getMap("").size() > 0);
            assertEquals(List.of(), others.received(), "the owner team has a channel: the default one stays quiet");

            JsonPath where = Api.as(ws, "viewer").queryParam("subjectType", "ALERT").queryParam("subjectId", incident)
                    .get("/v1/notifications").then().statusCode(200).extract().jsonPath();
            String notification = where.getString("[0].id");
            JsonPath settled = Notify.settled(ws, notification);
            assertEquals("DELIVERED", settled.getString("deliveries[0].status"));
            assertEquals(channel.getString("id"), settled.getString("deliveries[0].channelId"));

            Instant now = Instant.now();
            Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"event\":\"Checkout Completed\",\"startsAt\":\""
                    + now.minusSeconds(60) + "\",\"endsAt\":\"" + now.plus(1, ChronoUnit.HOURS)
                    + "\",\"reason\":\"release 4.2\"}").post("/v1/maintenance-windows").then().statusCode(201);
            AlertKafka.send(AlertKafka.alert(ws, "e2e-1", "Checkout Completed", AlertState.RESOLVED,
                    AlertSeverity.MEDIUM, 70, 70.0).build());
            String resolved = "alert:" + incident + ":resolved";
            JsonPath held = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                    () -> Api.as(ws, "viewer").get("/v1/notifications/{id}", resolved).then().extract()
                            .jsonPath(),
                    json -> "SUPPRESSED".equals(json.getString("deliveries[0].status")));
            assertTrue(held.getString("suppressedReason").contains("release 4.2"), held.prettify());
            assertEquals(1, payments.received().size(), "nothing sent while the window lasts");
        }
    }
}
