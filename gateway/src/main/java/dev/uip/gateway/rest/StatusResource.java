package dev.uip.gateway.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.uip.gateway.domain.ServiceStatus;
import dev.uip.gateway.service.PlatformStatus;

/** The readiness of every service of the platform, for the console and for operators. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    PlatformStatus platform;

    @GET
    public Uni<List<ServiceStatus>> status() {
        return platform.all();
    }
}
