package dev.uip.anomaly.rest;

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
import dev.uip.anomaly.domain.KeyEventTrend;
import dev.uip.anomaly.identity.CurrentCaller;
import dev.uip.anomaly.service.EventCounts;
import dev.uip.schemas.identity.Role;

/**
 * The caller's workspace's key events (from the registry's definitions) with their recent counts: what anomaly checks
 * watch.
 */
@Path("/v1/key-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class KeyEventResource {

    @Inject
    EventCounts counts;

    @Inject
    CountSettings settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{workspace}")
    public List<KeyEventTrend> keyEvents(@PathParam("workspace") String workspace,
            @QueryParam("minutes") String minutes) {
        return counts.keyEvents(QueryNames.workspace(caller.workspace(workspace)),
                CountResource.parseMinutes(minutes, settings.retention()));
    }
}
