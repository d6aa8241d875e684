package dev.uip.definition.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.definition.domain.DefinitionConflictException;
import dev.uip.definition.domain.DefinitionNotFoundException;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.KeyNotFoundException;

/** Maps the registry's errors to JSON answers with a code, a message and, for bad input, the field path. */
public class ErrorMappers {

    /** The error body. */
    public record ApiError(String code, String message, String field) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidDefinitionException e) {
        return error(Response.Status.BAD_REQUEST, "INVALID_DEFINITION", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response conflict(DefinitionConflictException e) {
        return error(Response.Status.CONFLICT, "NAME_CONFLICT", e.getMessage(), "name");
    }

    @ServerExceptionMapper
    public Response notFound(DefinitionNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response keyNotFound(KeyNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
    }

    private static Response error(Response.Status status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message, field)).build();
    }
}
