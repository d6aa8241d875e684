package dev.uip.definition.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.definition.domain.inference.InvalidSamplesException;

/** Maps unusable sample events to a 400 with the same error body as the rest of the registry's API. */
public class InferenceErrorMapper {

    @ServerExceptionMapper
    public Response invalidSamples(InvalidSamplesException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError(e.code(), e.getMessage(), e.field(), null)).build();
    }
}
