package dev.uip.audit.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.audit.Changes;
import dev.uip.audit.Db;
import dev.uip.stack.TestTokens;

/**
 * Verification of a workspace's chain on the real stack, after a superuser (triggers off) tampered with it: a modified
 * field, a deleted row, two swapped rows and a cut tail are each found at the right sequence; an intact chain
 * verifies; {@code ./uip audit verify} exits 0 or 1 with the first broken sequence.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class VerifyTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void anIntactChainVerifiesUpToItsPublishedHead() throws Exception {
        String workspace = chainOfFour();
        Calls.asViewer(workspace).get("/v1/audit/{workspace}/verify", workspace).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(4)).body("headSequence", equalTo(4))
                .body("firstBrokenSequence", nullValue()).body("problem", nullValue());
        Script script = uip(workspace);
        assertEquals(0, script.exit(), script.output());
        assertTrue(script.output().contains("intact: 4 entries"), script.output());
    }

    @Test
    void findsAModifiedField() throws Exception {
        String workspace = chainOfFour();
        Db.tamper("UPDATE audit_entry SET actor = 'mallory' WHERE workspace_id = '" + workspace
                + "' AND sequence = 2");
        expectBroken(workspace, 2, "MODIFIED");
        Script script = uip(workspace);
        assertEquals(1, script.exit(), script.output());
        assertTrue(script.output().contains("BROKEN at sequence 2: MODIFIED"), script.output());
    }

    @Test
    void findsADeletedRow() throws Exception {
        String workspace = chainOfFour();
        Db.tamper("DELETE FROM audit_entry WHERE workspace_id = '" + workspace + "' AND sequence = 2");
        expectBroken(workspace, 2, "MISSING");
    }

    @Test
    void findsTwoSwappedRows() throws Exception {
        String workspace = chainOfFour();
        String where = "WHERE workspace_id = '" + workspace + "' AND sequence = ";
        Db.tamper("UPDATE audit_entry SET sequence = 1000002 " + where + "2",
                "UPDATE audit_entry SET sequence = 2 " + where + "3",
                "UPDATE audit_entry SET sequence = 3 " + where + "1000002");
        expectBroken(workspace, 2, "REORDERED");
    }

    @Test
    void findsATruncatedTail() throws Exception {
        String workspace = chainOfFour();
        Db.tamper("DELETE FROM audit_entry WHERE workspace_id = '" + workspace + "' AND sequence >= 3");
        expectBroken(workspace, 3, "TRUNCATED");
        Script script = uip(workspace);
        assertEquals(1, script.exit(), script.output());
        assertTrue(script.output().contains("BROKEN at sequence 3: TRUNCATED"), script.output());
    }

    @Test
    void findsATailCutAndGrownAgain() throws Exception {
        String workspace = chainOfFour();
        Db.tamper("DELETE FROM audit_entry WHERE workspace_id = '" + workspace + "' AND sequence = 4");
        // A new change takes sequence 4 with another hash; its head is not published over the old one.
        Changes.send(Changes.of(workspace, "ARCHIVED", T0.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.number(
                "SELECT count(*) FROM audit_entry WHERE workspace_id = ?", workspace) == 4);
        expectBroken(workspace, 4, "TRUNCATED");
    }

    @Test
    void anotherWorkspaceIsNotFound() {
        Calls.asViewer("other").get("/v1/audit/{workspace}/verify", "ws-" + UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    static void expectBroken(String workspace, int sequence, String problem) {
        Calls.asViewer(workspace).get("/v1/audit/{workspace}/verify", workspace).then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenSequence", equalTo(sequence))
                .body("problem", equalTo(problem)).body("headSequence", equalTo(4));
    }

    /** A workspace with four entries whose head 4 is published. */
    static String chainOfFour() {
        String workspace = "ws-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            var change = Changes.of(workspace, "UPDATED", T0.plusSeconds(i));
            change.setAfter("{\"step\":" + i + "}");
            change.setVersion(i + 1);
            Changes.send(change);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Calls.asViewer(workspace)
                .get("/v1/audit/{workspace}/verify", workspace).then().statusCode(200)
                .body("headSequence", equalTo(4)).body("intact", equalTo(true)));
        return workspace;
    }

    /** How {@code ./uip audit verify} ended and what it printed. */
    record Script(int exit, String output) {
    }

    /** Runs {@code ./uip audit verify} against this service with a viewer's token. */
    static Script uip(String workspace) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "uip").toString(), "audit", "verify",
                "--url", "http://localhost:" + RestAssured.port, workspace).redirectErrorStream(true);
        builder.environment().put("UIP_API_TOKEN", TestTokens.bearer(workspace, "viewer").substring(
                "Bearer ".length()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "./uip audit verify did not end");
        return new Script(process.exitValue(), output);
    }
}
