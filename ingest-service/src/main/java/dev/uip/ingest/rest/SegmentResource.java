package dev.uip.ingest.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.ingest.config.IngestConfig;
import dev.uip.ingest.domain.BrokerBackloggedException;
import dev.uip.ingest.domain.Caller;
import dev.uip.ingest.domain.RateLimitedException;
import dev.uip.ingest.mapping.BatchExpander;
import dev.uip.ingest.mapping.RequestBodyReader;
import dev.uip.ingest.service.Authenticator;
import dev.uip.ingest.service.IngestMetrics;
import dev.uip.ingest.service.IngestService;
import dev.uip.ingest.service.RateLimiter;
import dev.uip.ingest.service.Receipts;
import dev.uip.schemas.MessageType;

/**
 * The Segment HTTP API: single calls ({@code /v1/track} ... and the browser's {@code /v1/t} ...) and batches
 * ({@code /v1/batch}, {@code /v1/import}, {@code /v1/b}). Answers 200 only once the broker acknowledged every event.
 */
@Path("/v1")
public class SegmentResource {

    private static final Logger LOG = Logger.getLogger(SegmentResource.class);
    /** Ask for validation receipts: the answer then lists each message's outcome (waits a few seconds at most). */
    static final String RECEIPTS_HEADER = "X-UIP-Receipts";
    private static final Map<String, Boolean> SUCCESS = Map.of("success", true);
    private static final Map<String, MessageType> SINGLE = Map.ofEntries(
            Map.entry("track", MessageType.TRACK), Map.entry("t", MessageType.TRACK),
            Map.entry("identify", MessageType.IDENTIFY), Map.entry("i", MessageType.IDENTIFY),
            Map.entry("page", MessageType.PAGE), Map.entry("p", MessageType.PAGE),
            Map.entry("screen", MessageType.SCREEN), Map.entry("s", MessageType.SCREEN),
            Map.entry("group", MessageType.GROUP), Map.entry("g", MessageType.GROUP),
            Map.entry("alias", MessageType.ALIAS), Map.entry("a", MessageType.ALIAS));
    private static final List<String> BATCH = List.of("batch", "import", "b");

    @Inject
    IngestService ingest;

    @Inject
    Authenticator authenticator;

    @Inject
    RateLimiter limiter;

    @Inject
    IngestMetrics metrics;

    @Inject
    Receipts receipts;

    @Inject
    IngestConfig config;

    @POST
    @Path("/{call}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> receive(@PathParam("call") String call, byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Write-Key") String writeKeyHeader,
            @HeaderParam(RECEIPTS_HEADER) String receiptsHeader,
            @Context HttpServerRequest request) {
        MessageType single = SINGLE.get(call);
        if (single == null && !BATCH.contains(call)) {
            return CompletableFuture.completedFuture(ErrorMappers.error(Response.Status.NOT_FOUND, "UNKNOWN_CALL",
                    "no Segment call '" + call + "'; use track, identify, page, screen, group, alias or batch"));
        }
        JsonNode json = RequestBodyReader.read(body, contentEncoding);
        Caller caller = authenticator.authenticate(WriteKeys.extract(authorization, writeKeyHeader, json));
        List<? extends JsonNode> messages = single != null ? List.of(json) : BatchExpander.expand(json);
        try {
            limiter.check(caller, messages.size());
        } catch (RateLimitedException e) {
            metrics.rateLimited(caller.workspaceId(), messages.size());
            throw e;
        }
        long start = System.nanoTime();
        boolean wantsReceipts = "true".equalsIgnoreCase(receiptsHeader);
        if (wantsReceipts) {
            receipts.expect();
        }
        String clientIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return ingest.ingest(messages, single, caller, clientIp)
                .thenCompose(ids -> {
                    metrics.accepted(caller.workspaceId(), messages.size(), System.nanoTime() - start);
                    return wantsReceipts
                            ? receipts.await(caller.workspaceId(), ids).subscribeAsCompletionStage()
                                    .thenApply(list -> Response.ok(Map.of("success", true, "receipts", list)).build())
                            : CompletableFuture.completedFuture(Response.ok(SUCCESS).build());
                })
                .exceptionally(failure -> notStored(caller, failure instanceof CompletionException
                        ? failure.getCause()
                        : failure));
    }

    /** 503: the broker did not take the events (in time); SDKs retry with the same messageIds. */
    private Response notStored(Caller caller, Throwable failure) {
        String code;
        String message;
        if (failure instanceof BrokerBackloggedException) {
            code = "BROKER_BACKLOGGED";
            message = "the events were not taken: " + failure.getMessage() + "; retry later";
        } else if (failure instanceof TimeoutException) {
            code = "BROKER_TIMEOUT";
            message = "the broker did not acknowledge the events in time; they may still be stored, so retry "
                    + "later with the same messageIds";
        } else {
            code = "BROKER_UNAVAILABLE";
            message = "the events were not stored; retry later";
        }
        metrics.rejected(caller.workspaceId(), code);
        LOG.warnf("Answering 503 %s: %s", code, failure.toString());
        return Response.fromResponse(ErrorMappers.error(Response.Status.SERVICE_UNAVAILABLE, code, message))
                .header("Retry-After", config.retryAfterSeconds()).build();
    }
}
