package dev.uip.definition.alerting.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.rest.AlertViews.WindowView;
import dev.uip.definition.alerting.service.MaintenanceWindows;
import dev.uip.schemas.identity.Role;

/** Maintenance windows of the caller's workspace: alert notifications in them are recorded but not delivered. */
@Path("/v1/maintenance-windows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class MaintenanceWindowResource {

    @Inject
    CallerContext caller;

    @Inject
    AlertBodies bodies;

    @Inject
    MaintenanceWindows windows;

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a maintenance window", description = "Body {event (null: the whole workspace),"
            + " startsAt, endsAt, reason}; at most 31 days long, at most 100 not yet over per workspace")
    public Uni<WindowView> create(String body) {
        AlertRequests.Window request = bodies.read(body, AlertRequests.Window.class, "a JSON body with startsAt and"
                + " endsAt is required", AlertRequests.Window.FIELDS);
        Instant startsAt = AlertBodies.instant("startsAt", request.startsAt());
        Instant endsAt = AlertBodies.instant("endsAt", request.endsAt());
        return windows.create(caller.workspace(), caller.actor(), request.event(), startsAt, endsAt,
                request.reason()).map(window -> WindowView.of(window, Instant.now()));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "Maintenance windows, newest first", description = "current=true (default) lists those"
            + " not yet over; current=false every one kept")
    public Uni<List<WindowView>> list(@QueryParam("current") String current) {
        boolean currentOnly = current == null || !current.strip().equalsIgnoreCase("false");
        Instant now = Instant.now();
        return windows.list(caller.workspace(), currentOnly)
                .map(found -> found.stream().map(window -> WindowView.of(window, now)).toList());
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{windowId}")
    @Operation(summary = "End a maintenance window now (the record is kept)")
    public Uni<WindowView> end(@PathParam("windowId") String windowId) {
        if (windowId == null || windowId.length() > 64) {
            throw new AlertNotFoundException("no such maintenance window");
        }
        return windows.end(caller.workspace(), caller.actor(), windowId)
                .map(window -> WindowView.of(window, Instant.now()));
    }
}
