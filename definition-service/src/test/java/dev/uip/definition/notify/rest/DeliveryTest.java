package dev.uip.definition.notify.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.domain.AlertSeverity;
import dev.uip.definition.notify.domain.Notification;
import dev.uip.definition.notify.domain.NotificationKind;
import dev.uip.definition.notify.messaging.DeliveryRound;
import dev.uip.definition.notify.repository.Notifications;
import dev.uip.definition.repository.WorkspaceScope;

/**
 * The router and delivery worker on the real stack (test profile: backoff 300 ms doubling, 3 attempts, FAILING after 3
 * consecutive failures): retries, giving up, channel health, Slack's shape, suppression, team routing and paging, and
 * concurrent rounds that send each delivery once.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class DeliveryTest {

    final String ws = "nt-dl-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    WorkspaceScope scope;

    @Inject
    Notifications notifications;

    @Inject
    DeliveryRound rounds;

    @Inject
    ObjectMapper json;

    @Test
    void aReceiverFailingTwiceGetsThreeAttemptsWithGrowingDelaysAndOneDelivery() throws Exception {
        Notify.workspace(ws);
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 503 : 200)) {
            String channel = Notify.webhook(ws, "flaky", "payments", receiver.url("/hook"));
            String id = alert("payments", false, null);
            JsonPath settled = Notify.settled(ws, id);
            assertEquals(1, settled.getList("deliveries").size(), "one delivery to the team's one channel");
            assertEquals("DELIVERED", settled.getString("deliveries[0].status"));
            assertEquals(3, settled.getInt("deliveries[0].attempts"));
            assertEquals(List.of(503, 503, 200), settled.getList("deliveries[0].attemptLog.statusCode"));
            assertEquals(channel, settled.getString("deliveries[0].channelId"));

            List<Receiver.Received> got = receiver.received();
            assertEquals(3, got.size());
            assertEquals(1, new HashSet<>(got.stream().map(r -> r.header("X-UIP-Delivery")).toList()).size(),
                    "the same delivery each time");
            Duration first = Duration.between(got.get(0).at(), got.get(1).at());
            Duration second = Duration.between(got.get(1).at(), got.get(2).at());
            assertTrue(first.toMillis() >= 300, "first retry after the first backoff: " + first);
            assertTrue(second.toMillis() >= 600, "second retry after twice the first: " + second);
            Api.as(ws, "viewer").get("/v1/channels/{id}", channel).then().body("status", equalTo("HEALTHY"))
                    .body("consecutiveFailures", equalTo(0));
        }
    }

    @Test
    void aReceiverAlwaysFailingMakesTheDeliveryDeadAndTheChannelFailingUntilASuccess() throws Exception {
        Notify.workspace(ws);
        try (Receiver receiver = new Receiver(n -> 500)) {
            String channel = Notify.webhook(ws, "down", null, receiver.url("/hook"));
            JsonPath settled = Notify.settled(ws, alert(null, false, null));
            assertEquals("DEAD", settled.getString("deliveries[0].status"));
            assertEquals(3, settled.getInt("deliveries[0].attempts"));
            assertEquals(500, settled.getInt("deliveries[0].lastStatusCode"));
            Api.as(ws, "viewer").get("/v1/channels/{id}", channel).then().body("status", equalTo("FAILING"))
                    .body("consecutiveFailures", equalTo(3)).body("lastError", equalTo("HTTP 500: status 500"));
            Api.as(ws, "viewer").get("/v1/deliveries?channel={c}&status=DEAD", channel).then().statusCode(200)
                    .body("size()", equalTo(1));

            receiver.answer(n -> 200);
            Notify.settled(ws, Notify.test(ws, channel));
            Api.as(ws, "viewer").get("/v1/channels/{id}", channel).then().body("status", equalTo("HEALTHY"))
                    .body("consecutiveFailures", equalTo(0));

            // A 4xx other than 408/429 is not retried.
            receiver.answer(n -> 410);
            JsonPath gone = Notify.settled(ws, alert(null, false, null));
            assertEquals("DEAD", gone.getString("deliveries[0].status"));
            assertEquals(1, gone.getInt("deliveries[0].attempts"));
        }
    }

    @Test
    void slackGetsTextAndASuppressedNotificationIsRecordedButNotSent() throws Exception {
        Notify.workspace(ws);
        try (Receiver receiver = Receiver.ok()) {
            Notify.channel(ws, "{\"name\":\"slack\",\"kind\":\"SLACK\",\"url\":\"" + receiver.url("/services/T/B/X")
                    + "\"}");
            Notify.settled(ws, alert(null, false, null));
            assertEquals(1, receiver.received().size());
            JsonPath body = JsonPath.from(receiver.received().get(0).body());
            assertEquals("*Checkout volume dropped*\nfewer than 5 &lt; 10 events", body.getString("text"));
            assertEquals(null, receiver.received().get(0).header("X-UIP-Signature"));

            JsonPath suppressed = Notify.settled(ws, alert(null, false, "maintenance window w1: deploy"));
            assertEquals("SUPPRESSED", suppressed.getString("deliveries[0].status"));
            assertEquals("maintenance window w1: deploy", suppressed.getString("suppressedReason"));
            // A later notification arrives, the suppressed one never did.
            Notify.settled(ws, alert(null, false, null));
            assertEquals(2, receiver.received().size());
        }
    }

    @Test
    void routesToTheTeamElseTheDefaultChannelsAndPagesThePagingChannel() throws Exception {
        Notify.workspace(ws);
        try (Receiver team = Receiver.ok(); Receiver fallback = Receiver.ok(); Receiver pager = Receiver.ok()) {
            Notify.webhook(ws, "payments", "Payments", team.url("/t"));
            Notify.webhook(ws, "default", null, fallback.url("/d"));
            Notify.channel(ws, "{\"name\":\"pager\",\"kind\":\"WEBHOOK\",\"paging\":true,\"url\":\""
                    + pager.url("/p") + "\"}");
            // The pager is a default channel as well, so without a team it hears everything.
            assertEquals(List.of("payments"), channels(alert("payments", false, null)));
            assertEquals(List.of("default", "pager"), channels(alert("search", false, null)));
            assertEquals(List.of("pager", "payments"), channels(alert("payments", true, null)));
            assertEquals(2, team.received().size());
            assertEquals(1, fallback.received().size());
            assertEquals(2, pager.received().size());
        }
    }

    @Test
    void concurrentRoundsSendEachDeliveryOnce() throws Exception {
        Notify.workspace(ws);
        try (Receiver receiver = Receiver.ok()) {
            Notify.webhook(ws, "busy", "concurrency", receiver.url("/hook"));
            List<Notification> many = IntStream.range(0, 30).mapToObj(i -> notification("concurrency", false, null))
                    .toList();
            scope.sql(ws, connection -> {
                Uni<Boolean> chain = Uni.createFrom().item(true);
                for (Notification n : many) {
                    chain = chain.chain(() -> notifications.add(connection, n));
                }
                return chain;
            }).await().atMost(Duration.ofSeconds(30));
            // Four rounds of this test at once, racing the instance's own worker.
            List<Uni<DeliveryRound.Result>> racing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(rounds.run());
            }
            Uni.join().all(racing).andCollectFailures().await().atMost(Duration.ofSeconds(60));
            many.forEach(n -> Notify.settled(ws, n.id()));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() >= 30);
            List<String> deliveries = receiver.received().stream().map(r -> r.header("X-UIP-Delivery")).toList();
            assertEquals(30, deliveries.size(), "each delivery sent once");
            assertEquals(30, new HashSet<>(deliveries).size());
        }
    }

    private List<String> channels(String notificationId) {
        return Notify.settled(ws, notificationId).getList("deliveries.channelName", String.class).stream().sorted()
                .toList();
    }

    private String alert(String team, boolean page, String suppressed) {
        Notification n = notification(team, page, suppressed);
        scope.sql(ws, connection -> notifications.add(connection, n)).await().atMost(Duration.ofSeconds(30));
        return n.id();
    }

    private Notification notification(String team, boolean page, String suppressed) {
        String incident = UUID.randomUUID().toString();
        var payload = json.createObjectNode().put("kind", "ALERT_OPENED").put("incidentId", incident);
        return new Notification(ws, "alert:" + incident + ":opened", NotificationKind.ALERT_OPENED, team, "Checkout",
                AlertSeverity.HIGH, page, "Checkout volume dropped", "fewer than 5 < 10 events", payload, suppressed,
                "ALERT", incident, Instant.now());
    }
}
