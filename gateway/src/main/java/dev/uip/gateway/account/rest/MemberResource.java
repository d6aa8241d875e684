package dev.uip.gateway.account.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dev.uip.gateway.account.domain.AccountRules;
import dev.uip.gateway.account.domain.Member;
import dev.uip.gateway.account.rest.AccountRequests.ChangeRole;
import dev.uip.gateway.account.service.Members;
import dev.uip.schemas.identity.Role;

/** The workspace's members: listed by any member, their roles changed and members removed by an admin. */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    /** A member. */
    public record MemberView(String userId, String email, String role) {

        static MemberView of(Member member) {
            return new MemberView(member.userId().toString(), member.email(), member.role().roleName());
        }
    }

    @Inject
    Members members;

    @Inject
    ApiCallers callers;

    @Context
    HttpServerRequest request;

    @GET
    public Uni<List<MemberView>> list() {
        return callers.require(request, Role.VIEWER).chain(members::list)
                .map(all -> all.stream().map(MemberView::of).toList());
    }

    @PUT
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MemberView> changeRole(@PathParam("userId") String userId, ChangeRole body) {
        return callers.require(request, Role.ADMIN).chain(admin -> members.changeRole(admin,
                InvitationResource.uuid(userId), AccountRules.role(AccountRequests.required(body).role())))
                .map(MemberView::of);
    }

    @DELETE
    @Path("/{userId}")
    public Uni<Response> remove(@PathParam("userId") String userId) {
        return callers.require(request, Role.ADMIN)
                .chain(admin -> members.remove(admin, InvitationResource.uuid(userId)))
                .map(done -> Response.noContent().build());
    }
}
