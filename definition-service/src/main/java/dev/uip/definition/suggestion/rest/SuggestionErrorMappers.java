package dev.uip.definition.suggestion.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.definition.rest.ErrorMappers.ApiError;
import dev.uip.definition.suggestion.domain.InvalidSuggestionRequestException;
import dev.uip.definition.suggestion.domain.SuggestionConflictException;
import dev.uip.definition.suggestion.domain.SuggestionNotFoundException;

/** Maps the suggestions API's errors to the service's JSON error body. */
public class SuggestionErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidSuggestionRequestException e) {
        return error(Response.Status.BAD_REQUEST, new ApiError("INVALID_REQUEST", e.getMessage(), e.field(), null));
    }

    @ServerExceptionMapper
    public Response notFound(SuggestionNotFoundException e) {
        return error(Response.Status.NOT_FOUND, new ApiError("NOT_FOUND", e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response conflict(SuggestionConflictException e) {
        return error(Response.Status.CONFLICT, new ApiError(e.code(), e.getMessage(), null, e.reasons()));
    }

    private static Response error(Response.Status status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
