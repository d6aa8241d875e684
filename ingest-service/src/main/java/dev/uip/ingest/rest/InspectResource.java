package dev.uip.ingest.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.avro.generic.GenericContainer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Blocking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.ingest.client.TopicInspector;
import dev.uip.ingest.config.StreamsSettings;
import dev.uip.ingest.domain.Caller;
import dev.uip.ingest.service.Authenticator;

/**
 * Shows a workspace's newest records of the raw, validated and quarantined topics, so a developer sees where events
 * went. The write key (as for sending) names the workspace: nobody sees another workspace's events.
 */
@Path("/v1/inspect")
public class InspectResource {

    private static final int MAX_LIMIT = 200;

    @Inject
    StreamsSettings topics;

    @Inject
    ObjectMapper json;

    @Inject
    Authenticator authenticator;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @GET
    @Path("/{stream}")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response newest(@PathParam("stream") String stream, @QueryParam("limit") @DefaultValue("20") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Write-Key") String writeKeyHeader) {
        Caller caller;
        try {
            caller = authenticator.authenticate(WriteKeys.extract(authorization, writeKeyHeader, null));
        } catch (RuntimeException e) {
            return ErrorResponses.refusal(ClientErrors.of(e).orElseThrow(() -> e));
        }
        String topic = switch (stream) {
            case "raw" -> topics.rawTopic();
            case "validated" -> topics.validatedTopic();
            case "quarantined" -> topics.quarantinedTopic();
            default -> null;
        };
        if (topic == null) {
            return ErrorResponses.error(Response.Status.NOT_FOUND, "UNKNOWN_STREAM",
                    "stream must be raw, validated or quarantined");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return ErrorResponses.error(Response.Status.BAD_REQUEST, "INVALID_LIMIT",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        List<Map<String, Object>> records = new TopicInspector(bootstrapServers, registryUrl)
                .newest(topic, caller.workspaceId(), limit)
                .stream()
                .map(found -> Map.<String, Object>of("topic", topic, "key", String.valueOf(found.key()),
                        "partition", found.partition(), "offset", found.offset(), "time", found.time().toString(),
                        "value", toJson(found.value())))
                .toList();
        return Response.ok(records).build();
    }

    private Object toJson(Object value) {
        if (value instanceof GenericContainer) {
            try {
                // Avro's own JSON rendering of the record; fields keep their Avro names.
                return json.readTree(value.toString());
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return String.valueOf(value);
    }
}
