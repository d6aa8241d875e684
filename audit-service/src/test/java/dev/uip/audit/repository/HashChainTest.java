package dev.uip.audit.repository;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.audit.Chains;
import dev.uip.audit.Changes;
import dev.uip.audit.Db;
import dev.uip.audit.domain.ChainHead;
import dev.uip.audit.service.AuditTrail;
import dev.uip.schemas.DefinitionChanged;

/**
 * Each workspace's entries form one hash chain in the real PostgreSQL: sequences 1, 2, ... without gaps and each hash
 * linked to the previous one, however many appends race and however often a change is delivered again.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class HashChainTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Inject
    AuditTrail trail;

    @Test
    void concurrentAppendsAndRedeliveriesGiveOneUnforkedChainPerWorkspace() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        String neighbour = "ws-" + UUID.randomUUID();
        List<DefinitionChanged> changes = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> changes.add(Changes.of(i % 3 == 0 ? neighbour : workspace, "UPDATED",
                T0.plusSeconds(i))));
        List<CompletableFuture<Optional<ChainHead>>> appends = new ArrayList<>();
        // Every change twice, all at once: as two instances consuming after a rebalance would.
        for (int round = 0; round < 2; round++) {
            for (DefinitionChanged change : changes) {
                appends.add(trail.record(change).subscribeAsCompletionStage());
            }
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();

        long recorded = appends.stream().map(CompletableFuture::join).filter(Optional::isPresent).count();
        assertEquals(30, recorded);
        assertEquals(20, Chains.assertIntact(AuditStack.DATABASE, workspace));
        assertEquals(10, Chains.assertIntact(AuditStack.DATABASE, neighbour));
        List<Long> heads = appends.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                .filter(head -> head.workspace().equals(workspace)).map(ChainHead::sequence).sorted().toList();
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), heads);
        for (DefinitionChanged change : changes) {
            assertEquals(1, Db.number("SELECT count(*) FROM audit_entry WHERE change_id = ?", change.getChangeId()));
        }
    }

    @Test
    void theSameChangeConsumedTwiceIsOneEntryAndTheNextTakesTheNextSequence() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        DefinitionChanged change = Changes.of(workspace, "UPDATED", T0);
        Changes.send(change);
        Changes.send(change);
        DefinitionChanged marker = Changes.of(workspace, "PUBLISHED", T0.plusSeconds(60));
        Changes.send(marker);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Calls.asViewer(workspace).get("/v1/audit")
                .then().statusCode(200).body("changeId", equalTo(List.of(marker.getChangeId(),
                        change.getChangeId()))));
        Calls.asViewer(workspace).get("/v1/audit").then().body("sequence", equalTo(List.of(2, 1)));
        assertEquals(2, Chains.assertIntact(AuditStack.DATABASE, workspace));
        Optional<ChainHead> again = trail.record(change).await().atMost(Duration.ofSeconds(30));
        assertTrue(again.isEmpty());
    }
}
