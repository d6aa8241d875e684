package dev.uip.gateway.account.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.account.domain.Invitation;
import dev.uip.gateway.account.rest.AccountRequests.Invite;
import dev.uip.gateway.account.service.Invitations;
import dev.uip.schemas.identity.Role;

/** An admin's invitations to the workspace: made (the token shown once), listed while open, withdrawn. */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    /** An invitation; {@code token} only in the answer that made it. */
    public record InvitationView(String id, String email, String role, Instant createdAt, Instant expiresAt,
            String token) {

        static InvitationView of(Invitation invitation, String token) {
            return new InvitationView(invitation.id().toString(), invitation.email(), invitation.role().roleName(),
                    invitation.createdAt(), invitation.expiresAt(), token);
        }
    }

    @Inject
    Invitations invitations;

    @Inject
    ApiCallers callers;

    @Context
    HttpServerRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> invite(Invite body) {
        return callers.require(request, Role.ADMIN).chain(admin -> {
            Invite invite = AccountRequests.required(body);
            return invitations.invite(admin, invite.email(), invite.role());
        }).map(issued -> Response.created(URI.create("/api/v1/invitations/" + issued.invitation().id()))
                .entity(InvitationView.of(issued.invitation(), issued.token())).build());
    }

    @GET
    public Uni<List<InvitationView>> list() {
        return callers.require(request, Role.ADMIN).chain(invitations::open)
                .map(all -> all.stream().map(invitation -> InvitationView.of(invitation, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> withdraw(@PathParam("id") String id) {
        return callers.require(request, Role.ADMIN).chain(admin -> invitations.withdraw(admin, uuid(id)))
                .map(done -> Response.noContent().build());
    }

    static UUID uuid(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below, as an id of nothing
        }
        throw AccountException.notFound("no such id");
    }
}
