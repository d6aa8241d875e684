package dev.uip.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.uip.audit.config.AuditConfig;
import dev.uip.audit.domain.EntryFilter;
import dev.uip.audit.domain.InvalidQueryException;
import dev.uip.audit.identity.CurrentCaller;
import dev.uip.audit.mapping.EntryViews;
import dev.uip.audit.service.AuditQueries;
import dev.uip.schemas.identity.Role;

/**
 * Timeline markers: the governance changes that touched one event in a time range, in order of occurrence, for overlay
 * on the event's trend chart.
 */
@Path("/v1/audit/{workspace}/markers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class MarkersResource {

    @Inject
    AuditQueries queries;

    @Inject
    AuditConfig config;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<List<MarkerView>> markers(@PathParam("workspace") String workspace, @QueryParam("event") String event,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String own = caller.workspace(workspace);
        String name = QueryParams.text("event", event);
        if (name == null) {
            throw new InvalidQueryException("MISSING_EVENT", "event names the event whose changes to mark");
        }
        EntryFilter range = QueryParams.filter(null, null, null, null, null, from, to);
        return queries.touching(own, name, range, config.maxMarkers())
                .map(found -> found.stream().map(EntryViews::marker).toList());
    }
}
