package dev.uip.audit.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.audit.Changes;
import dev.uip.audit.service.AuditTrail;
import dev.uip.schemas.DefinitionChanged;

/** Verification reads a long chain batch by batch: 5,000 entries verify in seconds on the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class VerifyScaleTest {

    static final int ENTRIES = 5_000;

    @Inject
    AuditTrail trail;

    @Test
    void verifiesFiveThousandEntries() {
        String workspace = "ws-" + UUID.randomUUID();
        long appendStart = System.nanoTime();
        for (int chunk = 0; chunk < ENTRIES / 100; chunk++) {
            List<CompletableFuture<?>> appends = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                DefinitionChanged change = Changes.of(workspace, "UPDATED", Instant.parse("2026-11-23T12:00:00Z")
                        .plusSeconds(chunk * 100L + i));
                change.setAfter("{\"description\":\"" + "d".repeat(200) + "\",\"n\":" + i + "}");
                appends.add(trail.record(change).subscribeAsCompletionStage());
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
        }
        Duration appending = Duration.ofNanos(System.nanoTime() - appendStart);

        long start = System.nanoTime();
        Calls.asViewer(workspace).get("/v1/audit/{workspace}/verify", workspace).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(ENTRIES));
        Duration verifying = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("audit chain: %d entries appended in %d ms (100 racing at a time), verified in %d ms%n",
                ENTRIES, appending.toMillis(), verifying.toMillis());
        assertTrue(verifying.compareTo(Duration.ofSeconds(30)) < 0, "verification took " + verifying);
    }
}
