package dev.uip.definition.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.service.Callers;
import dev.uip.definition.service.CredentialService;

/** Management API credentials of a workspace: issue (shown once), list, revoke. */
@Path("/v1/workspaces/{workspace}/api-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces")
public class CredentialResource {

    @Inject
    CredentialService credentials;

    @Inject
    Callers callers;

    @Inject
    NameBody names;

    @PathParam("workspace")
    String workspace;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @HeaderParam(DefinitionResource.ACTOR)
    @DefaultValue("anonymous")
    String actor;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> issue(String body) {
        String name = names.name(body);
        return callers.workspaceOfPath(authorization, workspace).chain(ws -> credentials.issue(ws, name, actor))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    public Uni<List<CredentialView>> list() {
        return callers.workspaceOfPath(authorization, workspace).chain(credentials::list);
    }

    @POST
    @Path("/{id}/revoke")
    public Uni<CredentialView> revoke(@PathParam("id") String id) {
        return callers.workspaceOfPath(authorization, workspace).chain(ws -> credentials.revoke(ws, id, actor));
    }
}
