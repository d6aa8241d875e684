package dev.uip.anomaly.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.StoreNotReadyException;

/** Maps the count API's errors to JSON answers with a code and a message; nothing a client sends becomes a 500. */
public class ErrorMappers {

    /** The error body. */
    public record ApiError(String code, String message) {
    }

    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return error(Response.Status.BAD_REQUEST, e.code(), e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response storeNotReady(StoreNotReadyException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, "STORE_NOT_READY", e.getMessage())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response.ResponseBuilder error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message));
    }
}
