package dev.uip.anomaly.rest;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.uip.anomaly.config.CountSettings;
import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.WindowCount;
import dev.uip.anomaly.identity.CurrentCaller;
import dev.uip.anomaly.service.EventCounts;
import dev.uip.schemas.identity.Role;

/**
 * Per-window counts of one track event of the caller's workspace (another workspace in the path is a 404): its trend
 * series' minute buckets.
 */
@Path("/v1/counts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class CountResource {

    static final int DEFAULT_MINUTES = 60;

    @Inject
    EventCounts counts;

    @Inject
    CountSettings settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{workspace}/{event}")
    public List<WindowCount> counts(@PathParam("workspace") String workspace, @PathParam("event") String event,
            @QueryParam("minutes") String minutes) {
        return counts.lastMinutes(QueryNames.workspace(caller.workspace(workspace)), QueryNames.event(event),
                parseMinutes(minutes, settings.retention()));
    }

    /** A span in minutes from 1 to the count span; 60 (or the span, if shorter) when absent. */
    static int parseMinutes(String minutes, Duration retention) {
        long max = retention.toMinutes();
        if (minutes == null || minutes.isBlank()) {
            return (int) Math.min(DEFAULT_MINUTES, max);
        }
        try {
            int value = Integer.parseInt(minutes.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other out-of-range value.
        }
        throw new InvalidQueryException("INVALID_MINUTES", "minutes must be a number from 1 to " + max);
    }
}
