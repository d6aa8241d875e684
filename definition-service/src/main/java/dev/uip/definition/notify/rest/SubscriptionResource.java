package dev.uip.definition.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import dev.uip.definition.notify.domain.SubscriptionRequest;
import dev.uip.definition.notify.rest.NotifyViews.SubscriptionView;
import dev.uip.definition.notify.service.Subscriptions;
import dev.uip.definition.rest.RequestReader;
import dev.uip.schemas.identity.Role;

/** Change subscriptions of the caller's workspace: editors manage them, viewers may list them. */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notify")
public class SubscriptionResource {

    @Inject
    CallerContext caller;

    @Inject
    RequestReader reader;

    @Inject
    Subscriptions subscriptions;

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Subscribe to changes", description = "scope WORKSPACE, TEAM (team: the definitions it owns)"
            + " or EVENT (eventName); keyEventsOnly; actions (empty: all); channelId (else by team); digest NONE"
            + " or DAILY")
    public Uni<SubscriptionView> create(String body) {
        SubscriptionRequest request = reader.readStrict(body, SubscriptionRequest.class,
                "a JSON body with the subscription's fields is required", SubscriptionRequest.FIELDS);
        return subscriptions.create(caller.workspace(), caller.actor(), request).map(SubscriptionView::of);
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    public Uni<List<SubscriptionView>> list() {
        return subscriptions.list(caller.workspace())
                .map(found -> found.stream().map(SubscriptionView::of).toList());
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{subscriptionId}")
    @ResponseStatus(204)
    public Uni<Void> delete(@PathParam("subscriptionId") String subscriptionId) {
        return subscriptions.delete(caller.workspace(), caller.actor(),
                NotifyParams.id("subscriptionId", subscriptionId));
    }
}
