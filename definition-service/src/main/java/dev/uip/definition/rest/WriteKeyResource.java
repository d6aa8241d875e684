package dev.uip.definition.rest;

import java.net.URI;
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
import dev.uip.definition.service.WriteKeyService;

/** Write keys of a workspace: issue (the key is shown once), list, revoke, rotate. */
@Path("/v1/workspaces/{workspace}/write-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Write keys")
public class WriteKeyResource {

    @Inject
    WriteKeyService keys;

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
        return caller().chain(ws -> keys.issue(ws, name, actor)).map(view -> Response
                .created(URI.create("/v1/workspaces/" + workspace + "/write-keys/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<List<WriteKeyView>> list() {
        return caller().chain(keys::list);
    }

    @POST
    @Path("/{id}/revoke")
    public Uni<WriteKeyView> revoke(@PathParam("id") String id) {
        return caller().chain(ws -> keys.revoke(ws, id, actor));
    }

    @POST
    @Path("/{id}/rotate")
    public Uni<Response> rotate(@PathParam("id") String id) {
        return caller().chain(ws -> keys.rotate(ws, id, actor))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    private Uni<String> caller() {
        return callers.workspaceOfPath(authorization, workspace);
    }
}
