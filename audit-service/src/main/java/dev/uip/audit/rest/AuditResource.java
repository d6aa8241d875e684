package dev.uip.audit.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.uip.audit.config.AuditConfig;
import dev.uip.audit.domain.InvalidQueryException;
import dev.uip.audit.service.AuditTrail;
import dev.uip.schemas.names.WorkspaceIds;

/** Reads a workspace's audit trail, newest change first. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig config;

    @GET
    public Uni<List<AuditEntryView>> newest(@QueryParam("workspace") String workspace,
            @QueryParam("limit") String limit) {
        if (workspace == null || workspace.isBlank()) {
            throw new InvalidQueryException("MISSING_WORKSPACE", "query parameter workspace is required");
        }
        if (!WorkspaceIds.isValid(workspace)) {
            throw new InvalidQueryException("INVALID_WORKSPACE", WorkspaceIds.RULE);
        }
        return trail.newest(workspace, parseLimit(limit));
    }

    private int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.defaultLimit();
        }
        String digits = limit.trim();
        // ASCII digits only (Integer.parseInt also takes other scripts' digits), at most 9 so that it fits an int.
        if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(digits);
            if (value >= 1 && value <= config.maxLimit()) {
                return value;
            }
        }
        throw new InvalidQueryException("INVALID_LIMIT", "limit must be a number from 1 to " + config.maxLimit());
    }
}
