package dev.uip.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.ingest.config.IngestConfig;
import dev.uip.ingest.domain.BrokerBackloggedException;
import dev.uip.ingest.domain.Caller;
import dev.uip.ingest.domain.RateLimitedException;
import dev.uip.ingest.domain.Receipt;
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
 * <p>
 * This is the hot path, so it is a plain Vert.x route on the event loop rather than a REST resource: it writes its
 * answers itself (the success answer is one constant buffer) and never blocks.
 */
@ApplicationScoped
public class SegmentRoutes {

    private static final Logger LOG = Logger.getLogger(SegmentRoutes.class);
    /** Ask for validation receipts: the answer then lists each message's outcome (waits a few seconds at most). */
    static final String RECEIPTS_HEADER = "X-UIP-Receipts";
    private static final String JSON_TYPE = "application/json";
    private static final Buffer SUCCESS = Buffer.buffer("{\"success\":true}");
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

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        if (!config.role().edge()) {
            // a validator-only process: say where events go instead of "not found"
            router.route("/v1/:call").handler(context -> {
                String call = context.pathParam("call");
                if (SINGLE.containsKey(call) || BATCH.contains(call)) {
                    answer(context, 404, "EDGE_DISABLED", "this process only validates (uip.ingest.role=validator); "
                            + "send events to an ingest edge", 0);
                } else {
                    context.next();
                }
            });
            return;
        }
        // The body handler answers 413 as soon as a body outgrows the limit, without buffering it whole.
        router.post("/v1/:call")
                .handler(BodyHandler.create(false).setBodyLimit(RequestBodyReader.MAX_REQUEST_BYTES))
                .handler(this::receive)
                .failureHandler(this::failed);
        // Any other method on a Segment call: say how to call it rather than "not found".
        router.route("/v1/:call").handler(context -> {
            String call = context.pathParam("call");
            if (context.request().method() != HttpMethod.POST
                    && (SINGLE.containsKey(call) || BATCH.contains(call))) {
                context.response().putHeader("Allow", "POST");
                answer(context, 405, "METHOD_NOT_ALLOWED", "Segment calls are sent with POST /v1/" + call, 0);
            } else {
                context.next();
            }
        });
    }

    void receive(RoutingContext context) {
        String call = context.pathParam("call");
        MessageType single = SINGLE.get(call);
        if (single == null && !BATCH.contains(call)) {
            answer(context, 404, "UNKNOWN_CALL",
                    "no Segment call '" + call + "'; use track, identify, page, screen, group, alias or batch", 0);
            return;
        }
        try {
            accept(context, single);
        } catch (RuntimeException e) {
            ClientErrors.Answer refusal = ClientErrors.of(e).orElseThrow(() -> e);
            if (refusal.workspace() != null) {
                metrics.rejected(refusal.workspace(), refusal.code());
            }
            answer(context, refusal.status(), refusal.code(), refusal.message(), refusal.retryAfterSeconds());
        }
    }

    private void accept(RoutingContext context, MessageType single) {
        HttpServerRequest request = context.request();
        Buffer body = context.body().buffer();
        byte[] json = RequestBodyReader.decode(body == null ? null : body.getBytes(),
                request.getHeader(HttpHeaders.CONTENT_ENCODING));
        JsonNode message = RequestBodyReader.parse(json);
        Caller caller = authenticator.authenticate(WriteKeys.extract(request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader("X-Write-Key"), message));
        List<? extends JsonNode> messages = single != null ? List.of(message) : BatchExpander.expand(message);
        try {
            limiter.check(caller, messages.size());
        } catch (RateLimitedException e) {
            metrics.rateLimited(caller.workspaceId(), messages.size());
            throw e;
        }
        long start = System.nanoTime();
        boolean wantsReceipts = "true".equalsIgnoreCase(request.getHeader(RECEIPTS_HEADER));
        if (wantsReceipts) {
            receipts.expect();
        }
        String clientIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String asReceived = single != null ? new String(json, StandardCharsets.UTF_8) : null;
        ingest.ingest(messages, single, caller, clientIp, asReceived).whenComplete((ids, failure) -> {
            if (failure != null) {
                notStored(context, caller, failure instanceof CompletionException ? failure.getCause() : failure);
                return;
            }
            metrics.accepted(caller.workspaceId(), messages.size(), System.nanoTime() - start);
            if (wantsReceipts) {
                receipts.await(caller.workspaceId(), ids).subscribe().with(
                        list -> succeed(context, list),
                        error -> notStored(context, caller, error));
            } else {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE).end(SUCCESS);
            }
        });
    }

    private void succeed(RoutingContext context, List<Receipt> list) {
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE)
                .end(Buffer.buffer(toJson(Map.of("success", true, "receipts", list))));
    }

    /**
     * 4xx when a message turned out unstorable while being encoded (nothing was sent); else 503: the broker did not
     * take the events (in time), and SDKs retry with the same messageIds.
     */
    private void notStored(RoutingContext context, Caller caller, Throwable failure) {
        ClientErrors.Answer refusal = ClientErrors.of(failure).orElse(null);
        if (refusal != null) {
            metrics.rejected(caller.workspaceId(), refusal.code());
            answer(context, refusal.status(), refusal.code(), refusal.message(), refusal.retryAfterSeconds());
            return;
        }
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
        answer(context, 503, code, message, config.retryAfterSeconds());
    }

    /** Failures outside {@link #receive}: the body handler's limit (413), or a bug (500, logged). */
    void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status == 413) {
            metrics.rejected(IngestMetrics.UNKNOWN_WORKSPACE, "TOO_LARGE");
            answer(context, 413, "TOO_LARGE", "the request body exceeds " + RequestBodyReader.MAX_REQUEST_BYTES / 1024
                    + " KB", 0);
        } else if (status >= 400 && status < 500) {
            answer(context, status, "BAD_REQUEST", "the request could not be read", 0);
        } else {
            LOG.error("Unexpected failure on " + context.request().path(), context.failure());
            answer(context, 500, "INTERNAL_ERROR", "an unexpected error occurred; retry later", 0);
        }
    }

    private void answer(RoutingContext context, int status, String code, String message, long retryAfterSeconds) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE);
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.end(Buffer.buffer(toJson(new ApiError(code, message))));
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }
}
