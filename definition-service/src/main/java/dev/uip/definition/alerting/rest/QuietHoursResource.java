package dev.uip.definition.alerting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.alerting.domain.InvalidAlertRequestException;
import dev.uip.definition.alerting.domain.TeamQuietHours;
import dev.uip.definition.alerting.rest.AlertViews.QuietHoursView;
import dev.uip.definition.alerting.service.QuietHoursService;
import dev.uip.schemas.identity.Role;

/** A team's quiet hours: its non-paging alert notifications in them are recorded but not delivered. */
@Path("/v1/teams/{team}/quiet-hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class QuietHoursResource {

    /** Longest team name (as definitions bound ownerTeam). */
    static final int MAX_TEAM = 200;

    @Inject
    CallerContext caller;

    @Inject
    AlertBodies bodies;

    @Inject
    QuietHoursService service;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "The team's quiet hours (404 when it has none)")
    public Uni<QuietHoursView> get(@PathParam("team") String team) {
        return service.get(caller.workspace(), team(team)).map(QuietHoursView::of);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @PUT
    @Operation(summary = "Set the team's quiet hours", description = "Body {startHour, endHour (0-23, local hours"
            + " [start, end) wrapping midnight), timeZone (e.g. Europe/Paris)}")
    public Uni<QuietHoursView> put(@PathParam("team") String team, String body) {
        String name = team(team);
        AlertRequests.QuietHours request = bodies.read(body, AlertRequests.QuietHours.class, "a JSON body with"
                + " startHour, endHour and timeZone is required", AlertRequests.QuietHours.FIELDS);
        TeamQuietHours hours = TeamQuietHours.of(name, request.startHour(), request.endHour(), request.timeZone());
        return service.put(caller.workspace(), caller.actor(), hours).map(QuietHoursView::of);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @DELETE
    @ResponseStatus(204)
    @Operation(summary = "Remove the team's quiet hours")
    public Uni<Void> delete(@PathParam("team") String team) {
        return service.delete(caller.workspace(), caller.actor(), team(team));
    }

    private static String team(String team) {
        if (team == null || team.isBlank() || team.length() > MAX_TEAM || !team.equals(team.strip())) {
            throw new InvalidAlertRequestException("team", "a team is 1-" + MAX_TEAM + " characters without leading"
                    + " or trailing spaces");
        }
        return team;
    }
}
