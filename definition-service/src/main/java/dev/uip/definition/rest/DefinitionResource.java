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

import dev.uip.definition.service.DefinitionService;

/** The event registry's REST API. Until API credentials exist the workspace comes from X-UIP-Workspace. */
@Path("/v1/definitions")
@Produces(MediaType.APPLICATION_JSON)
public class DefinitionResource {

    static final String WORKSPACE = "X-UIP-Workspace";
    static final String ACTOR = "X-UIP-Actor";

    @Inject
    DefinitionService definitions;

    @Inject
    RequestReader reader;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@HeaderParam(WORKSPACE) @DefaultValue("default") String workspace,
            @HeaderParam(ACTOR) @DefaultValue("anonymous") String actor, String body) {
        DefinitionRequest request = reader.read(body);
        return definitions.create(workspace, actor, request)
                .map(view -> Response.created(URI.create("/v1/definitions/" + encode(view.name()))).entity(view)
                        .build());
    }

    @GET
    public Uni<List<DefinitionView>> list(@HeaderParam(WORKSPACE) @DefaultValue("default") String workspace) {
        return definitions.list(workspace);
    }

    @GET
    @Path("/{name}")
    public Uni<DefinitionView> get(@HeaderParam(WORKSPACE) @DefaultValue("default") String workspace,
            @PathParam("name") String name) {
        return definitions.get(workspace, name);
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
