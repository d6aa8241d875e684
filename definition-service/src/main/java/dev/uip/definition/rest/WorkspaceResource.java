package dev.uip.definition.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.UnplannedPolicy;
import dev.uip.definition.domain.Workspaces;
import dev.uip.definition.service.WorkspaceService;
import dev.uip.schemas.identity.Role;

/** Workspaces: created by the gateway at sign-up (with an admin token for the new workspace); settings read and changed. */
@Path("/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces")
public class WorkspaceResource {

    /** The body of create and update requests. */
    public record WorkspaceRequest(String id, String name, UnplannedPolicy unplannedEvents) {
    }

    @Inject
    WorkspaceService workspaces;

    @Inject
    CallerContext caller;

    @Inject
    RequestReader reader;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a workspace", description = "Only with an admin token for that very workspace (the"
            + " gateway mints one at sign-up); any other id is a 403")
    public Uni<Response> create(String body) {
        WorkspaceRequest request = reader.read(body, WorkspaceRequest.class, "a JSON body with id is required");
        if (request.id() == null) {
            throw new InvalidDefinitionException("id", "id is required");
        }
        Workspaces.checkId(request.id());
        if (!request.id().equals(caller.workspace())) {
            throw new ForbiddenException("a workspace is created only with an admin token for that workspace");
        }
        return workspaces.create(request.id(), request.name(), request.unplannedEvents(), caller.actor())
                .map(created -> Response.created(URI.create("/v1/workspaces/" + created.id())).entity(created)
                        .build());
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Path("/{workspace}")
    public Uni<WorkspaceView> get(@PathParam("workspace") String workspace) {
        return workspaces.get(caller.workspaceOfPath(workspace));
    }

    @PUT
    @RolesAllowed(Role.ADMIN_NAME)
    @Path("/{workspace}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a workspace's name or unplanned-events policy")
    public Uni<WorkspaceView> update(@PathParam("workspace") String workspace, String body) {
        String ws = caller.workspaceOfPath(workspace);
        WorkspaceRequest request = reader.read(body, WorkspaceRequest.class, "a JSON body is required");
        return workspaces.update(ws, request.name(), request.unplannedEvents(), caller.actor());
    }
}
