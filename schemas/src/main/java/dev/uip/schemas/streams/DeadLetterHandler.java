package dev.uip.schemas.streams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The deserialization, processing and production exception handler of every topology: it parks the record that
 * failed on the dead-letter topic (key and value are the source record's original bytes when Kafka Streams still has
 * them; headers say the stage, the reason, where the record came from, the application and the task) and lets the
 * topology CONTINUE. When parking fails it answers FAIL, so nothing is skipped silently. A retriable production error
 * is RETRIED instead. Configure its class name as {@code deserialization.exception.handler},
 * {@code processing.exception.handler} and {@code production.exception.handler}; {@value DeadLetterPublisher#TOPIC_CONFIG}
 * (default {@value DeadLetterPublisher#DEFAULT_TOPIC}) and {@value DeadLetterPublisher#TIMEOUT_CONFIG} (default
 * 10,000) tune it.
 */
public class DeadLetterHandler
        implements
            DeserializationExceptionHandler,
            ProcessingExceptionHandler,
            ProductionExceptionHandler {

    /** Header prefix of everything the handler adds; the source record's own headers are kept as they were. */
    public static final String HEADER_PREFIX = "uip.dlq.";
    public static final String STAGE = HEADER_PREFIX + "stage";
    /** Exception class and message, at most {@value #MAX_REASON} characters. */
    public static final String REASON = HEADER_PREFIX + "reason";
    public static final String SOURCE_TOPIC = HEADER_PREFIX + "source.topic";
    public static final String SOURCE_PARTITION = HEADER_PREFIX + "source.partition";
    public static final String SOURCE_OFFSET = HEADER_PREFIX + "source.offset";
    public static final String APPLICATION = HEADER_PREFIX + "application";
    public static final String TASK = HEADER_PREFIX + "task";
    public static final String PROCESSOR = HEADER_PREFIX + "processor";
    /** For production and serialization errors: the topic the record was meant for. */
    public static final String OUTPUT_TOPIC = HEADER_PREFIX + "output.topic";
    /** What key and value hold: {@code source} (the consumed bytes), {@code output} (the produced bytes) or {@code none}. */
    public static final String PAYLOAD = HEADER_PREFIX + "payload";

    static final int MAX_REASON = 1_000;
    /** Processing failures logged with their stack trace by one handler; the rest with their reason only. */
    static final int MAX_TRACES = 10;
    private final AtomicInteger tracesLogged = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(DeadLetterHandler.class.getName());

    private DeadLetterPublisher publisher;
    private String applicationId;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterPublisher.of(configs);
        applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        boolean parked = park(DeadLetterStage.DESERIALIZATION, context, null, record.key(), record.value(), "source",
                exception);
        return parked ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        boolean raw = context.sourceRawKey() != null || context.sourceRawValue() != null;
        boolean parked = park(DeadLetterStage.PROCESSING, context, null, context.sourceRawKey(),
                context.sourceRawValue(), raw ? "source" : "none", exception);
        return parked ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandlerResponse.RETRY;
        }
        boolean raw = context.sourceRawKey() != null || context.sourceRawValue() != null;
        boolean parked;
        if (raw) {
            parked = park(DeadLetterStage.PRODUCTION, context, record.topic(), context.sourceRawKey(),
                    context.sourceRawValue(), "source", exception);
        } else if (exception instanceof RecordTooLargeException) {
            // The output bytes would be refused again; the source coordinates in the headers find the record.
            parked = park(DeadLetterStage.PRODUCTION, context, record.topic(), null, null, "none", exception);
        } else {
            parked = park(DeadLetterStage.PRODUCTION, context, record.topic(), record.key(), record.value(),
                    "output", exception);
        }
        return parked ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        boolean raw = context.sourceRawKey() != null || context.sourceRawValue() != null;
        boolean parked = park(DeadLetterStage.SERIALIZATION, context, record.topic(), context.sourceRawKey(),
                context.sourceRawValue(), raw ? "source" : "none", exception);
        return parked ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
    }

    private boolean park(DeadLetterStage stage, ErrorHandlerContext context, String outputTopic, byte[] key,
            byte[] value, String payload, Exception exception) {
        Headers headers = new RecordHeaders();
        if (context.headers() != null) {
            for (Header header : context.headers()) {
                if (!header.key().startsWith(HEADER_PREFIX)) {
                    headers.add(header);
                }
            }
        }
        add(headers, STAGE, stage.name());
        add(headers, REASON, reason(exception));
        add(headers, SOURCE_TOPIC, context.topic());
        add(headers, SOURCE_PARTITION, String.valueOf(context.partition()));
        add(headers, SOURCE_OFFSET, String.valueOf(context.offset()));
        add(headers, APPLICATION, applicationId);
        add(headers, TASK, context.taskId() == null ? null : context.taskId().toString());
        add(headers, PROCESSOR, context.processorNodeId());
        add(headers, OUTPUT_TOPIC, outputTopic);
        add(headers, PAYLOAD, payload);
        // No timestamp of the failed record: a far-future one is what the broker may have refused in the first place.
        boolean parked = publisher.send(new ProducerRecord<>(publisher.topic(), null, null, key, value, headers));
        if (parked) {
            DeadLetterCounts.countParked(stage);
            String message = "Parked a record of " + context.topic() + "-" + context.partition() + "@"
                    + context.offset() + " on " + publisher.topic() + " at stage " + stage + ": " + reason(exception);
            if (stage == DeadLetterStage.PROCESSING && tracesLogged.getAndIncrement() < MAX_TRACES) {
                // a processor that throws is a bug of ours, not bad client data: its stack trace is what finds it
                LOG.log(System.Logger.Level.WARNING, message, exception);
            } else {
                LOG.log(System.Logger.Level.WARNING, message);
            }
        } else {
            DeadLetterCounts.countFailed(stage);
        }
        return parked;
    }

    /**
     * Class and message of the innermost cause (Streams wraps what a processor threw in a long generic message),
     * bounded: a message can quote the tenant's input at length.
     */
    static String reason(Throwable exception) {
        Throwable root = exception;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
            root = root.getCause();
        }
        String text = root == exception
                ? describe(exception)
                : describe(root) + " (wrapped in " + exception.getClass().getName() + ")";
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON - 3) + "..." : text;
    }

    private static String describe(Throwable exception) {
        return exception.getClass().getName() + (exception.getMessage() == null ? "" : ": " + exception.getMessage());
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
