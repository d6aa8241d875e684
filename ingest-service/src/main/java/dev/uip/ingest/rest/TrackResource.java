package dev.uip.ingest.rest;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.ingest.config.IngestConfig;
import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.mapping.SegmentMessageMapper;
import dev.uip.ingest.messaging.RawEventPublisher;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;

/** The Segment track endpoint: answers 200 only once the broker acknowledged the event. */
@Path("/v1")
public class TrackResource {

    private static final Logger LOG = Logger.getLogger(TrackResource.class);
    private static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    @Inject
    ObjectMapper json;

    @Inject
    RawEventPublisher publisher;

    @Inject
    IngestConfig config;

    @POST
    @Path("/track")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> track(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Write-Key") String writeKeyHeader) {
        JsonNode message = parse(body);
        WriteKeys.extract(authorization, writeKeyHeader, message);
        RawUsageEvent event = SegmentMessageMapper.toRawEvent(message, MessageType.TRACK, config.defaultWorkspace(),
                null, Instant.now());
        return publisher.publish(event)
                .ifNoItem().after(config.ackTimeout()).fail()
                .map(ignored -> Response.ok(SUCCESS).build())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Broker did not acknowledge in time: %s", failure.toString());
                    return ErrorMappers.error(Response.Status.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE",
                            "the event was not stored; retry later");
                })
                .map(response -> response.getStatus() == 503
                        ? Response.fromResponse(response).header("Retry-After", config.retryAfterSeconds()).build()
                        : response);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadMessageException("EMPTY_BODY", "the request body is empty");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("INVALID_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
