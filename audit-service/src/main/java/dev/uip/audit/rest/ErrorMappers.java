package dev.uip.audit.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.audit.domain.InvalidQueryException;

/** Maps the audit API's client errors to JSON answers with a code and a message. */
public class ErrorMappers {

    /** The error body. */
    public record ApiError(String code, String message) {
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.code(), e.getMessage())).build();
    }
}
