package dev.uip.definition.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.UnplannedPolicy;
import dev.uip.definition.service.Callers;
import dev.uip.definition.service.WorkspaceService;

/** Workspaces: created with their first management credential (shown once); settings read and changed. */
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
    Callers callers;

    @Inject
    RequestReader reader;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @HeaderParam(DefinitionResource.ACTOR)
    @DefaultValue("anonymous")
    String actor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a workspace", description = "The answer holds its first API credential, once")
    public Uni<Response> create(String body) {
        WorkspaceRequest request = reader.read(body, WorkspaceRequest.class, "a JSON body with id is required");
        return workspaces.create(request.id(), request.name(), request.unplannedEvents(), actor)
                .map(created -> Response.created(URI.create("/v1/workspaces/" + created.workspace().id()))
                        .entity(created).build());
    }

    @GET
    @Path("/{workspace}")
    public Uni<WorkspaceView> get(@PathParam("workspace") String workspace) {
        return callers.workspaceOfPath(authorization, workspace).chain(workspaces::get);
    }

    @PUT
    @Path("/{workspace}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a workspace's name or unplanned-events policy")
    public Uni<WorkspaceView> update(@PathParam("workspace") String workspace, String body) {
        WorkspaceRequest request = reader.read(body, WorkspaceRequest.class, "a JSON body is required");
        return callers.workspaceOfPath(authorization, workspace)
                .chain(ws -> workspaces.update(ws, request.name(), request.unplannedEvents(), actor));
    }
}
