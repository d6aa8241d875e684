package dev.uip.definition.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.access.CallerContext;
import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.DefinitionDiff;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.repository.EventDefinitionRepository;
import dev.uip.definition.service.DefinitionQueries;
import dev.uip.definition.service.DefinitionService;
import dev.uip.schemas.identity.Role;

/**
 * The event registry's REST API (track events, pages, screens and identify traits; per-name endpoints take
 * {@code ?callType=}, track when absent), always within the workspace of the caller's service token.
 */
@Path("/v1/definitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event definitions")
public class DefinitionResource {

    static final String CALL_TYPE = "callType";

    @Inject
    DefinitionService definitions;

    @Inject
    DefinitionQueries queries;

    @Inject
    CallerContext caller;

    @Inject
    RequestReader reader;

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define an event, a page, a screen or the identify traits", description = "status draft or"
            + " active (default: active, registered); callType track (default), page, screen or identify")
    public Uni<Response> create(String body) {
        DefinitionRequest request = reader.read(body);
        return workspace().chain(ws -> definitions.create(ws, caller.actor(), request.spec(), request.status(),
                request.autoRelease()))
                .map(view -> Response.created(URI.create("/v1/definitions/" + encode(view.name())
                        + (view.callType() == CallType.TRACK ? "" : "?callType=" + view.callType().apiName())))
                        .entity(view).build());
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Operation(summary = "List definitions", description = "Filters owner, keyEvent, status, tag, q, callType;"
            + " page from 0")
    public Uni<PageView<DefinitionView>> list(@QueryParam("owner") String owner,
            @QueryParam("keyEvent") String keyEvent, @QueryParam("status") String status,
            @QueryParam("tag") String tag, @QueryParam("q") String text, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam(CALL_TYPE) String callType) {
        var filter = new EventDefinitionRepository.Filter(QueryParams.text("owner", owner),
                QueryParams.bool("keyEvent", keyEvent), QueryParams.parse("status", status,
                        LifecycleStatus::fromApiName),
                QueryParams.text("tag", tag), QueryParams.text("q", text),
                QueryParams.parse(CALL_TYPE, callType, CallType::fromApiName));
        int pageIndex = QueryParams.integer("page", page, 0, 0, 1_000_000);
        int pageSize = QueryParams.integer("size", size, 50, 1, 200);
        return workspace().chain(ws -> queries.list(ws, filter, pageIndex, pageSize));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{name}")
    public Uni<DefinitionView> get(@PathParam("name") String name, @QueryParam(CALL_TYPE) String callType) {
        return workspace().chain(ws -> queries.get(ws, callType(callType), name));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a definition (a new version)", description = "409 INCOMPATIBLE_CHANGE with reasons unless breaking is true (body or ?breaking=true)")
    public Uni<DefinitionView> update(@PathParam("name") String name, @QueryParam("breaking") String breaking,
            @QueryParam(CALL_TYPE) String callType, String body) {
        CallType type = callType(callType);
        DefinitionRequest request = reader.read(body);
        boolean isBreaking = request.isBreaking() || Boolean.TRUE.equals(QueryParams.bool("breaking", breaking));
        return workspace()
                .chain(ws -> definitions.update(ws, caller.actor(), name, request.spec(name, type), isBreaking,
                        request.autoRelease()));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{name}/publish")
    @Operation(summary = "Publish a draft: register its schema and make it active")
    public Uni<DefinitionView> publish(@PathParam("name") String name, @QueryParam(CALL_TYPE) String callType) {
        return workspace().chain(ws -> definitions.publish(ws, caller.actor(), callType(callType), name));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{name}/archive")
    @Operation(summary = "Archive (reversible): events for it are quarantined, never dropped")
    public Uni<DefinitionView> archive(@PathParam("name") String name, @QueryParam(CALL_TYPE) String callType) {
        return workspace().chain(ws -> definitions.archive(ws, caller.actor(), callType(callType), name));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @POST
    @Path("/{name}/restore")
    public Uni<DefinitionView> restore(@PathParam("name") String name, @QueryParam(CALL_TYPE) String callType) {
        return workspace().chain(ws -> definitions.restore(ws, caller.actor(), callType(callType), name));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{name}/versions")
    public Uni<List<VersionView>> versions(@PathParam("name") String name,
            @QueryParam(CALL_TYPE) String callType) {
        return workspace().chain(ws -> queries.versions(ws, callType(callType), name));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{name}/versions/{version}")
    public Uni<VersionView> version(@PathParam("name") String name, @PathParam("version") String version,
            @QueryParam(CALL_TYPE) String callType) {
        int number = QueryParams.integer("version", version, 0, 1, Integer.MAX_VALUE);
        return workspace().chain(ws -> queries.version(ws, callType(callType), name, number));
    }

    @RolesAllowed(Role.VIEWER_NAME)
    @GET
    @Path("/{name}/diff")
    @Operation(summary = "What changed between two versions")
    public Uni<DefinitionDiff> diff(@PathParam("name") String name, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam(CALL_TYPE) String callType) {
        CallType type = callType(callType);
        int a = QueryParams.integer("from", from == null ? "" : from, -1, 1, Integer.MAX_VALUE);
        int b = QueryParams.integer("to", to == null ? "" : to, -1, 1, Integer.MAX_VALUE);
        if (a < 0 || b < 0) {
            throw new dev.uip.definition.domain.InvalidDefinitionException(a < 0 ? "from" : "to",
                    "from and to are required version numbers");
        }
        return workspace().chain(ws -> queries.diff(ws, type, name, a, b));
    }

    @RolesAllowed(Role.EDITOR_NAME)
    @DELETE
    @Path("/{name}")
    @Operation(summary = "Not supported: definitions are archived, never deleted")
    public Response delete(@PathParam("name") String name) {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "GET, PUT")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError("DELETE_NOT_SUPPORTED", "definitions are never deleted, so that"
                        + " their history and the events recorded with them stay explainable; archive it instead:"
                        + " POST /v1/definitions/{name}/archive (reversible with /restore)", null, null))
                .build();
    }

    /** The call type a per-name request addresses: {@code ?callType=}, track when absent. */
    private static CallType callType(String value) {
        CallType parsed = QueryParams.parse(CALL_TYPE, value, CallType::fromApiName);
        return parsed == null ? CallType.TRACK : parsed;
    }

    private Uni<String> workspace() {
        return Uni.createFrom().item(caller.workspace());
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
