package dev.uip.definition.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.uip.definition.service.Callers;
import dev.uip.definition.service.VirtualPreview;

/** Previews a virtual event rule over the caller's workspace's newest raw events, before it is saved. */
@Path("/v1/definitions/virtual/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event definitions")
public class VirtualPreviewResource {

    @Inject
    VirtualPreview preview;

    @Inject
    Callers callers;

    @Inject
    RequestReader reader;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @HeaderParam(DefinitionResource.WORKSPACE)
    String workspaceHeader;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a virtual event rule", description = "How many of the newest raw events (limit,"
            + " default 1000, at most 10000) the rule matches, with up to 10 of the newest matches")
    public Uni<VirtualPreview.Result> preview(String body) {
        VirtualPreviewRequest request = reader.readStrict(body, VirtualPreviewRequest.class,
                "a JSON body with virtualRule is required", "virtualRule, limit");
        int limit = preview.limit(request.limit());
        // checked before the workspace is looked up or the topic read: a bad rule is a 400 at once
        dev.uip.schemas.virtual.RuleParser.parse(request.virtualRule(), "virtualRule");
        return callers.workspace(authorization, workspaceHeader).chain(ws -> Uni.createFrom()
                .item(() -> preview.preview(ws, request.virtualRule(), limit))
                // the topic is read with a blocking consumer: never on the event loop
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
