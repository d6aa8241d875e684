package dev.uip.gateway.account.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.identity.CsrfException;
import dev.uip.gateway.identity.UnauthenticatedException;
import dev.uip.gateway.rest.ErrorMappers.ApiError;

/**
 * Answers the identity errors with the gateway's JSON error body: no credential 401 UNAUTHENTICATED, a session change
 * without its CSRF token 403 CSRF_REFUSED, and each {@link AccountException} with its own status and code (with
 * Retry-After for 429 and 503).
 */
public class AccountErrorMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthenticatedException e) {
        return json(Response.status(401), new ApiError("UNAUTHENTICATED", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response csrf(CsrfException e) {
        return json(Response.status(403), new ApiError("CSRF_REFUSED", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response account(AccountException e) {
        Response.ResponseBuilder answer = Response.status(e.status());
        e.retryAfterSeconds().ifPresent(seconds -> answer.header("Retry-After", seconds));
        return json(answer, new ApiError(e.code(), e.getMessage()));
    }

    private static Response json(Response.ResponseBuilder answer, ApiError error) {
        return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
