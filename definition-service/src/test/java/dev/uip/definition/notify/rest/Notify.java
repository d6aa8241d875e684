package dev.uip.definition.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.definition.Api;
import dev.uip.definition.notify.domain.WebhookSignature;

/** Calls of the notify API the tests share. */
final class Notify {

    private Notify() {
    }

    static void workspace(String workspace) {
        Api.as(workspace, "admin").contentType(ContentType.JSON).body("{\"id\":\"" + workspace + "\"}")
                .post("/v1/workspaces").then().statusCode(201);
    }

    /** Creates a channel from {@code json}; answers the created channel (with its secret, for a webhook). */
    static JsonPath channel(String workspace, String json) {
        return Api.as(workspace, "admin").contentType(ContentType.JSON).body(json).post("/v1/channels").then()
                .statusCode(201).extract().jsonPath();
    }

    static String webhook(String workspace, String name, String team, String url) {
        return channel(workspace, "{\"name\":\"" + name + "\",\"kind\":\"WEBHOOK\",\"url\":\"" + url + "\""
                + (team == null ? "" : ",\"team\":\"" + team + "\"") + "}").getString("id");
    }

    /** Sends a TEST to channel {@code id}; answers the notification id. */
    static String test(String workspace, String id) {
        return Api.as(workspace, "admin").post("/v1/channels/{id}/test", id).then().statusCode(202).extract()
                .jsonPath().getString("notificationId");
    }

    /** Waits until every delivery of notification {@code id} has left PENDING; answers the notification. */
    static JsonPath settled(String workspace, String id) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.as(workspace, "viewer").get("/v1/notifications/{id}", id).then().statusCode(200)
                        .extract().jsonPath(),
                        json -> json.getString("routedAt") != null
                                && !json.getList("deliveries").isEmpty()
                                && !json.getList("deliveries.status").contains("PENDING"));
    }

    /** Checks a webhook's X-UIP-Signature against the secret and the body, as a receiver would. */
    static void assertSigned(String secret, Receiver.Received request) {
        String header = request.header(WebhookSignature.HEADER);
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        long skew = Math.abs(System.currentTimeMillis() / 1000 - t);
        assertEquals(true, skew < 300, "signature timestamp within 5 minutes: " + header);
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, parts.get("v1"), "v1 is HMAC-SHA256(secret, t + '.' + body)");
    }
}
