package dev.uip.definition.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.repository.AlertRuleRepository;
import dev.uip.schemas.identity.Role;

/**
 * Alert rules of a named series (track events by name, pages and screens by name: {@code ?callType=}, default
 * track), within the caller's workspace as for /v1/definitions. The event need not be defined.
 */
@Path("/v1/events/{event}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alert rules")
public class EventRuleResource {

    @Inject
    RuleEndpoints endpoints;

    @Inject
    CallerContext caller;

    @Inject
    RuleRequests requests;

    @PathParam("event")
    String event;

    @QueryParam("callType")
    String callType;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "The stored rules of the event (of every call type unless ?callType= is given)")
    public Uni<PageView<AlertRuleView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return endpoints.list(caller.caller(), new AlertRuleRepository.Filter(requests.event(event, callType), null,
                requests.callType(callType), null), page, size);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @PUT
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a rule (a new version)", description = "The body is the whole rule; "
            + "If-Match or ?expectedVersion= makes it conditional (409 VERSION_MISMATCH); 201 when created")
    public Uni<Response> put(@PathParam("kind") String kind, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("expectedVersion") String expectedVersion, String body) {
        RuleKey key = requests.eventKey(event, kind, callType);
        return endpoints.put(caller.caller(), key, body, ifMatch, expectedVersion, location(key));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{kind}")
    @Operation(summary = "The rule in effect (404: none stored, the default applies)")
    public Uni<Response> get(@PathParam("kind") String kind) {
        return endpoints.get(caller.caller(), requests.eventKey(event, kind, callType));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{kind}")
    @Operation(summary = "Delete a rule (a new version, deleted): the default applies again")
    public Uni<AlertRuleView> delete(@PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("expectedVersion") String expectedVersion) {
        return endpoints.delete(caller.caller(), requests.eventKey(event, kind, callType), ifMatch, expectedVersion);
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{kind}/versions")
    @Operation(summary = "Every version of a rule, oldest first, deleted ones included; page from 0")
    public Uni<PageView<AlertRuleVersionView>> versions(@PathParam("kind") String kind,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return endpoints.versions(caller.caller(), requests.eventKey(event, kind, callType), page, size);
    }

    static URI location(RuleKey key) {
        return URI.create("/v1/events/" + URLEncoder.encode(key.event(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/rules/" + key.kind().apiName() + "?callType=" + key.callType().apiName());
    }
}
