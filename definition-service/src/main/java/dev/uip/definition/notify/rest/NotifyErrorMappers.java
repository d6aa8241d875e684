package dev.uip.definition.notify.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.definition.notify.domain.InvalidNotifyRequestException;
import dev.uip.definition.notify.domain.NotifyConflictException;
import dev.uip.definition.notify.domain.NotifyNotFoundException;
import dev.uip.definition.rest.ErrorMappers.ApiError;

/** Maps the notify API's errors to the service's JSON error body. */
public class NotifyErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidNotifyRequestException e) {
        return error(Response.Status.BAD_REQUEST, "INVALID_REQUEST", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response notFound(NotifyNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(NotifyConflictException e) {
        return error(Response.Status.CONFLICT, e.code(), e.getMessage(), null);
    }

    private static Response error(Response.Status status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message, field, null)).build();
    }
}
