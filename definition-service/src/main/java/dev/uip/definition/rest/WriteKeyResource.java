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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.service.WriteKeyService;

/** Write keys of a workspace: issue (the key is shown once), list, revoke, rotate. */
@Path("/v1/workspaces/{workspace}/write-keys")
@Produces(MediaType.APPLICATION_JSON)
public class WriteKeyResource {

    @Inject
    WriteKeyService keys;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> issue(@PathParam("workspace") String workspace,
            @HeaderParam(DefinitionResource.ACTOR) @DefaultValue("anonymous") String actor, String body) {
        return keys.issue(workspace, name(body), actor).map(view -> Response
                .created(URI.create("/v1/workspaces/" + workspace + "/write-keys/" + view.id())).entity(view).build());
    }

    @GET
    public Uni<List<WriteKeyView>> list(@PathParam("workspace") String workspace) {
        return keys.list(workspace);
    }

    @POST
    @Path("/{id}/revoke")
    public Uni<WriteKeyView> revoke(@PathParam("workspace") String workspace, @PathParam("id") String id,
            @HeaderParam(DefinitionResource.ACTOR) @DefaultValue("anonymous") String actor) {
        return keys.revoke(workspace, id, actor);
    }

    @POST
    @Path("/{id}/rotate")
    public Uni<Response> rotate(@PathParam("workspace") String workspace, @PathParam("id") String id,
            @HeaderParam(DefinitionResource.ACTOR) @DefaultValue("anonymous") String actor) {
        return keys.rotate(workspace, id, actor).map(view -> Response.status(Response.Status.CREATED).entity(view)
                .build());
    }

    private String name(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode name = node == null ? null : node.get("name");
            if (name != null && !name.isNull() && !name.isTextual()) {
                throw new InvalidDefinitionException("name", "name must be a string");
            }
            return name == null || name.isNull() ? null : name.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidDefinitionException("$", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

}
