package dev.uip.ingest.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.ingest.config.IngestConfig;
import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.domain.Caller;
import dev.uip.ingest.domain.PayloadTooLargeException;
import dev.uip.ingest.domain.UnencodableEventException;
import dev.uip.ingest.mapping.SegmentMessageMapper;
import dev.uip.ingest.messaging.RawEventPublisher;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;

/**
 * Accepts Segment messages all or nothing: maps and checks every message of a request (and bounds what they add up
 * to) before publishing any, then completes only once the broker acknowledged all of them (or fails when it does not
 * in time).
 */
@ApplicationScoped
public class IngestService {

    @Inject
    RawEventPublisher publisher;

    @Inject
    IngestConfig config;

    /**
     * @param defaultType the type the endpoint implies, or null for batches (each message names its own)
     * @param asReceived the JSON text of the request when it was one message (kept as its payload), or null
     * @return the message ids of the stored events, in request order (server-assigned where a message had none);
     *         fails with a {@link java.util.concurrent.TimeoutException} when the broker did not acknowledge in time
     */
    public CompletableFuture<List<String>> ingest(List<? extends JsonNode> messages, MessageType defaultType,
            Caller caller, String clientIp, String asReceived) {
        Instant receivedAt = Instant.now();
        SegmentMessageMapper.Options options = new SegmentMessageMapper.Options(config.backfillHorizon(),
                config.futureTolerance(), config.captureIp() ? clientIp : null);
        boolean oneOfMany = messages.size() > 1 || defaultType == null;
        long maxPayloads = config.maxRequestPayloads().asLongValue();
        long payloads = 0;
        List<RawUsageEvent> events = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            RawUsageEvent event = map(messages.get(i), oneOfMany ? null : asReceived, defaultType, caller, receivedAt,
                    options, oneOfMany ? i : -1);
            // Checked as the payloads are written, so a batch-level context merged into thousands of messages stops
            // here, a few MB in, rather than tens of MB later.
            payloads += event.getPayload().length();
            if (payloads > maxPayloads) {
                throw new PayloadTooLargeException("the stored messages of this request, with the batch-level context "
                        + "and integrations merged into each, come to more than " + maxPayloads / 1024
                        + " KB of JSON (reached at batch[" + i + "]); send smaller batches or a smaller batch-level "
                        + "context; nothing was stored");
            }
            events.add(event);
        }
        List<String> ids = events.stream().map(RawUsageEvent::getMessageId).toList();
        return publisher.publish(events)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(clientFault(failure, oneOfMany)))
                .orTimeout(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(acknowledged -> ids);
    }

    /** An event that cannot be encoded is the client's fault: a 400 naming it (nothing of the request was sent). */
    private static Throwable clientFault(Throwable failure, boolean oneOfMany) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof UnencodableEventException e) {
            return new BadMessageException("UNENCODABLE_MESSAGE", (oneOfMany ? "batch[" + e.index() + "]: " : "")
                    + "the message cannot be stored as a raw event: " + e.getMessage() + "; nothing was stored");
        }
        return cause;
    }

    private RawUsageEvent map(JsonNode message, String asReceived, MessageType defaultType, Caller caller,
            Instant receivedAt,
            SegmentMessageMapper.Options options, int index) {
        try {
            if (defaultType == null && (message.get("type") == null || message.get("type").isNull())) {
                throw new BadMessageException("MISSING_TYPE", "a batched message needs a 'type'");
            }
            return SegmentMessageMapper.toRawEvent(message, asReceived,
                    defaultType == null ? MessageType.TRACK : defaultType,
                    caller.workspaceId(), caller.keyId(), receivedAt, options);
        } catch (BadMessageException e) {
            throw index < 0 ? e : new BadMessageException(e.code(), "batch[" + index + "]: " + e.getMessage());
        } catch (PayloadTooLargeException e) {
            throw index < 0 ? e : new PayloadTooLargeException("batch[" + index + "]: " + e.getMessage());
        }
    }
}
