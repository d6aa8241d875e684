package dev.uip.definition.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.notify.domain.ChannelRequest;
import dev.uip.definition.notify.rest.NotifyViews.ChannelView;
import dev.uip.definition.notify.rest.NotifyViews.TestView;
import dev.uip.definition.notify.service.Channels;
import dev.uip.definition.rest.RequestReader;
import dev.uip.schemas.identity.Role;

/** The channels of the caller's workspace: admins manage them, viewers may list and read them (URLs masked). */
@Path("/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notify")
public class ChannelResource {

    @Inject
    CallerContext caller;

    @Inject
    RequestReader reader;

    @Inject
    Channels channels;

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create a channel", description = "kind WEBHOOK or SLACK with url, EMAIL with recipients;"
            + " team (none: a default channel), paging. A webhook's signingSecret is in this answer only")
    public Uni<ChannelView> create(String body) {
        ChannelRequest request = read(body);
        return channels.create(caller.workspace(), caller.actor(), request)
                .map(created -> ChannelView.of(created.channel(), created.signingSecret()));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    public Uni<List<ChannelView>> list() {
        return channels.list(caller.workspace())
                .map(found -> found.stream().map(channel -> ChannelView.of(channel, null)).toList());
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{channelId}")
    public Uni<ChannelView> get(@PathParam("channelId") String channelId) {
        return channels.get(caller.workspace(), NotifyParams.id("channelId", channelId))
                .map(channel -> ChannelView.of(channel, null));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @PATCH
    @Path("/{channelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a channel's name, team, paging, url or recipients (its kind stays)")
    public Uni<ChannelView> update(@PathParam("channelId") String channelId, String body) {
        String id = NotifyParams.id("channelId", channelId);
        ChannelRequest request = read(body);
        return channels.update(caller.workspace(), caller.actor(), id, request)
                .map(channel -> ChannelView.of(channel, null));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @DELETE
    @Path("/{channelId}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a channel; its deliveries not sent yet are cancelled, its log stays")
    public Uni<Void> delete(@PathParam("channelId") String channelId) {
        return channels.delete(caller.workspace(), caller.actor(), NotifyParams.id("channelId", channelId));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/{channelId}/test")
    @ResponseStatus(202)
    @Operation(summary = "Send a TEST notification to this channel now", description = "Its delivery shows in"
            + " GET /v1/notifications/{notificationId}")
    public Uni<TestView> test(@PathParam("channelId") String channelId) {
        return channels.test(caller.workspace(), caller.actor(), NotifyParams.id("channelId", channelId))
                .map(TestView::new);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/{channelId}/rotate-secret")
    @Operation(summary = "Replace a webhook's signing secret", description = "The new signingSecret is in this"
            + " answer only; the old one stops working at once")
    public Uni<ChannelView> rotateSecret(@PathParam("channelId") String channelId) {
        return channels.rotateSecret(caller.workspace(), caller.actor(), NotifyParams.id("channelId", channelId))
                .map(rotated -> ChannelView.of(rotated.channel(), rotated.signingSecret()));
    }

    private ChannelRequest read(String body) {
        return reader.readStrict(body, ChannelRequest.class, "a JSON body with the channel's fields is required",
                ChannelRequest.FIELDS);
    }
}
