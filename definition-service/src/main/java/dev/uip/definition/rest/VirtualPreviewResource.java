package dev.uip.definition.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.service.VirtualPreview;
import dev.uip.schemas.identity.Role;

/** Previews a virtual event rule over the caller's workspace's newest raw events, before it is saved. */
@Path("/v1/definitions/virtual/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event definitions")
public class VirtualPreviewResource {

    @Inject
    VirtualPreview preview;

    @Inject
    CallerContext caller;

    @Inject
    RequestReader reader;

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a virtual event rule", description = "How many of the newest raw events (limit,"
            + " default 1000, at most 10000) the rule matches, with up to 10 of the newest matches")
    public Uni<VirtualPreview.Result> preview(String body) {
        VirtualPreviewRequest request = reader.readStrict(body, VirtualPreviewRequest.class,
                "a JSON body with virtualRule is required", "virtualRule, limit");
        int limit = preview.limit(request.limit());
        // checked before the topic is read: a bad rule is a 400 at once
        dev.uip.schemas.virtual.RuleParser.parse(request.virtualRule(), "virtualRule");
        String ws = caller.workspace();
        return Uni.createFrom()
                .item(() -> preview.preview(ws, request.virtualRule(), limit))
                // the topic is read with a blocking consumer: never on the event loop
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
