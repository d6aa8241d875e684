package dev.uip.ingest.durability;

import static io.restassured.RestAssured.given;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.uip.ingest.durability.TrackLoad.Outcome;

/**
 * The durability promise under a broker outage mid-load: every request is answered 200 or 503 (with Retry-After),
 * and every event answered 200 is on usage-events-raw afterwards. The service runs against its own 3-broker cluster
 * (topics as in production: 3 replicas, min.insync.replicas=2), never against the broker other test classes share.
 * <p>
 * Under steady load the brokers are stopped one by one (leader failover, then too few replicas, then none) and
 * started again. While fewer than two brokers run, no request may be answered 200: that catches an edge answering
 * before acks=all completes, which the final topic check alone could miss, since the producer delivers unacknowledged
 * records once the brokers are back.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnCluster.class)
class BrokerOutageTest {

    /** Restarts Quarkus for this class only, on a private cluster, without the global test resources. */
    public static class OwnCluster implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ReplicatedClusterResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Expected while brokers are down: thousands of refused connections and NOT_ENOUGH_REPLICAS errors.
            return Map.of("quarkus.log.category.\"state.change.logger\".level", "WARN",
                    "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR",
                    "quarkus.log.category.\"kafka.server.ReplicaManager\".level", "OFF");
        }
    }

    static final int REQUESTS_PER_SECOND = 60;
    static final int MAX_REQUESTS = 6_000;
    static final Duration PHASE_LIMIT = Duration.ofSeconds(60);

    /** Injected by {@link ReplicatedClusterResource}. */
    ReplicatedCluster cluster;

    @TestHTTPResource("/v1/track")
    URI track;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEventIsOnTheTopicAfterTheOutage() throws Exception {
        String runId = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String key = ClusterClients.issueWriteKey(cluster.bootstrapServers(), registryUrl, runId);
        await("the new write key is accepted").atMost(PHASE_LIMIT).until(() -> warmUp(key) == 200);
        List<Integer> brokers = cluster.brokerIds();

        List<Outcome> outcomes;
        long restartedAt;
        try {
            try (TrackLoad load = TrackLoad.start(track, key, runId, REQUESTS_PER_SECOND, MAX_REQUESTS, "all-up")) {
                awaitAnswers(load, "all-up", 200, 100);

                // Two replicas remain, enough for min.insync.replicas: leadership fails over and writes go on.
                load.phase("one-down");
                cluster.stopBroker(brokers.get(0));
                awaitAnswers(load, "one-down", 200, 100);

                // One replica left, below min.insync.replicas: from now on no write can be acknowledged.
                cluster.stopBroker(brokers.get(1));
                load.phase("two-down");
                awaitAnswers(load, "two-down", 503, 30);

                // No broker at all.
                cluster.stopBroker(brokers.get(2));
                load.phase("all-down");
                awaitAnswers(load, "all-down", 503, 30);
                await("readiness goes down while no broker can be reached").atMost(PHASE_LIMIT)
                        .until(() -> given().get("/q/health/ready").statusCode() == 503);

                load.phase("restarted");
                restartedAt = System.nanoTime();
                brokers.parallelStream().forEach(cluster::startBroker);
                awaitAnswers(load, "restarted", 200, 100);
                outcomes = load.stop();
            }
        } finally {
            cluster.startStoppedBrokers();
        }
        await("the service is ready again without a restart").atMost(PHASE_LIMIT)
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/live").then().statusCode(200);

        Map<String, Long> unexpected = outcomes.stream().filter(o -> o.status() != 200 && o.status() != 503)
                .collect(groupingBy(o -> o.error() != null ? o.error().toString() : "HTTP " + o.status(), counting()));
        assertEquals(Map.of(), unexpected, "every request must be answered 200 or 503");
        List<String> withoutRetryAfter = outcomes.stream()
                .filter(o -> o.status() == 503 && (o.retryAfter() == null || !o.retryAfter().matches("[1-9][0-9]*")))
                .map(Outcome::messageId).toList();
        assertEquals(List.of(), withoutRetryAfter, "every 503 must carry Retry-After");
        List<String> acknowledgedWithoutQuorum = outcomes.stream()
                .filter(o -> o.status() == 200 && Set.of("two-down", "all-down").contains(o.phase())
                        && o.answeredAt() < restartedAt)
                .map(Outcome::messageId).toList();
        assertEquals(List.of(), acknowledgedWithoutQuorum,
                "no request can be answered 200 while fewer brokers run than min.insync.replicas");

        Set<String> acknowledged = ids(outcomes, 200);
        Set<String> rejected = ids(outcomes, 503);
        try (var raw = new ClusterClients.RawTopicReader(cluster.bootstrapServers(), registryUrl)) {
            await("every event answered 200 is on usage-events-raw").atMost(PHASE_LIMIT).untilAsserted(() -> {
                Set<String> missing = new HashSet<>(acknowledged);
                missing.removeAll(raw.poll().keySet());
                assertTrue(missing.isEmpty(), () -> missing.size() + " of " + acknowledged.size()
                        + " events answered 200 are not on usage-events-raw, e.g. " + missing.stream().limit(10)
                                .toList());
            });
            Map<String, Integer> stored = raw.poll();
            System.out.printf("BrokerOutageTest: answers by phase %s; all %d acknowledged events stored, "
                    + "%d events stored more than once, %d of %d events answered 503 stored anyway%n",
                    byPhase(outcomes), acknowledged.size(), stored.values().stream().filter(n -> n > 1).count(),
                    rejected.stream().filter(stored::containsKey).count(), rejected.size());
        }
    }

    static void awaitAnswers(TrackLoad load, String phase, int status, int count) {
        await(count + " answers " + status + " to requests sent in phase " + phase).atMost(PHASE_LIMIT)
                .until(() -> load.answered(phase, status) >= count);
    }

    static int warmUp(String key) {
        return given().auth().preemptive().basic(key, "").contentType(ContentType.JSON)
                .body("{\"event\":\"Warm Up\",\"userId\":\"u\"}").post("/v1/track").statusCode();
    }

    static Set<String> ids(List<Outcome> outcomes, int status) {
        Set<String> ids = new HashSet<>();
        outcomes.stream().filter(o -> o.status() == status).forEach(o -> ids.add(o.messageId()));
        return ids;
    }

    static Map<String, Map<Integer, Long>> byPhase(List<Outcome> outcomes) {
        return outcomes.stream().collect(groupingBy(Outcome::phase, LinkedHashMap::new,
                groupingBy(Outcome::status, TreeMap::new, counting())));
    }
}
