package dev.uip.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.uip.audit.domain.Verification;
import dev.uip.audit.identity.CurrentCaller;
import dev.uip.audit.service.ChainVerifier;
import dev.uip.schemas.identity.Role;

/** Verifies the hash chain of the caller's workspace against its published head; another workspace is a 404. */
@Path("/v1/audit/{workspace}/verify")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class VerifyResource {

    @Inject
    ChainVerifier verifier;

    @Inject
    CurrentCaller caller;

    /** {@code {intact, entries, headSequence, firstBrokenSequence, problem, detail}}. */
    @GET
    public Uni<Verification> verify(@PathParam("workspace") String workspace) {
        return verifier.verify(caller.workspace(workspace));
    }
}
