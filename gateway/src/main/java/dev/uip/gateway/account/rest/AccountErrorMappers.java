package dev.uip.gateway.account.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.identity.CsrfException;
import dev.uip.gateway.identity.UnauthenticatedException;
import dev.uip.gateway.rest.ErrorMappers.ApiError;

/**
 * Answers the identity errors with the gateway's JSON error body: no credential 401 UNAUTHENTICATED, a session change
 * without its CSRF token 403 CSRF_REFUSED, and each {@link AccountException} with its own status and code (with
 * Retry-After for 429 and 503); and a JSON body of the wrong shape 400.
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

    /** A JSON body of the wrong shape (an array for an object, a number for a text): 400, not Jackson's bare 400. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return json(Response.status(400), new ApiError("BAD_REQUEST", "the JSON body does not have the expected "
                + "shape"));
    }

    // Quarkus maps this subtype itself to a bare 400; the nearest mapper wins, so it needs its own.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    private static Response json(Response.ResponseBuilder answer, ApiError error) {
        return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
