package dev.uip.ingest.rest;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.uip.ingest.domain.UnauthorizedException;
import dev.uip.ingest.service.Authenticator;

/**
 * The settings document that Segment SDKs fetch at start, for a write key that was issued and is not revoked: it
 * points them back at this host and hands the browser SDK the key it sends with.
 */
@Path("/v1/projects/{writeKey}/settings")
// Public by design: SDKs fetch it with nothing but the write key in the path, which it checks itself.
@PermitAll
public class SettingsResource {

    /** A host name or IPv4/bracketed IPv6 address with an optional port: anything else is not echoed back. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}]"
            + "(:[0-9]{1,5})?");
    private static final String DEFAULT_HOST = "localhost:8088";

    @Inject
    Authenticator authenticator;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response settings(@PathParam("writeKey") String writeKey, @HeaderParam(HttpHeaders.HOST) String host,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        try {
            authenticator.authenticate(writeKey);
        } catch (UnauthorizedException e) {
            // Malformed, unknown and revoked keys alike, and never the key itself in the answer.
            return ErrorResponses.error(Response.Status.NOT_FOUND, "UNKNOWN_WRITE_KEY",
                    "no project has this write key");
        } catch (RuntimeException e) {
            return ErrorResponses.refusal(ClientErrors.of(e).orElseThrow(() -> e));
        }
        String apiHost = (host != null && HOST.matcher(host).matches() ? host : DEFAULT_HOST) + "/v1";
        String protocol = "https".equalsIgnoreCase(forwardedProto) ? "https" : "http";
        return Response.ok(Map.of(
                "integrations", Map.of("Segment.io", Map.of(
                        // analytics-next sends with this key, not with the one it was loaded with.
                        "apiKey", writeKey,
                        "apiHost", apiHost,
                        "protocol", protocol,
                        "unbundledIntegrations", new String[0])),
                "plan", Map.of("track", Map.of("__default", Map.of("enabled", true))),
                "edgeFunction", Map.of(),
                "analyticsNextEnabled", true,
                "middlewareSettings", Map.of(),
                // Without it analytics-next posts its own counters to Segment's host every 30 s.
                "metrics", Map.of("sampleRate", 0))).build();
    }
}
