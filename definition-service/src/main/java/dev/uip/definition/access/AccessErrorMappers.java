package dev.uip.definition.access;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.uip.definition.rest.ErrorMappers;

/**
 * Gives security's refusals the API's JSON error body (Quarkus answers them with an empty body): no, invalid, expired
 * or forged service token is a 401 UNAUTHENTICATED, a role too low a 403 FORBIDDEN.
 */
public class AccessErrorMappers {

    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String FORBIDDEN = "FORBIDDEN";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated("an 'Authorization: Bearer <service token>' header with a valid token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated("the service token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? "the caller's role in this workspace does not allow this"
                : e.getMessage();
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError(FORBIDDEN, message, null, null)).build();
    }

    /** The 401 answer, with the challenge every 401 carries. */
    public static Response unauthenticated(String message) {
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError(UNAUTHENTICATED, message, null, null)).build();
    }
}
