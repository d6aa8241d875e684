package dev.uip.definition.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.domain.InvalidRuleException;
import dev.uip.definition.repository.AlertRuleRepository;
import dev.uip.schemas.identity.Role;

/** The list of a workspace's stored alert rules (deleted ones are not listed: their defaults apply). */
@Path("/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alert rules")
public class AlertRuleResource {

    @Inject
    RuleEndpoints endpoints;

    @Inject
    CallerContext caller;

    @Inject
    RuleRequests requests;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "List stored rules", description = "Filters event, kind, callType, enabled; page from 0,"
            + " size 1-200 (default 50); ordered by event, call type and kind")
    public Uni<PageView<AlertRuleView>> list(@QueryParam("event") String event, @QueryParam("kind") String kind,
            @QueryParam("callType") String callType, @QueryParam("enabled") String enabled,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String name = RuleRequests.rule(() -> QueryParams.text("event", event));
        if (name != null && (name.indexOf('/') >= 0 || !name.equals(event))) {
            throw new InvalidRuleException("event", "event is an exact event name without '/' or surrounding spaces");
        }
        var filter = new AlertRuleRepository.Filter(name, kind == null || kind.isBlank()
                ? null
                : requests.kind(kind.strip()), requests.callType(callType),
                RuleRequests.rule(() -> QueryParams.bool("enabled", enabled)));
        return endpoints.list(caller.caller(), filter, page, size);
    }
}
