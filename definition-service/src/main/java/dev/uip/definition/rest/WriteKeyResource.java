package dev.uip.definition.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.service.WriteKeyService;
import dev.uip.schemas.identity.Role;

/** Write keys of a workspace: issue (the key is shown once), list, revoke, rotate. */
@Path("/v1/workspaces/{workspace}/write-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Write keys")
public class WriteKeyResource {

    @Inject
    WriteKeyService keys;

    @Inject
    CallerContext caller;

    @Inject
    NameBody names;

    @PathParam("workspace")
    String workspace;

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> issue(String body) {
        String name = names.name(body);
        return caller().chain(ws -> keys.issue(ws, name, caller.actor())).map(view -> Response
                .created(URI.create("/v1/workspaces/" + workspace + "/write-keys/" + view.id())).entity(view).build());
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @GET
    public Uni<List<WriteKeyView>> list() {
        return caller().chain(keys::list);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/{id}/revoke")
    public Uni<WriteKeyView> revoke(@PathParam("id") String id) {
        return caller().chain(ws -> keys.revoke(ws, id, caller.actor()));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Path("/{id}/rotate")
    public Uni<Response> rotate(@PathParam("id") String id) {
        return caller().chain(ws -> keys.rotate(ws, id, caller.actor()))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    private Uni<String> caller() {
        return Uni.createFrom().item(caller.workspaceOfPath(workspace));
    }
}
