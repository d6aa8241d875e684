package dev.uip.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The sender's decisions against a scripted edge (the real edge is exercised in ingest-service's SegmentImportTest). */
class BatchSenderTest {

    /** Refuses the first message whose line is in {@code bad}, as the edge does, after {@code unavailable} 503s. */
    static final class ScriptedEdge extends EdgeClient {

        final Set<Long> bad;
        final int maxMessages;
        int unavailable;
        final List<Integer> requestSizes = new ArrayList<>();

        ScriptedEdge(Set<Long> bad, int maxMessages, int unavailable) {
            super(URI.create("http://localhost:1"), "key", Duration.ofSeconds(1));
            this.bad = bad;
            this.maxMessages = maxMessages;
            this.unavailable = unavailable;
        }

        @Override
        Answer post(List<MessagePreparer.Prepared> messages) {
            requestSizes.add(messages.size());
            if (unavailable > 0) {
                unavailable--;
                return new Answer(503, "BROKER_TIMEOUT", "retry later", Duration.ZERO);
            }
            if (messages.size() > maxMessages) {
                return new Answer(413, "TOO_LARGE", "the request body exceeds 500 KB", null);
            }
            for (int i = 0; i < messages.size(); i++) {
                if (bad.contains(messages.get(i).line())) {
                    return new Answer(400, "MISSING_IDENTITY", "batch[" + i + "]: a message needs a userId", null);
                }
            }
            return new Answer(200, null, null, null);
        }
    }

    static List<MessagePreparer.Prepared> batch(int size) {
        return LongStream.rangeClosed(1, size).mapToObj(n -> new MessagePreparer.Prepared(n, "m" + n, new byte[]{}))
                .toList();
    }

    @Test
    void messagesTheEdgeNamesAreTakenOutAndTheRestStored() throws Exception {
        ScriptedEdge edge = new ScriptedEdge(Set.of(3L, 9L), 100, 0);
        BatchSender.Result result = new BatchSender(edge, 3, Duration.ofMillis(1), Duration.ofMillis(2))
                .send(batch(10));
        assertEquals(8, result.sent());
        assertEquals(List.of(3L, 9L), result.rejected().stream().map(BatchSender.Rejection::line).toList());
        assertEquals("MISSING_IDENTITY", result.rejected().get(0).code());
        assertEquals("a message needs a userId", result.rejected().get(0).message());
        assertEquals(List.of(10, 9, 8), edge.requestSizes);
    }

    @Test
    void aBatchRefusedAsAWholeIsHalvedUntilItFits() throws Exception {
        ScriptedEdge edge = new ScriptedEdge(Set.of(), 3, 0);
        BatchSender.Result result = new BatchSender(edge, 3, Duration.ofMillis(1), Duration.ofMillis(2))
                .send(batch(10));
        assertEquals(10, result.sent());
        assertEquals(List.of(), result.rejected());
    }

    @Test
    void anUnavailableEdgeIsRetriedThenGivenUpOnWithTheLastAnswer() throws Exception {
        ScriptedEdge recovering = new ScriptedEdge(Set.of(), 100, 2);
        BatchSender sender = new BatchSender(recovering, 2, Duration.ofMillis(1), Duration.ofMillis(2));
        assertEquals(5, sender.send(batch(5)).sent());
        assertEquals(2, sender.retries());

        BatchSender impatient = new BatchSender(new ScriptedEdge(Set.of(), 100, 5), 2, Duration.ofMillis(1),
                Duration.ofMillis(2));
        ImportAbortedException aborted = assertThrows(ImportAbortedException.class, () -> impatient.send(batch(5)));
        assertTrue(aborted.getMessage().contains("after 3 tries (last: 503 BROKER_TIMEOUT"), aborted.getMessage());
    }

    @Test
    void backoffDoublesUpToItsCapWithJitterAndRetryAfterIsReadInBothForms() {
        BatchSender sender = new BatchSender(null, 3, Duration.ofMillis(500), Duration.ofSeconds(30));
        for (int attempt = 0; attempt < 40; attempt++) {
            long expected = Math.min(500L << Math.min(attempt, 20), 30_000);
            long wait = sender.backoff(attempt).toMillis();
            assertTrue(wait >= expected / 2 && wait <= expected, attempt + ": " + wait);
        }
        assertEquals(Duration.ofSeconds(5), EdgeClient.retryAfter("5"));
        assertEquals(EdgeClient.MAX_RETRY_AFTER, EdgeClient.retryAfter("999999"));
        assertEquals(Duration.ZERO, EdgeClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(null, EdgeClient.retryAfter("soon"));
        assertEquals(-1, BatchSender.index("reached at batch[12]; send smaller batches"));
        assertEquals(12, BatchSender.index("batch[12]: a message needs a userId"));
    }
}
