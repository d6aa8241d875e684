package dev.uip.ingest.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.domain.KeysNotLoadedException;
import dev.uip.ingest.domain.PayloadTooLargeException;
import dev.uip.ingest.domain.RateLimitedException;
import dev.uip.ingest.domain.UnauthorizedException;
import dev.uip.ingest.service.IngestMetrics;

/** Maps the ingest edge's client errors to Segment-style JSON answers; nothing a client sends becomes a 500. */
public class ErrorMappers {

    @Inject
    IngestMetrics metrics;

    @ServerExceptionMapper
    public Response badMessage(BadMessageException e) {
        metrics.rejected(IngestMetrics.UNKNOWN_WORKSPACE, e.code());
        return error(Response.Status.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        metrics.rejected(IngestMetrics.UNKNOWN_WORKSPACE, "TOO_LARGE");
        return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE", e.getMessage());
    }

    @ServerExceptionMapper
    public Response keysLoading(KeysNotLoadedException e) {
        return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "KEYS_LOADING", e.getMessage()))
                .header("Retry-After", 2).build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        metrics.rejected(e.workspaceId(), "RATE_LIMITED");
        return Response.fromResponse(error(Response.Status.TOO_MANY_REQUESTS, "RATE_LIMITED", e.getMessage()))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        metrics.rejected(IngestMetrics.UNKNOWN_WORKSPACE, "UNAUTHORIZED");
        return error(Response.Status.UNAUTHORIZED, "UNAUTHORIZED", e.getMessage());
    }

    static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message))
                .build();
    }
}
