package dev.uip.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.uip.ingest.domain.BrokerBackloggedException;

class InFlightBudgetTest {

    static final long MB = 1024 * 1024;

    @Test
    void aBackloggedWorkspaceIsRefusedWhileOthersAreServed() {
        InFlightBudget budget = new InFlightBudget(100_000, 16 * MB);
        InFlightBudget.Lease first = budget.acquire("noisy", 1000, 10 * MB);
        budget.acquire("noisy", 500, 5 * MB);
        BrokerBackloggedException refused = assertThrows(BrokerBackloggedException.class,
                () -> budget.acquire("noisy", 200, 2 * MB));
        assertTrue(refused.getMessage().contains("noisy"), refused.getMessage());
        InFlightBudget.Lease quiet = budget.acquire("quiet", 10, 2 * MB);
        assertEquals(15 * MB, budget.bytes("noisy"));
        assertEquals(2 * MB, budget.bytes("quiet"));
        assertEquals(1510, budget.events(), "the refused request holds nothing");

        first.settle(1000);
        budget.acquire("noisy", 200, 2 * MB);
        quiet.settle(10);
        assertEquals(0, budget.bytes("quiet"));
    }

    @Test
    void aWorkspaceWithNothingInFlightGetsOneRequestThroughWhateverItsSize() {
        InFlightBudget budget = new InFlightBudget(100_000, MB);
        InFlightBudget.Lease big = budget.acquire("ws", 2500, 4 * MB);
        assertThrows(BrokerBackloggedException.class, () -> budget.acquire("ws", 1, 1));
        big.settle(2500);
        assertEquals(0, budget.bytes(), "released");
        assertEquals(0, budget.workspaces(), "no entry is left behind for a workspace with nothing in flight");
    }

    @Test
    void theTotalEventLimitHoldsOverAllWorkspaces() {
        InFlightBudget budget = new InFlightBudget(100, 16 * MB);
        budget.acquire("a", 60, 1000);
        assertThrows(BrokerBackloggedException.class, () -> budget.acquire("b", 41, 1000));
        assertEquals(60, budget.events());
        assertEquals(0, budget.bytes("b"), "a refusal by event count takes no bytes either");
        budget.acquire("b", 40, 1000);
    }

    @Test
    void aLeaseIsGivenBackOnceWhenAllItsRecordsAreSettledHoweverThatHappens() {
        InFlightBudget budget = new InFlightBudget(100_000, 16 * MB);
        InFlightBudget.Lease lease = budget.acquire("ws", 10, 10_000);
        // Three records acknowledged, one failed, then the send loop gave up on the remaining six at once.
        lease.settle(1);
        lease.settle(1);
        lease.settle(1);
        lease.settle(1);
        assertEquals(10_000, budget.bytes("ws"), "held until the last record is settled");
        lease.settle(6);
        assertEquals(0, budget.bytes("ws"));
        assertEquals(0, budget.events());
        lease.settle(1);
        assertEquals(0, budget.bytes(), "a stray late settle does not give back twice");
        assertEquals(0, budget.events());
        InFlightBudget.Lease empty = budget.acquire("ws", 0, 0);
        empty.settle(0);
        assertEquals(0, budget.workspaces());
    }

    @Test
    void concurrentAcquiresAndSettlesNeverLeak() throws Exception {
        InFlightBudget budget = new InFlightBudget(5_000, 64 * 1024);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String workspace = "ws-" + (t % 3);
            results.add(threads.submit(() -> {
                int refused = 0;
                for (int i = 0; i < 20_000; i++) {
                    int count = 1 + ThreadLocalRandom.current().nextInt(20);
                    try {
                        InFlightBudget.Lease lease = budget.acquire(workspace, count, count * 100L);
                        for (int r = 0; r < count; r++) {
                            lease.settle(1);
                        }
                    } catch (BrokerBackloggedException e) {
                        refused++;
                    }
                }
                return refused;
            }));
        }
        for (Future<Integer> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertEquals(0, budget.bytes());
        assertEquals(0, budget.events());
        assertEquals(0, budget.workspaces());
    }
}
