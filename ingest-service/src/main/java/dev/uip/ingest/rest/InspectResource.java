package dev.uip.ingest.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Blocking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.ingest.client.TopicInspector;
import dev.uip.ingest.config.StreamsSettings;
import dev.uip.ingest.identity.CurrentCaller;
import dev.uip.schemas.identity.Role;

/**
 * Shows a workspace's newest records of the raw, validated and quarantined topics, so a developer sees where events
 * went. A management call: the gateway's service token (viewer) names the workspace, so nobody sees another
 * workspace's events; a write key, which web pages embed, is refused here (write keys only write).
 */
@Path("/v1/inspect")
@RolesAllowed(Role.VIEWER_NAME)
public class InspectResource {

    @Inject
    StreamsSettings topics;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentCaller caller;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @GET
    @Path("/{stream}")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response newest(@PathParam("stream") String stream,
            @QueryParam("limit") @DefaultValue("20") String limitParam) {
        String workspace = caller.get().workspace();
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
        int limit = limit(limitParam);
        if (limit < 1) {
            return ErrorResponses.error(Response.Status.BAD_REQUEST, "INVALID_LIMIT",
                    "limit must be a whole number between 1 and " + TopicInspector.MAX_LIMIT);
        }
        List<TopicInspector.Found> found;
        try {
            found = new TopicInspector(bootstrapServers, registryUrl).newest(topic, workspace, limit);
        } catch (KafkaException e) {
            return ErrorResponses.refusal(new ClientErrors.Answer(503, "BROKER_UNAVAILABLE",
                    "the broker could not be read: " + e.getMessage() + "; retry later", 5, null));
        }
        List<Map<String, Object>> records = found.stream()
                .map(record -> Map.<String, Object>of("topic", topic, "key", String.valueOf(record.key()),
                        "partition", record.partition(), "offset", record.offset(), "time", record.time().toString(),
                        "value", toJson(record.value())))
                .toList();
        return Response.ok(records).build();
    }

    /** The limit asked for, or 0 when it is not a number from 1 to the maximum (taken as text: no JAX-RS 404). */
    private static int limit(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 4 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        int limit = Integer.parseInt(trimmed);
        return limit <= TopicInspector.MAX_LIMIT ? limit : 0;
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
