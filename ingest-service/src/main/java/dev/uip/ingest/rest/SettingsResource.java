package dev.uip.ingest.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The settings document that Segment SDKs fetch at start; it points them back at this host. */
@Path("/v1/projects/{writeKey}/settings")
public class SettingsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> settings(@PathParam("writeKey") String writeKey,
            @HeaderParam(HttpHeaders.HOST) String host,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        String apiHost = (host == null || host.isBlank() ? "localhost:8088" : host) + "/v1";
        return Map.of(
                "integrations", Map.of("Segment.io", Map.of(
                        "apiKey", writeKey,
                        "apiHost", apiHost,
                        "protocol", forwardedProto == null ? "http" : forwardedProto,
                        "unbundledIntegrations", new String[0])),
                "plan", Map.of("track", Map.of("__default", Map.of("enabled", true))),
                "edgeFunction", Map.of(),
                "analyticsNextEnabled", true,
                "middlewareSettings", Map.of());
    }
}
