package dev.uip.definition.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.uip.definition.access.AccessErrorMappers;
import dev.uip.definition.domain.DefinitionConflictException;
import dev.uip.definition.domain.DefinitionNotFoundException;
import dev.uip.definition.domain.IncompatibleChangeException;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.InvalidRuleException;
import dev.uip.definition.domain.KeyNotFoundException;
import dev.uip.definition.domain.LifecycleConflictException;
import dev.uip.definition.domain.RegistryUnavailableException;
import dev.uip.definition.domain.UnauthenticatedException;
import dev.uip.definition.domain.WorkspaceConflictException;
import dev.uip.definition.domain.WorkspaceNotFoundException;

/** Maps the registry's errors to JSON answers with a code, a message and, for bad input, the field path. */
public class ErrorMappers {

    /** The error body; {@code reasons} lists why a change is incompatible. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(String code, String message, String field, List<String> reasons) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidDefinitionException e) {
        return error(Response.Status.BAD_REQUEST, "INVALID_DEFINITION", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response invalidRule(InvalidRuleException e) {
        return error(Response.Status.BAD_REQUEST, "INVALID_RULE", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response conflict(DefinitionConflictException e) {
        return error(Response.Status.CONFLICT, "NAME_CONFLICT", e.getMessage(), "name");
    }

    @ServerExceptionMapper
    public Response workspaceConflict(WorkspaceConflictException e) {
        return error(Response.Status.CONFLICT, "WORKSPACE_CONFLICT", e.getMessage(), "id");
    }

    @ServerExceptionMapper
    public Response incompatible(IncompatibleChangeException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("INCOMPATIBLE_CHANGE", e.getMessage(), null, e.reasons())).build();
    }

    @ServerExceptionMapper
    public Response lifecycle(LifecycleConflictException e) {
        return error(Response.Status.CONFLICT, e.code(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notFound(DefinitionNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response keyNotFound(KeyNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response workspaceNotFound(WorkspaceNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthenticatedException e) {
        return AccessErrorMappers.unauthenticated(e.getMessage());
    }

    @ServerExceptionMapper
    public Response registry(RegistryUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("REGISTRY_UNAVAILABLE", e.getMessage(), null, null)).build();
    }

    private static Response error(Response.Status status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message, field, null)).build();
    }
}
