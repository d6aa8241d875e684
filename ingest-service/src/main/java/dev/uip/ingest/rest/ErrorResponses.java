package dev.uip.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error answers of the REST resources (the Segment routes write theirs directly). */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response error(Response.Status status, String code, String message) {
        return refusal(new ClientErrors.Answer(status.getStatusCode(), code, message, 0, null));
    }

    /** The answer to a refused request, with its Retry-After when it has one. */
    static Response refusal(ClientErrors.Answer refusal) {
        Response.ResponseBuilder answer = Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(refusal.code(), refusal.message()));
        if (refusal.retryAfterSeconds() > 0) {
            answer.header("Retry-After", refusal.retryAfterSeconds());
        }
        return answer.build();
    }
}
