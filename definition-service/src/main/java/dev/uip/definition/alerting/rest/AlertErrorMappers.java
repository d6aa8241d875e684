package dev.uip.definition.alerting.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.definition.alerting.domain.AlertConflictException;
import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.domain.InvalidAlertRequestException;
import dev.uip.definition.rest.ErrorMappers.ApiError;

/** Maps the alert inbox's errors to the service's JSON error body. */
public class AlertErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidAlertRequestException e) {
        return error(Response.Status.BAD_REQUEST, new ApiError("INVALID_REQUEST", e.getMessage(), e.field(), null));
    }

    @ServerExceptionMapper
    public Response notFound(AlertNotFoundException e) {
        return error(Response.Status.NOT_FOUND, new ApiError("NOT_FOUND", e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response conflict(AlertConflictException e) {
        return error(Response.Status.CONFLICT, new ApiError(e.code(), e.getMessage(), null, null));
    }

    private static Response error(Response.Status status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
