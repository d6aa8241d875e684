package dev.uip.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.uip.audit.config.AuditConfig;
import dev.uip.audit.identity.CurrentCaller;
import dev.uip.audit.service.AuditTrail;
import dev.uip.schemas.identity.Role;

/**
 * Reads the audit trail of the caller's workspace (the service token's), newest change first; a workspace named in the
 * path or the query other than the token's is a 404.
 */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig config;

    @Inject
    CurrentCaller caller;

    /** The token's workspace; {@code workspace}, if given non-empty (as scripts of old do), must be it. */
    @GET
    public Uni<List<AuditEntryView>> newest(@QueryParam("workspace") String workspace,
            @QueryParam("limit") String limit) {
        String own = workspace == null || workspace.isEmpty()
                ? caller.get().workspace()
                : caller.workspace(workspace);
        return trail.newest(own, parseLimit(limit));
    }

    @GET
    @Path("/{workspace}")
    public Uni<List<AuditEntryView>> newestOf(@PathParam("workspace") String workspace,
            @QueryParam("limit") String limit) {
        return trail.newest(caller.workspace(workspace), parseLimit(limit));
    }

    private int parseLimit(String limit) {
        return QueryParams.limit(limit, config.defaultLimit(), config.maxLimit());
    }
}
