package dev.uip.definition.rest;

import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Gives what the HTTP layer itself refuses (unknown path, wrong method, media type or Accept) and anything unexpected
 * the same JSON error body as the rest of the API; an unexpected error is logged with an id and never shows its
 * stack trace or the input.
 */
public class FrameworkErrorMappers {

    private static final Logger LOG = Logger.getLogger(FrameworkErrorMappers.class);

    @ServerExceptionMapper
    public Response refusedByHttp(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "BAD_REQUEST";
        };
        String message = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not supported here";
            case 406 -> "the API answers application/json only";
            case 415 -> "send the body as application/json";
            default -> "the request cannot be read";
        };
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError(code, message, null, null));
        String allow = original.getHeaderString("Allow");
        return (allow == null ? answer : answer.header("Allow", allow)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError("INTERNAL_ERROR", "an unexpected error; it was logged as " + id,
                        null, null))
                .build();
    }
}
