package dev.uip.audit.rest;

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
import dev.uip.audit.domain.EntryFilter;
import dev.uip.audit.identity.CurrentCaller;
import dev.uip.audit.mapping.EntryViews;
import dev.uip.audit.service.AuditQueries;
import dev.uip.schemas.identity.Role;

/**
 * Queries the caller's workspace's entries by entity, event, actor, action and time of the change, newest first, with
 * an opaque cursor on the sequence (no limit on how far back) and each entry's before/after diff.
 */
@Path("/v1/audit/{workspace}/entries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class EntriesResource {

    @Inject
    AuditQueries queries;

    @Inject
    AuditConfig config;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<EntryPageView> entries(@PathParam("workspace") String workspace,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("event") String event, @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        String own = caller.workspace(workspace);
        EntryFilter filter = QueryParams.filter(entityType, entityId, event, actor, action, from, to);
        Long before = QueryParams.cursor(cursor);
        int size = QueryParams.limit(limit, config.defaultLimit(), config.maxLimit());
        return queries.pageWithOneMore(own, filter, before, size).map(found -> new EntryPageView(
                found.stream().limit(size).map(EntryViews::detail).toList(),
                found.size() > size ? QueryParams.cursorAfter(found.get(size - 1).sequence()) : null));
    }
}
