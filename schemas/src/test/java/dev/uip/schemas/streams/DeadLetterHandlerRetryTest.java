package dev.uip.schemas.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** A retriable production error is retried, not parked (no broker is reachable here: parking would fail). */
class DeadLetterHandlerRetryTest {

    @Test
    void retriableProductionErrorsAreRetried() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "retry-test",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("out", new byte[]{1});
        assertEquals(ProductionExceptionHandlerResponse.RETRY,
                handler.handle(context(), record, new NotEnoughReplicasException("1 of 2 in sync")));
    }

    @Test
    void reasonsAreBounded() {
        String reason = DeadLetterHandler.reason(new IllegalArgumentException("x".repeat(5_000)));
        assertEquals(DeadLetterHandler.MAX_REASON, reason.length());
    }

    @Test
    void reasonsNameTheInnermostCauseOfAWrappedFailure() {
        String reason = DeadLetterHandler.reason(new IllegalStateException("invoking processor: validate",
                new RuntimeException("wrapped", new ClassCastException("A cannot be cast to B"))));
        assertEquals("java.lang.ClassCastException: A cannot be cast to B"
                + " (wrapped in java.lang.IllegalStateException)", reason);
        assertEquals("java.lang.IllegalStateException", DeadLetterHandler.reason(new IllegalStateException()));
    }

    static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {

            @Override
            public String topic() {
                return "in";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 0;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "p";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
