package dev.uip.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SlotFilterTest {

    private static final long SLOT = 86_400_000L;

    private static byte[] id(Random random) {
        return ("ws/" + new UUID(random.nextLong(), random.nextLong())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyIdTakenIsAMaybeAcrossGrowthAndNewIdsAreMostlyANo() {
        SlotFilter filter = new SlotFilter(64L << 20);
        Random random = new Random(11);
        int taken = SlotFilter.FIRST_CAPACITY * 5; // grows to a chain of three filters
        byte[][] ids = new byte[taken][];
        for (int i = 0; i < taken; i++) {
            ids[i] = id(random);
            filter.add(ids[i], SLOT);
        }
        for (byte[] id : ids) {
            assertTrue(filter.mightContain(id, SLOT), "an id taken must never be a certain no");
        }
        int falsePositives = 0;
        int asked = 100_000;
        for (int i = 0; i < asked; i++) {
            if (filter.mightContain(id(random), SLOT)) {
                falsePositives++;
            }
        }
        // three filters at most about 1 % each
        assertTrue(falsePositives < asked * 0.03, "false positives: " + falsePositives);
        // the same ids in another slot are certainly not there
        int elsewhere = 0;
        for (int i = 0; i < 10_000; i++) {
            elsewhere += filter.mightContain(ids[i], 2 * SLOT) ? 1 : 0;
        }
        assertEquals(0, elsewhere);
    }

    @Test
    void pastTheHeapBoundASlotAnswersMaybeForEverything() {
        // room for the first filter of one slot only
        SlotFilter filter = new SlotFilter(200_000);
        Random random = new Random(12);
        for (int i = 0; i <= SlotFilter.FIRST_CAPACITY; i++) {
            filter.add(id(random), SLOT);
        }
        assertEquals(0, filter.bytes(), "the saturated slot let go of its bits");
        for (int i = 0; i < 1_000; i++) {
            assertTrue(filter.mightContain(id(random), SLOT));
        }
        // another slot still learns and answers no for what it never took
        filter.add(id(random), 2 * SLOT);
        assertFalse(filter.mightContain(id(random), 2 * SLOT));
    }

    @Test
    void forgottenSlotsAnswerMaybeAndFreeTheirHeap() {
        SlotFilter filter = new SlotFilter(64L << 20);
        Random random = new Random(13);
        filter.add(id(random), SLOT);
        filter.add(id(random), 2 * SLOT);
        long both = filter.bytes();
        filter.forgetBefore(2 * SLOT);
        assertEquals(both / 2, filter.bytes());
        assertTrue(filter.mightContain(id(random), SLOT), "a forgotten slot leaves the answer to the store");
        assertFalse(filter.mightContain(id(random), 2 * SLOT));
        // learning a forgotten slot again takes no heap
        filter.add(id(random), SLOT);
        assertEquals(both / 2, filter.bytes());
    }

    @Test
    void hashSpreadsKeysThatDifferInOneByte() {
        byte[] a = "ws/message-1".getBytes(StandardCharsets.UTF_8);
        byte[] b = "ws/message-2".getBytes(StandardCharsets.UTF_8);
        long differing = Long.bitCount(SlotFilter.hash(a) ^ SlotFilter.hash(b));
        assertTrue(differing > 16, "bits that differ: " + differing);
    }
}
