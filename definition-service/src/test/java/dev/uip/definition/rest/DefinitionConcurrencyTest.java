package dev.uip.definition.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;

/** Requests that race: changes of one definition, and creates of many definitions in one (new) workspace. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class DefinitionConcurrencyTest {

    static final String WS = "concurrency";

    static String body(String name, String extraProperty) {
        return body(name, extraProperty, null);
    }

    static String body(String name, String extraProperty, String ownerTeam) {
        return "{\"name\":\"" + name + "\"" + (ownerTeam == null ? "" : ",\"ownerTeam\":\"" + ownerTeam + "\"")
                + ",\"properties\":[{\"name\":\"plan\",\"type\":\"string\"}"
                + (extraProperty == null ? "" : ",{\"name\":\"" + extraProperty + "\",\"type\":\"string\"}") + "]}";
    }

    /** The body of change {@code i} of a round. */
    interface Change {

        String body(String name, int round, int i);
    }

    @Test
    void twoConcurrentChangesOfOneDefinitionGiveOne200AndOne409() throws Exception {
        // Changes of the schema (each registers first) and changes of metadata only (straight to the database).
        racedChanges((name, round, i) -> body(name, "p" + round + "_" + i));
        racedChanges((name, round, i) -> body(name, null, "team-" + round + "-" + i));
    }

    /** Races two changes of a new definition, several rounds. */
    private void racedChanges(Change change) throws Exception {
        String name = "Raced " + UUID.randomUUID();
        Api.as(WS, "editor").contentType(ContentType.JSON).body(body(name, null))
                .post("/v1/definitions").then().statusCode(201);

        int rounds = 6;
        int bothRaced = 0;
        int accepted = 0;
        for (int round = 0; round < rounds; round++) {
            int r = round;
            List<Response> answers = race(2, i -> Api.as(WS, "editor")
                    .contentType(ContentType.JSON).body(change.body(name, r, i)).put("/v1/definitions/{name}", name));
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            for (Response answer : answers) {
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 409,
                        "round " + round + ": " + answer.statusCode() + " " + answer.asString());
                if (answer.statusCode() == 409) {
                    assertEquals("CONCURRENT_CHANGE", answer.jsonPath().getString("code"), answer.asString());
                }
            }
            assertTrue(statuses.contains(200), "round " + round + ": one of two changes wins: " + statuses);
            accepted += (int) statuses.stream().filter(s -> s == 200).count();
            if (statuses.equals(List.of(200, 409))) {
                bothRaced++;
            }
        }
        // The requests did overlap (a test that never raced would prove nothing).
        assertTrue(bothRaced > 0, "no round raced");
        // Every accepted change is one version, and no version was lost or written twice.
        List<Integer> versions = Api.as(WS, "viewer").get("/v1/definitions/{name}/versions", name)
                .then().statusCode(200).extract().jsonPath().getList("version", Integer.class);
        assertEquals(accepted + 1, versions.size(), versions.toString());
        Api.as(WS, "viewer").get("/v1/definitions/{name}", name).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(accepted + 1));
    }

    @Test
    void eightConcurrentCreatesInOneWorkspaceAllSucceed() throws Exception {
        // A workspace that does not exist yet: all eight also race to create it.
        String workspace = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "Burst " + UUID.randomUUID() + " ";
        List<Response> answers = race(8, i -> Api.as(workspace, "editor")
                .contentType(ContentType.JSON).body(body(prefix + i, "p" + i)).post("/v1/definitions"));
        for (Response answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
        }
        assertEquals(8, Api.as(workspace, "viewer").get("/v1/definitions").then().statusCode(200)
                .extract().jsonPath().getInt("total"));
        Api.as(workspace, "viewer").get("/v1/workspaces/{ws}", workspace).then().statusCode(200);
    }

    /** Runs {@code count} requests released at the same moment and returns their answers. */
    static List<Response> race(int count, IntFunction<Response> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
