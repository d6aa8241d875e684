package dev.uip.audit.rest;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.uip.audit.domain.HeadsUnavailableException;
import dev.uip.audit.domain.InvalidQueryException;

/**
 * Maps every error of the audit API, refused credentials and roles included, to a JSON answer with a code and a
 * message; nothing a client sent is echoed.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** The error body. */
    public record ApiError(String code, String message) {
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return answer(Response.Status.BAD_REQUEST.getStatusCode(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response headsUnavailable(HeadsUnavailableException e) {
        LOG.warn("Chain verification without published heads", e);
        return answer(503, "HEADS_UNAVAILABLE", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return answer(404, "NOT_FOUND", "no such resource");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.fromResponse(answer(405, "METHOD_NOT_ALLOWED", "the resource does not answer this method"))
                .header("Allow", e.getResponse().getHeaderString("Allow")).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return answer(406, "NOT_ACCEPTABLE", "the audit API answers application/json only");
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
        return answer(403, "FORBIDDEN", "the caller's role may not do this");
    }

    private static Response unauthenticated() {
        return Response.fromResponse(answer(401, "UNAUTHENTICATED", "a valid service token from the gateway is "
                + "required (Authorization: Bearer)")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response otherClientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return answer(status, "BAD_REQUEST", "the request cannot be answered");
        }
        LOG.error("Request failed", e);
        return answer(500, "INTERNAL_ERROR", "the request failed; see the service's log");
    }

    static Response answer(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message))
                .build();
    }
}
