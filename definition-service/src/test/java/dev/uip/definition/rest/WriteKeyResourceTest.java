package dev.uip.definition.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.keys.WriteKeyFormat;
import dev.uip.stack.Topics;

/** Write keys against real PostgreSQL and the real broker: shown once, stored and published only as a hash. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class WriteKeyResourceTest {

    static final String WS = "keys-test";

    @Test
    void issuedKeyIsShownOnceAndPublishedAsHash() {
        JsonPath issued = issue("web app");
        String id = issued.getString("id");
        String key = issued.getString("key");
        assertTrue(WriteKeyFormat.isWellFormed(key), key);
        assertEquals(WriteKeyFormat.displayPrefix(key), issued.getString("prefix"));

        Api.as(WS, "admin").get("/v1/workspaces/{ws}/write-keys", WS).then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.key", nullValue())
                .body("find { it.id == '" + id + "' }.name", equalTo("web app"));

        GenericRecord state = awaitState(WriteKeyFormat.hash(key), false);
        assertEquals(id, state.get("keyId").toString());
        assertEquals(WS, state.get("workspaceId").toString());

        List<GenericRecord> changes = TopicReader.records(Topics.DEFINITION_CHANGES,
                record -> id.equals(record.get("entityId").toString()));
        assertEquals("KEY_ISSUED", changes.get(0).get("action").toString());
        assertFalse(changes.get(0).get("after").toString().contains(key), "the audit record must not hold the key");
    }

    @Test
    void revokeAndRotate() {
        JsonPath first = issue("server");
        String firstId = first.getString("id");
        String firstKey = first.getString("key");

        JsonPath rotated = Api.as(WS, "admin").post("/v1/workspaces/{ws}/write-keys/{id}/rotate", WS, firstId).then()
                .statusCode(201).body("key", notNullValue()).body("name", equalTo("server")).extract().jsonPath();
        String secondId = rotated.getString("id");
        String secondKey = rotated.getString("key");
        assertFalse(secondKey.equals(firstKey));

        Api.as(WS, "admin").get("/v1/workspaces/{ws}/write-keys", WS).then().statusCode(200)
                .body("find { it.id == '" + firstId + "' }.revokedAt", notNullValue())
                .body("find { it.id == '" + firstId + "' }.replacedBy", equalTo(secondId))
                .body("find { it.id == '" + secondId + "' }.revokedAt", nullValue());
        awaitState(WriteKeyFormat.hash(firstKey), true);
        awaitState(WriteKeyFormat.hash(secondKey), false);

        Api.as(WS, "admin").post("/v1/workspaces/{ws}/write-keys/{id}/revoke", WS, secondId).then().statusCode(200)
                .body("revokedAt", notNullValue());
        awaitState(WriteKeyFormat.hash(secondKey), true);
        // Revoking twice is harmless.
        Api.as(WS, "admin").post("/v1/workspaces/{ws}/write-keys/{id}/revoke", WS, secondId).then().statusCode(200);
    }

    @Test
    void badRequests() {
        Api.as(WS, "admin").contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/v1/workspaces/{ws}/write-keys", "Bad WS!")
                .then().statusCode(400).body("field", equalTo("workspace"));
        Api.as(WS, "admin").contentType(ContentType.JSON).body("{\"name\": 5}")
                .post("/v1/workspaces/{ws}/write-keys", WS).then()
                .statusCode(400).body("field", equalTo("name"));
        Api.as(WS, "admin").post("/v1/workspaces/{ws}/write-keys/{id}/revoke", WS, "wk_missing").then().statusCode(404);
        // A path naming another workspace than the token's is a 404; a key of one workspace is neither revoked nor
        // listed through another.
        Api.as(WS, "admin").get("/v1/workspaces/{ws}/write-keys", "someone-else").then().statusCode(404);
        String id = issue("other").getString("id");
        Api.as("someone-else", "admin").post("/v1/workspaces/{ws}/write-keys/{id}/revoke", "someone-else", id).then()
                .statusCode(404);
        Api.as("someone-else", "admin").get("/v1/workspaces/{ws}/write-keys", "someone-else").then().statusCode(200)
                .body("id", not(hasItem(id)));
    }

    static JsonPath issue(String name) {
        return Api.as(WS, "admin", "user:bob").contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/v1/workspaces/{ws}/write-keys", WS).then().statusCode(201).extract().jsonPath();
    }

    static GenericRecord awaitState(String hash, boolean revoked) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<GenericRecord> states = TopicReader.records(Topics.WRITE_KEYS,
                    record -> hash.equals(record.get("keyHash").toString()));
            return states.isEmpty() ? null : states.get(states.size() - 1);
        }, state -> state != null && (Boolean) state.get("revoked") == revoked);
    }
}
