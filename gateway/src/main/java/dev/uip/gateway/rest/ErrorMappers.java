package dev.uip.gateway.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the errors of the gateway's REST routes (unknown path, method, media type) to JSON with a code and a message. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** The error body. */
    public record ApiError(String code, String message) {
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || status >= 500) {
            LOG.error("Request failed", e);
            return json(Response.status(500), new ApiError("INTERNAL_ERROR", "the request failed; see the log"));
        }
        Response.ResponseBuilder answer = Response.status(status);
        if (original.getHeaderString("Allow") != null) {
            answer.header("Allow", original.getHeaderString("Allow"));
        }
        return json(answer, new ApiError(code(status), "the request cannot be answered: HTTP " + status));
    }

    private static Response json(Response.ResponseBuilder answer, ApiError error) {
        return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    static String code(int status) {
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "BAD_REQUEST";
        };
    }
}
