package dev.uip.definition.rest;

import java.net.URI;

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
import dev.uip.schemas.identity.Role;

/** Alert rules of the unnamed series (identify, group and alias calls, counted by type), like {@link EventRuleResource}. */
@Path("/v1/calls/{callType}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alert rules")
public class CallRuleResource {

    @Inject
    RuleEndpoints endpoints;

    @Inject
    CallerContext caller;

    @Inject
    RuleRequests requests;

    @PathParam("callType")
    String callType;

    @RolesAllowed(Role.EDITOR_NAME)
    @PUT
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a rule of identify, group or alias calls (a new version)")
    public Uni<Response> put(@PathParam("kind") String kind, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("expectedVersion") String expectedVersion, String body) {
        RuleKey key = requests.callKey(callType, kind);
        return endpoints.put(caller.caller(), key, body, ifMatch, expectedVersion, URI.create("/v1/calls/"
                + key.callType().apiName() + "/rules/" + key.kind().apiName()));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{kind}")
    public Uni<Response> get(@PathParam("kind") String kind) {
        return endpoints.get(caller.caller(), requests.callKey(callType, kind));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{kind}")
    public Uni<AlertRuleView> delete(@PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("expectedVersion") String expectedVersion) {
        return endpoints.delete(caller.caller(), requests.callKey(callType, kind), ifMatch, expectedVersion);
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{kind}/versions")
    public Uni<PageView<AlertRuleVersionView>> versions(@PathParam("kind") String kind,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return endpoints.versions(caller.caller(), requests.callKey(callType, kind), page, size);
    }

}
