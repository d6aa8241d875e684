package dev.uip.definition.quarantine.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.definition.quarantine.domain.InvalidQuarantineRequestException;
import dev.uip.definition.quarantine.domain.QuarantineNotFoundException;
import dev.uip.definition.rest.ErrorMappers.ApiError;

/** Maps the quarantine API's errors to the service's JSON error body. */
public class QuarantineErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidQuarantineRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("INVALID_REQUEST", e.getMessage(), e.field(), null)).build();
    }

    @ServerExceptionMapper
    public Response notFound(QuarantineNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("NOT_FOUND", e.getMessage(), null, null)).build();
    }
}
