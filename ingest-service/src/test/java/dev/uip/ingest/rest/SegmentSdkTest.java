package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;

import dev.uip.stack.RealStackResource;

/** The unmodified Segment Java SDK (analytics-java from Maven Central), pointed at this host, delivers every call. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class SegmentSdkTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyCallOfTheSdkLandsOnTheRawTopic() {
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        String key = TestKeys.issue("sdk-test");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType("application/json").body("{\"event\":\"warm-up\",\"userId\":\"u\"}")
                .post("/v1/track").statusCode() == 200);
        Analytics analytics = Analytics.builder(key)
                .endpoint(base.toString())
                .flushQueueSize(50)
                .flushInterval(1, TimeUnit.SECONDS)
                .callback(new Callback() {

                    @Override
                    public void success(Message message) {
                        delivered.add(message.messageId());
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failed.add(message.messageId() + ": " + throwable);
                    }
                })
                .build();
        String run = UUID.randomUUID().toString();
        List<String> ids = List.of("track-" + run, "identify-" + run, "page-" + run, "screen-" + run,
                "group-" + run, "alias-" + run);
        analytics.enqueue(TrackMessage.builder("Report Exported").userId("u-" + run).messageId(ids.get(0))
                .properties(Map.of("format", "csv", "rows", 120)));
        analytics.enqueue(IdentifyMessage.builder().userId("u-" + run).messageId(ids.get(1))
                .traits(Map.of("plan", "pro")));
        analytics.enqueue(PageMessage.builder("Pricing").anonymousId("a-" + run).messageId(ids.get(2)));
        analytics.enqueue(ScreenMessage.builder("Home").userId("u-" + run).messageId(ids.get(3)));
        analytics.enqueue(GroupMessage.builder("acme").userId("u-" + run).messageId(ids.get(4)));
        analytics.enqueue(AliasMessage.builder("old-" + run).userId("u-" + run).messageId(ids.get(5)));
        analytics.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() + failed.size() >= ids.size());
        analytics.shutdown();
        assertTrue(failed.isEmpty(), () -> "SDK reported failures: " + failed);
        assertEquals(Set.copyOf(ids), Set.copyOf(delivered));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> raw = given().header("Authorization", TestKeys.viewerOf(key))
                    .queryParam("limit", 200)
                    .get("/v1/inspect/raw").then()
                    .statusCode(200).extract().jsonPath().getList("value");
            Map<String, String> typeById = new java.util.HashMap<>();
            for (Map<String, Object> value : raw) {
                typeById.put(String.valueOf(value.get("messageId")), String.valueOf(value.get("type")));
            }
            assertEquals("TRACK", typeById.get(ids.get(0)));
            assertEquals("IDENTIFY", typeById.get(ids.get(1)));
            assertEquals("PAGE", typeById.get(ids.get(2)));
            assertEquals("SCREEN", typeById.get(ids.get(3)));
            assertEquals("GROUP", typeById.get(ids.get(4)));
            assertEquals("ALIAS", typeById.get(ids.get(5)));
        });
    }
}
