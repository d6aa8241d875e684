package dev.uip.definition.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.notify.domain.DeliveryEntry;
import dev.uip.definition.notify.domain.NotificationEntry;
import dev.uip.definition.notify.service.NotificationQueries;
import dev.uip.schemas.identity.Role;

/** Where the workspace's notifications went: each with its deliveries, and a channel's delivery log. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notify")
public class NotificationResource {

    @Inject
    CallerContext caller;

    @Inject
    NotificationQueries queries;

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/notifications")
    @Operation(summary = "Notifications, newest first, with their deliveries", description = "subjectType and"
            + " subjectId (e.g. ALERT and an incident id) filter; limit 1-100 (default 50)")
    public Uni<List<NotificationEntry>> list(@QueryParam("subjectType") String subjectType,
            @QueryParam("subjectId") String subjectId, @QueryParam("limit") String limit) {
        return queries.list(caller.workspace(), NotifyParams.optional("subjectType", subjectType),
                NotifyParams.optional("subjectId", subjectId), NotifyParams.limit(limit, 50, 100));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/notifications/{notificationId}")
    @Operation(summary = "One notification with its deliveries and each one's attempts")
    public Uni<NotificationEntry> get(@PathParam("notificationId") String notificationId) {
        return queries.get(caller.workspace(), NotifyParams.id("notificationId", notificationId));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/deliveries")
    @Operation(summary = "The delivery log, newest first", description = "channel (id) and status filter; limit"
            + " 1-200 (default 50)")
    public Uni<List<DeliveryEntry>> deliveries(@QueryParam("channel") String channel,
            @QueryParam("status") String status, @QueryParam("limit") String limit) {
        return queries.deliveries(caller.workspace(), NotifyParams.optional("channel", channel),
                NotifyParams.status(status), NotifyParams.limit(limit, 50, 200));
    }
}
