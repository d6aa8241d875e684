package dev.uip.definition.alerting.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.domain.IncidentFilter;
import dev.uip.definition.alerting.repository.IncidentQueries;
import dev.uip.definition.alerting.rest.AlertViews.IncidentDetail;
import dev.uip.definition.alerting.rest.AlertViews.IncidentPage;
import dev.uip.definition.alerting.rest.AlertViews.IncidentView;
import dev.uip.definition.alerting.service.AlertActions;
import dev.uip.definition.alerting.service.AlertBrowser;
import dev.uip.schemas.identity.Role;

/** The alert inbox of the caller's workspace: list and read incidents; acknowledge, resolve, snooze, unsnooze. */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    @Inject
    CallerContext caller;

    @Inject
    AlertBodies bodies;

    @Inject
    AlertBrowser browser;

    @Inject
    AlertActions actions;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "Incidents, newest first", description = "Filters status (open, acknowledged, snoozed,"
            + " resolved), event, team, severity; limit 1-100 (50); pass nextCursor as cursor for the next page")
    public Uni<IncidentPage> list(@QueryParam("status") String status, @QueryParam("event") String event,
            @QueryParam("team") String team, @QueryParam("severity") String severity,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        IncidentFilter filter = AlertParams.filter(status, event, team, severity);
        IncidentQueries.Cursor after = AlertParams.cursor(cursor);
        int size = AlertBodies.integer("limit", limit, 50, 1, 100);
        Instant now = Instant.now();
        return browser.page(caller.workspace(), filter, after, size + 1, now).map(found -> {
            var items = found.stream().limit(size).map(incident -> IncidentView.of(incident, now)).toList();
            String next = found.size() > size ? AlertParams.cursor(found.get(size - 1)) : null;
            return new IncidentPage(items, next);
        });
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{alertId}")
    @Operation(summary = "One incident with its alert records and the actions taken on it")
    public Uni<IncidentDetail> one(@PathParam("alertId") String alertId) {
        return browser.one(caller.workspace(), id(alertId)).map(history -> IncidentDetail.of(history,
                Instant.now()));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an open incident")
    public Uni<IncidentView> acknowledge(@PathParam("alertId") String alertId) {
        return actions.acknowledge(caller.workspace(), caller.actor(), id(alertId)).map(this::view);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{alertId}/resolve")
    @Operation(summary = "Resolve an incident", description = "Optional body {\"note\": \"...\"} (at most 1,000"
            + " characters)")
    public Uni<IncidentView> resolve(@PathParam("alertId") String alertId, String body) {
        AlertRequests.Resolve request = bodies.optional(body, AlertRequests.Resolve.class,
                AlertRequests.Resolve.FIELDS);
        return actions.resolve(caller.workspace(), caller.actor(), id(alertId), request == null
                ? null
                : request.note()).map(this::view);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{alertId}/snooze")
    @Operation(summary = "Snooze an unresolved incident until a time", description = "Body {\"until\": ISO-8601"
            + " instant}, at most 30 days ahead; its notifications are recorded but not delivered until then")
    public Uni<IncidentView> snooze(@PathParam("alertId") String alertId, String body) {
        AlertRequests.Snooze request = bodies.read(body, AlertRequests.Snooze.class, "a JSON body with until is"
                + " required", AlertRequests.Snooze.FIELDS);
        Instant until = AlertBodies.instant("until", request.until());
        return actions.snooze(caller.workspace(), caller.actor(), id(alertId), until).map(this::view);
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{alertId}/unsnooze")
    @Operation(summary = "End an incident's snooze now")
    public Uni<IncidentView> unsnooze(@PathParam("alertId") String alertId) {
        return actions.unsnooze(caller.workspace(), caller.actor(), id(alertId)).map(this::view);
    }

    private IncidentView view(dev.uip.definition.alerting.domain.Incident incident) {
        return IncidentView.of(incident, Instant.now());
    }

    /** Incident ids are UUIDs; anything longer cannot be one and is simply not found. */
    private static String id(String alertId) {
        if (alertId == null || alertId.length() > 64) {
            throw new AlertNotFoundException("no such alert");
        }
        return alertId;
    }
}
