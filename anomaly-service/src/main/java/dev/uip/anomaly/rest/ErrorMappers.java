package dev.uip.anomaly.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.StoreNotReadyException;

/**
 * Maps the API's errors, refused credentials and roles included, to JSON answers with a code and a message; nothing a
 * client sends becomes a 500.
 */
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

    /** A path workspace other than the token's, or a route that does not exist: the same answer. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, "NOT_FOUND", "no such resource").build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(Response.Status.FORBIDDEN, "FORBIDDEN", "the caller's role may not do this").build();
    }

    private static Response unauthenticated() {
        return error(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", "a valid service token from the gateway is "
                + "required (Authorization: Bearer)").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response.ResponseBuilder error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message));
    }
}
