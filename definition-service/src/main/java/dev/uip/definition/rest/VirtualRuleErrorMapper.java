package dev.uip.definition.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.uip.schemas.virtual.InvalidVirtualRuleException;

/** Answers a refused virtual event rule with 400, its code (e.g. INVALID_REGEX) and the path in the request. */
public class VirtualRuleErrorMapper {

    @ServerExceptionMapper(InvalidVirtualRuleException.class)
    public Response invalidRule(InvalidVirtualRuleException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMappers.ApiError(e.code(), e.getMessage(), e.path(), null)).build();
    }
}
